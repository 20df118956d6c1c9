// docs/examples/getting-started/koa.js
import { htmx, koaResponse } from "hxplan/koa";
import Koa from "koa";
import { list, page } from "./views.js";

const todos = ["Read the guide"];

async function form(req) {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

const app = new Koa(); // in TypeScript: new Koa<HtmxState>()
app.use(htmx()); // ctx.state.htmx, ctx.state.hx(), ctx.state.ptag(); Vary for what you read

app.use(async (ctx) => {
  if (ctx.method === "GET" && ctx.path === "/") {
    ctx.type = "html";
    ctx.body = ctx.state.htmx.isHtmx ? list(todos) : page(todos);
  } else if (ctx.method === "POST" && ctx.path === "/todos") {
    todos.push((await form(ctx.req)).get("text") ?? "");
    // koaResponse(ctx) writes through ctx.response, so Koa keeps the plan's headers and status.
    ctx.state.hx().trigger("todo-added", { count: todos.length }).applyTo(koaResponse(ctx));
    ctx.type = "html";
    ctx.body = list(todos);
  } // anything else: no body, Koa answers 404
});

app.listen(3000, () => console.log("http://localhost:3000"));
