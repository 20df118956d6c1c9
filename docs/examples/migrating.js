// docs/examples/migrating.js
// Moving an app to htmx 4 in one step: the middleware's `htmx` option fixes the version of every
// plan req.hx() builds, and code outside a request starts from one shared base plan.
import express from "express";
import { hx } from "hxplan";
import { htmx } from "hxplan/express";

export const base = hx({ htmx: 4 }); // for plans built outside a request (a job, a helper)
const saved = (id) => base.trigger("saved", { id }, { after: "settle" });

const app = express();
app.use(htmx({ htmx: 4 })); // every req.hx() is an htmx 4 plan, whatever the request says

app.post("/items/:id", (req, res) => {
  res.hx(req.hx().reswap("outerHTML", { scroll: "top", scrollTarget: "#list" }).merge(saved(req.params.id)));
  res.type("html").send(`<li id="item-${req.params.id}">Saved</li>`);
});

app.listen(3000, () => console.log("http://localhost:3000"));
