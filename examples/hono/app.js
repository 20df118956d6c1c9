// Hono 4: the htmx() middleware reads the request (c.var.htmx) and adds Vary for what the
// handler read; `plan.applyTo(honoContext(c))` writes a plan through c.header()/c.status(),
// merged with what middleware set, and c.html() sends it.

import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { hx } from "hxplan";
import { honoContext, htmx } from "hxplan/hono";

const page = (body) =>
  `<!doctype html><html><head><script src="https://unpkg.com/htmx.org@2.0.8"></script></head><body>${body}</body></html>`;
const item = (text) => `<li>${text}</li>`;

export function createApp() {
  const todos = ["Read the request", "Plan the response"];
  const list = () =>
    `<ul id="todos">${todos.map(item).join("")}</ul>` +
    `<button hx-post="/todos" hx-target="#todos" hx-swap="beforeend">Add</button>`;

  const app = new Hono();

  // An earlier middleware: its HX-Trigger and Vary survive every plan below.
  app.use(async (c, next) => {
    c.header("HX-Trigger", "flash");
    c.header("Vary", "Accept-Encoding", { append: true });
    await next();
  });
  app.use(htmx()); // c.var.htmx, and Vary: HX-Request, HX-History-Restore-Request when read

  app.get("/todos", (c) => c.html(c.var.htmx.isHtmx ? list() : page(list())));

  app.post("/todos", (c) => {
    todos.push(`Todo ${todos.length + 1}`);
    hx().trigger("todo-added", { count: todos.length }).status(201).applyTo(honoContext(c));
    return c.html(item(todos.at(-1)));
  });

  app.get("/jobs/:id", (c) => {
    hx().stopPolling().applyTo(honoContext(c)); // 286: htmx 2 stops polling this element
    return c.html("<p>Done</p>");
  });

  // A broken header from elsewhere makes applyTo throw an HxError before it writes anything;
  // Hono's error handler (app.onError, by default a plain 500) answers.
  app.get("/broken", (c) => {
    c.header("HX-Trigger", '{"half":');
    hx().trigger("never").reswap("outerHTML").applyTo(honoContext(c));
    return c.text("unreachable");
  });

  return app;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  serve({ fetch: createApp().fetch, port: 3000 }, () => console.log("http://localhost:3000/todos"));
}
