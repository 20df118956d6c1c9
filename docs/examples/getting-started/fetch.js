// docs/examples/getting-started/fetch.js
import { htmx } from "hxplan/fetch";
import { list, page } from "./views.js";

const todos = ["Read the guide"];
const headers = { "Content-Type": "text/html; charset=utf-8" };

const handler = htmx(async (request, { htmx, hx }) => {
  const { pathname } = new URL(request.url);
  if (request.method === "GET" && pathname === "/") {
    return new Response(htmx.isHtmx ? list(todos) : page(todos), { headers });
  }
  if (request.method === "POST" && pathname === "/todos") {
    todos.push(String((await request.formData()).get("text") ?? ""));
    return hx().trigger("todo-added", { count: todos.length }).toResponse(list(todos), { headers });
  }
  return new Response("Not found", { status: 404 });
});

// Deno: `deno serve` this file · Bun: `bun run` it · Cloudflare Workers: deploy it.
// Node: serve({ fetch: handler, port: 3000 }) from @hono/node-server.
export default { fetch: handler };
