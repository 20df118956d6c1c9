// Fastify 5: the fastifyHx plugin adds `reply.hx(plan)`, which writes through reply.header() and
// reply.code() so hooks and reply.getHeader() see the plan, and `request.htmx`, whose reads it
// turns into Vary.

import { fileURLToPath } from "node:url";
import Fastify from "fastify";
import { hx } from "hxplan";
import { fastifyHx } from "hxplan/fastify";

const page = (body) =>
  `<!doctype html><html><head><script src="https://unpkg.com/htmx.org@2.0.8"></script></head><body>${body}</body></html>`;
const item = (text) => `<li>${text}</li>`;

export async function createApp(options = {}) {
  const todos = ["Read the request", "Plan the response"];
  const list = () =>
    `<ul id="todos">${todos.map(item).join("")}</ul>` +
    `<button hx-post="/todos" hx-target="#todos" hx-swap="beforeend">Add</button>`;

  const app = Fastify(options);
  await app.register(fastifyHx);

  // An earlier hook: its HX-Trigger and Vary survive every plan below.
  app.addHook("onRequest", async (_request, reply) => {
    reply.header("HX-Trigger", "flash");
    reply.header("Vary", "Accept-Encoding");
  });

  app.get("/todos", async (request, reply) => {
    // request.htmx: the htmx request headers; the plugin adds Vary for what was read
    // (here Vary: HX-Request, HX-History-Restore-Request).
    const html = request.htmx.isHtmx ? list() : page(list()); // a fragment for htmx, else the page
    return reply.type("text/html; charset=utf-8").send(html);
  });

  app.post("/todos", async (_request, reply) => {
    todos.push(`Todo ${todos.length + 1}`);
    return reply
      .hx(hx().trigger("todo-added", { count: todos.length }).status(201))
      .type("text/html; charset=utf-8")
      .send(item(todos.at(-1)));
  });

  app.get("/jobs/:id", async (_request, reply) =>
    reply.hx(hx().stopPolling()).type("text/html; charset=utf-8").send("<p>Done</p>"),
  );

  // A broken header from elsewhere makes reply.hx() throw an HxError before it writes anything;
  // Fastify's error handler answers 500 with { code: "invalid_existing_header", … }.
  app.get(
    "/broken",
    {
      onRequest: async (_request, reply) => {
        reply.header("HX-Trigger", '{"half":');
      },
    },
    async (_request, reply) => reply.hx(hx().trigger("never").reswap("outerHTML")).send("unreachable"),
  );

  return app;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const app = await createApp({ logger: true });
  await app.listen({ port: 3000 });
}
