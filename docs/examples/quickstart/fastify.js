// docs/examples/quickstart/fastify.js
import Fastify from "fastify";
import { htmx } from "hxplan/fastify";

const app = Fastify();
// htmx posts forms url-encoded; without a parser (or @fastify/formbody) Fastify answers 415.
app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) =>
  done(null, Object.fromEntries(new URLSearchParams(body))),
);
await app.register(htmx()); // request.htmx, request.hx(), reply.hx(plan), reply.ptag()
app.post("/save", async (request, reply) =>
  reply
    .hx(request.hx().trigger("saved", { id: 7 }))
    .type("text/html")
    .send("<p>Saved</p>"),
);
await app.listen({ port: 3000 });
