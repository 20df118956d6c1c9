// node:http: `plan.applyTo(res)` merges the plan into the response, then you write the body.
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { hx, hxRequest, isHxError } from "hxplan";

const page = (body) =>
  `<!doctype html><html><head><script src="https://unpkg.com/htmx.org@2.0.8"></script></head><body>${body}</body></html>`;
const item = (text) => `<li>${text}</li>`;

export function createApp() {
  const todos = ["Read the request", "Plan the response"];
  const list = () =>
    `<ul id="todos">${todos.map(item).join("")}</ul>` +
    `<button hx-post="/todos" hx-target="#todos" hx-swap="beforeend">Add</button>`;

  function route(req, res) {
    // An earlier layer (a session or flash-message middleware) already set these headers:
    // every plan below merges with them instead of replacing them.
    res.setHeader("HX-Trigger", "flash");
    res.setHeader("Vary", "Accept-Encoding");

    if (req.method === "GET" && req.url === "/todos") {
      const request = hxRequest(req);
      const html = request.isHtmx ? list() : page(list()); // a fragment for htmx, else the page
      hx()
        .vary(...request.consulted) // Vary: HX-Request, HX-History-Restore-Request
        .applyTo(res);
      return send(res, html);
    }
    if (req.method === "POST" && req.url === "/todos") {
      todos.push(`Todo ${todos.length + 1}`);
      hx().trigger("todo-added", { count: todos.length }).status(201).applyTo(res);
      return send(res, item(todos.at(-1)));
    }
    if (req.method === "GET" && req.url === "/jobs/1") {
      hx().stopPolling().applyTo(res); // 286: htmx 2 stops polling this element
      return send(res, "<p>Done</p>");
    }
    if (req.method === "GET" && req.url === "/broken") {
      res.setHeader("HX-Trigger", '{"half":'); // a broken header from elsewhere: HxError below
      hx().trigger("never").reswap("outerHTML").applyTo(res);
      return send(res, "unreachable");
    }
    res.statusCode = 404;
    return send(res, "Not found");
  }

  return createServer((req, res) => {
    try {
      route(req, res);
    } catch (error) {
      // applyTo validates everything before it writes: nothing of the failed plan is on `res`.
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      res.statusCode = 500;
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      res.end(isHxError(error) ? `Internal Server Error (${error.code})` : "Internal Server Error");
    }
  });
}

function send(res, html) {
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.end(html);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  createApp().listen(3000, () => console.log("http://localhost:3000/todos"));
}
