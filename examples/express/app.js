// Express 5: `plan.applyTo(res)`; Express's own res.set()/res.vary() before and after still count.

import { fileURLToPath } from "node:url";
import express from "express";
import { hx, hxRequest } from "hxplan";

const page = (body) =>
  `<!doctype html><html><head><script src="https://unpkg.com/htmx.org@2.0.8"></script></head><body>${body}</body></html>`;
const item = (text) => `<li>${text}</li>`;

export function createApp() {
  const todos = ["Read the request", "Plan the response"];
  const list = () =>
    `<ul id="todos">${todos.map(item).join("")}</ul>` +
    `<button hx-post="/todos" hx-target="#todos" hx-swap="beforeend">Add</button>`;

  const app = express();

  // An earlier middleware: its HX-Trigger and Vary survive every plan below.
  app.use((_req, res, next) => {
    res.set("HX-Trigger", "flash");
    res.vary("Accept-Encoding");
    next();
  });

  app.get("/todos", (req, res) => {
    const request = hxRequest(req);
    const html = request.isHtmx ? list() : page(list()); // a fragment for htmx, else the page
    hx()
      .vary(...request.consulted) // Vary: HX-Request, HX-History-Restore-Request
      .applyTo(res);
    res.set("Cache-Control", "private, max-age=60"); // Express headers after the plan work too
    res.type("html").send(html);
  });

  app.post("/todos", (_req, res) => {
    todos.push(`Todo ${todos.length + 1}`);
    hx().trigger("todo-added", { count: todos.length }).status(201).applyTo(res);
    res.type("html").send(item(todos.at(-1)));
  });

  app.get("/jobs/:id", (_req, res) => {
    hx().stopPolling().applyTo(res); // 286: htmx 2 stops polling this element
    res.type("html").send("<p>Done</p>");
  });

  // A broken header from elsewhere makes applyTo throw an HxError before it writes anything;
  // Express 5 passes the thrown error to its error handler (the default one answers 500).
  app.get(
    "/broken",
    (_req, res, next) => {
      res.set("HX-Trigger", '{"half":');
      next();
    },
    (_req, res) => {
      hx().trigger("never").reswap("outerHTML").applyTo(res);
      res.send("unreachable");
    },
  );

  return app;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  createApp().listen(3000, () => console.log("http://localhost:3000/todos"));
}
