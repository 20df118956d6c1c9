// docs/examples/getting-started/hono.js
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { honoContext, htmx } from "hxplan/hono";
import { list, page } from "./views.js";

const todos = ["Read the guide"];
const app = new Hono(); // in TypeScript: new Hono<{ Variables: HtmxVariables }>()
app.use(htmx()); // c.var.htmx, c.var.hx(), c.var.ptag(); Vary for what you read

app.get("/", (c) => c.html(c.var.htmx.isHtmx ? list(todos) : page(todos)));

app.post("/todos", async (c) => {
  const { text } = await c.req.parseBody();
  todos.push(String(text ?? ""));
  // honoContext(c) writes through c.header(), merged with what other middleware set.
  c.var.hx().trigger("todo-added", { count: todos.length }).applyTo(honoContext(c));
  return c.html(list(todos));
});

// Hono answers other URLs 404. On Deno, Bun and Workers: export default app.
serve({ fetch: app.fetch, port: 3000 }, () => console.log("http://localhost:3000"));
