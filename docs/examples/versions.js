// docs/examples/versions.js
// One route, two clients: the middleware's hx() builds each plan for the htmx version of the
// page that sent the request (htmx 4 always sends HX-Request-Type or HX-Source).
import { createServer } from "node:http";
import { htmx } from "hxplan/node";

const handler = htmx((req, res, { hx }) => {
  if (req.method !== "POST" || req.url !== "/save") return res.writeHead(404).end("Not found");
  hx()
    .trigger("saved", { id: 7 }, { after: "settle" }) // htmx 2: HX-Trigger-After-Settle; 4: HX-Trigger
    .reswap("outerHTML", { swap: "1s", scroll: "bottom", scrollTarget: "#log" }) // spelled per version
    .applyTo(res);
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.end(`<p id="saved">Saved</p>`);
});

createServer(handler).listen(3000, () => console.log("http://localhost:3000"));
