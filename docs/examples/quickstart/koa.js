// docs/examples/quickstart/koa.js
import { htmx, koaResponse } from "hxplan/koa";
import Koa from "koa";

const app = new Koa();
app.use(htmx()); // ctx.state.htmx, ctx.state.hx(), ctx.state.ptag()
app.use((ctx) => {
  if (ctx.method !== "POST" || ctx.path !== "/save") return; // Koa answers 404
  ctx.state.hx().trigger("saved", { id: 7 }).applyTo(koaResponse(ctx));
  ctx.type = "html";
  ctx.body = "<p>Saved</p>";
});
app.listen(3000);
