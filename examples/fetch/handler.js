// A plain Fetch handler (Request in, Response out): the shape Deno.serve, Bun.serve and
// Cloudflare Workers use. No Node API: `plan.toResponse()` builds the Response.
import { hx, hxRequest, isHxError } from "hxplan";

const page = (body) =>
  `<!doctype html><html><head><script src="https://unpkg.com/htmx.org@2.0.8"></script></head><body>${body}</body></html>`;
const item = (text) => `<li>${text}</li>`;
const html = { "Content-Type": "text/html; charset=utf-8" };

export function createHandler() {
  const todos = ["Read the request", "Plan the response"];
  const list = () =>
    `<ul id="todos">${todos.map(item).join("")}</ul>` +
    `<button hx-post="/todos" hx-target="#todos" hx-swap="beforeend">Add</button>`;

  function route(request) {
    const { pathname } = new URL(request.url);
    // Headers from an earlier layer (here: a flash message); toResponse merges the plan in.
    const headers = { ...html, "HX-Trigger": "flash", Vary: "Accept-Encoding" };

    if (request.method === "GET" && pathname === "/todos") {
      const htmx = hxRequest(request);
      const body = htmx.isHtmx ? list() : page(list()); // a fragment for htmx, else the page
      return hx()
        .vary(...htmx.consulted) // Vary: HX-Request, HX-History-Restore-Request
        .toResponse(body, { headers });
    }
    if (request.method === "POST" && pathname === "/todos") {
      todos.push(`Todo ${todos.length + 1}`);
      return hx()
        .trigger("todo-added", { count: todos.length })
        .status(201)
        .toResponse(item(todos.at(-1)), { headers });
    }
    if (request.method === "GET" && pathname === "/jobs/1") {
      return hx().stopPolling().toResponse("<p>Done</p>", { headers }); // 286
    }
    if (request.method === "GET" && pathname === "/broken") {
      // A broken header from elsewhere: toResponse throws an HxError and builds nothing.
      return hx()
        .trigger("never")
        .reswap("outerHTML")
        .toResponse("unreachable", { headers: { ...headers, "HX-Trigger": '{"half":' } });
    }
    return new Response("Not found", { status: 404 });
  }

  return async function handler(request) {
    try {
      return route(request);
    } catch (error) {
      const detail = isHxError(error) ? ` (${error.code})` : "";
      return new Response(`Internal Server Error${detail}`, { status: 500 });
    }
  };
}

// Deno: Deno.serve(createHandler()) · Bun: Bun.serve({ fetch: createHandler() })
// Cloudflare Workers: export default { fetch: createHandler() }
export default { fetch: createHandler() };
