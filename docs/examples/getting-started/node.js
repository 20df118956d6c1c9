// docs/examples/getting-started/node.js
import { createServer } from "node:http";
import { htmx } from "hxplan/node";
import { list, page } from "./views.js";

const todos = ["Read the guide"];

async function form(req) {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

const handler = htmx(async (req, res, { htmx, hx }) => {
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  if (req.method === "GET" && req.url === "/") {
    // A fragment for htmx, the page for the browser; the middleware adds
    // Vary: HX-Request, HX-History-Restore-Request because `isHtmx` was read.
    return res.end(htmx.isHtmx ? list(todos) : page(todos));
  }
  if (req.method === "POST" && req.url === "/todos") {
    todos.push((await form(req)).get("text") ?? "");
    hx().trigger("todo-added", { count: todos.length }).applyTo(res);
    return res.end(list(todos));
  }
  res.statusCode = 404;
  res.end("Not found");
});

createServer((req, res) => {
  handler(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
}).listen(3000, () => console.log("http://localhost:3000"));
