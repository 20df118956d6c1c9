// docs/examples/redirects.js
// Post/redirect/get with htmx: the middleware turns a 303 that answers a plain htmx request into
// HX-Redirect (a full page load), so htmx does not nest the next page inside the form.
import { createServer } from "node:http";
import { htmx } from "hxplan/node";

const handler = htmx(
  (req, res, { htmx }) => {
    if (req.method === "POST" && req.url === "/login") {
      res.writeHead(303, { Location: "/welcome" }); // the usual redirect, for every client
      return res.end();
    }
    if (req.method === "GET" && req.url === "/welcome") {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      const main = "<main><h1>Welcome</h1></main>";
      return res.end(htmx.isHtmx ? main : `<!doctype html><title>Welcome</title>${main}`);
    }
    res.writeHead(404).end("Not found");
  },
  { redirects: "hx-redirect" }, // or "hx-location": no page load, but /welcome must render a whole body
);

createServer(handler).listen(3000, () => console.log("http://localhost:3000"));
