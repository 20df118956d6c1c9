// docs/examples/quickstart/hono.js
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { honoContext, htmx } from "hxplan/hono";

const app = new Hono();
app.use(htmx()); // c.var.htmx, c.var.hx(), c.var.ptag()
app.post("/save", (c) => {
  c.var.hx().trigger("saved", { id: 7 }).applyTo(honoContext(c));
  return c.html("<p>Saved</p>");
});
serve({ fetch: app.fetch, port: 3000 }); // on Deno, Bun and Workers: export default app
