// docs/examples/events.js
// Server-sent events on the client: a listener on document, an element that reloads itself
// when the event fires (hx-trigger="… from:body"), a non-object detail, a targeted event.
import { createServer } from "node:http";
import { htmx } from "hxplan/node";

const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><script src="https://unpkg.com/htmx.org@2.0.8"></script></head>
<body>
  <button hx-post="/save" hx-swap="none">Save</button>
  <p id="status" hx-get="/status" hx-trigger="saved from:body">Not saved yet</p>
  <p>Saves: <output id="count">0</output></p>
  <span id="lamp"></span>
  <script>
    // An object becomes event.detail; the event bubbles from the button to document.
    document.addEventListener("saved", (event) => {
      console.log("saved", event.detail.id, event.detail.message);
    });
    // Anything else arrives as event.detail.value.
    document.addEventListener("counted", (event) => {
      document.getElementById("count").textContent = event.detail.value;
    });
    // A targeted event is dispatched on the target (and bubbles from there).
    document.getElementById("lamp").addEventListener("light", (event) => {
      event.target.style.background = event.detail.color;
    });
  </script>
</body>
</html>`;

let saves = 0;

const handler = htmx((req, res, { hx }) => {
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  if (req.method === "GET" && req.url === "/") return res.end(page);
  if (req.method === "POST" && req.url === "/save") {
    saves += 1;
    hx()
      .trigger("saved", { id: saves, message: "Grüße 👋" }) // sent as ASCII \u escapes
      .trigger("counted", saves) // event.detail.value
      .trigger("light", { color: "green" }, { target: "#lamp" })
      .applyTo(res);
    return res.end();
  }
  if (req.method === "GET" && req.url === "/status") return res.end(`Saved ${saves} times`);
  res.statusCode = 404;
  res.end("Not found");
});

createServer(handler).listen(3000, () => console.log("http://localhost:3000"));
