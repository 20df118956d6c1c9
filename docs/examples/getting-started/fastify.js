// docs/examples/getting-started/fastify.js
import Fastify from "fastify";
import { htmx } from "hxplan/fastify";
import { list, page } from "./views.js";

const todos = ["Read the guide"];
const app = Fastify();
// htmx posts forms url-encoded; without a parser (or @fastify/formbody) Fastify answers 415.
app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) =>
  done(null, Object.fromEntries(new URLSearchParams(body))),
);
// request.htmx, request.hx(), reply.hx(plan), reply.ptag(); one registration covers every scope.
await app.register(htmx());

app.get("/", async (request, reply) =>
  reply.type("text/html; charset=utf-8").send(request.htmx.isHtmx ? list(todos) : page(todos)),
);

app.post("/todos", async (request, reply) => {
  todos.push(String(request.body?.text ?? ""));
  return reply
    .hx(request.hx().trigger("todo-added", { count: todos.length })) // through reply.header()
    .type("text/html; charset=utf-8")
    .send(list(todos));
});

await app.listen({ port: 3000 }); // Fastify answers other URLs 404
