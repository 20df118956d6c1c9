// Koa 3: the htmx() middleware reads the request (ctx.state.htmx) and adds Vary for what was
// read; `plan.applyTo(koaResponse(ctx))` writes through ctx.response and ctx.status, so the
// plan's status stays explicit when you assign ctx.body.

import { fileURLToPath } from "node:url";
import { hx } from "hxplan";
import { htmx, koaResponse } from "hxplan/koa";
import Koa from "koa";

const page = (body) =>
  `<!doctype html><html><head><script src="https://unpkg.com/htmx.org@2.0.8"></script></head><body>${body}</body></html>`;
const item = (text) => `<li>${text}</li>`;

export function createApp() {
  const todos = ["Read the request", "Plan the response"];
  const list = () =>
    `<ul id="todos">${todos.map(item).join("")}</ul>` +
    `<button hx-post="/todos" hx-target="#todos" hx-swap="beforeend">Add</button>`;

  const app = new Koa();

  // An earlier middleware: its HX-Trigger and Vary survive every plan below.
  app.use(async (ctx, next) => {
    ctx.set("HX-Trigger", "flash");
    ctx.vary("Accept-Encoding");
    await next();
  });
  app.use(htmx()); // ctx.state.htmx, and Vary for the HX-* headers read downstream

  app.use(async (ctx) => {
    if (ctx.method === "GET" && ctx.path === "/todos") {
      ctx.type = "html";
      // A fragment for htmx, else the page; htmx() then adds
      // Vary: HX-Request, HX-History-Restore-Request.
      ctx.body = ctx.state.htmx.isHtmx ? list() : page(list());
    } else if (ctx.method === "POST" && ctx.path === "/todos") {
      todos.push(`Todo ${todos.length + 1}`);
      hx().trigger("todo-added", { count: todos.length }).status(201).applyTo(koaResponse(ctx));
      ctx.type = "html";
      ctx.body = item(todos.at(-1)); // the 201 stays: Koa saw an explicit status
    } else if (ctx.method === "GET" && ctx.path === "/jobs/1") {
      hx().stopPolling().applyTo(koaResponse(ctx)); // 286: htmx 2 stops polling this element
      ctx.type = "html";
      ctx.body = "<p>Done</p>";
    } else if (ctx.method === "GET" && ctx.path === "/broken") {
      // A broken header from elsewhere makes applyTo throw an HxError before it writes
      // anything; Koa's ctx.onerror clears the headers and answers 500.
      ctx.set("HX-Trigger", '{"half":');
      hx().trigger("never").reswap("outerHTML").applyTo(koaResponse(ctx));
      ctx.body = "unreachable";
    }
  });

  return app;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  createApp().listen(3000, () => console.log("http://localhost:3000/todos"));
}
