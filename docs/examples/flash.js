// docs/examples/flash.js
// Flash messages from a middleware: res.flash(text) puts the messages in HX-Trigger, and what
// the handler triggers is merged into the same header (one valid JSON object).
import express from "express";
import { htmx } from "hxplan/express";

const app = express();
app.use(htmx());
app.use((req, res, next) => {
  const messages = [];
  res.flash = (text) => {
    messages.push(text);
    // The same event name again: the later params win, so the list stays complete.
    res.hx(req.hx().trigger("flash", { messages }));
  };
  next();
});

let items = 0;
app.post("/items", (req, res) => {
  items += 1;
  res.flash("Item saved");
  if (items % 2 === 0) res.flash(`You have ${items} items`);
  res
    .hx(req.hx().trigger("item-added", { id: items }))
    .type("html")
    .send(`<li>Item ${items}</li>`);
});

// On the page: document.addEventListener("flash", (e) => e.detail.messages.forEach(showToast));
app.listen(3000, () => console.log("http://localhost:3000"));
