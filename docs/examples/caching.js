// docs/examples/caching.js
// One URL, two bodies (the page, or a fragment for htmx): Vary names the request headers the
// choice depended on, so a cache never serves a fragment as a page. hxRequest() records what
// was read in `consulted`; the middlewares add it to Vary for you.
import { createServer } from "node:http";
import { hx, hxRequest } from "hxplan";

const rows = "<tr><td>Brezel</td></tr><tr><td>Crème brûlée</td></tr>";

createServer((req, res) => {
  if (req.method !== "GET" || req.url !== "/products") return res.writeHead(404).end("Not found");
  const request = hxRequest(req);
  const body = request.isHtmx ? rows : `<!doctype html><table id="products">${rows}</table>`;
  hx()
    .vary(...request.consulted) // Vary: HX-Request, HX-History-Restore-Request
    .applyTo(res);
  res.setHeader("Cache-Control", "private, max-age=60");
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.end(body);
}).listen(3000, () => console.log("http://localhost:3000"));
