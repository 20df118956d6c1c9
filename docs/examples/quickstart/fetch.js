// docs/examples/quickstart/fetch.js
import { htmx } from "hxplan/fetch";

// `deno serve`, `bun run` and Cloudflare Workers serve this default export.
export default {
  fetch: htmx((request, { hx }) => {
    const { pathname } = new URL(request.url);
    if (request.method !== "POST" || pathname !== "/save") return new Response("Not found", { status: 404 });
    const headers = { "Content-Type": "text/html; charset=utf-8" };
    return hx().trigger("saved", { id: 7 }).toResponse("<p>Saved</p>", { headers });
  }),
};
