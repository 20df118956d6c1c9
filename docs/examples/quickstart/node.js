// docs/examples/quickstart/node.js
import { createServer } from "node:http";
import { htmx } from "hxplan/node";

createServer(
  htmx((req, res, { hx }) => {
    if (req.method !== "POST" || req.url !== "/save") return res.writeHead(404).end("Not found");
    hx().trigger("saved", { id: 7 }).applyTo(res); // HX-Trigger: {"saved":{"id":7}}
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end("<p>Saved</p>");
  }),
).listen(3000);
