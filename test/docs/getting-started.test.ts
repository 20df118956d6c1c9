// The getting-started guide's apps (docs/examples/getting-started/), one per framework through
// its hxplan middleware, each on its real server: the page for a browser, the list for htmx with
// Vary, a POST that adds a todo and triggers `todo-added`, and a 404 for another URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HTMX2, HTMX4, type RunningExample, runExample } from "./support.js";

for (const framework of ["node", "express", "fastify", "koa", "hono", "fetch"]) {
  describe(`docs/examples/getting-started/${framework}.js`, () => {
    let app: RunningExample;
    beforeAll(async () => {
      app = await runExample(`getting-started/${framework}`);
    });
    afterAll(() => app.close());

    it("serves the whole page to a browser, with Vary for the htmx headers it read", async () => {
      const response = await app.fetch("/");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      expect(response.headers.get("vary")).toMatch(/HX-Request, HX-History-Restore-Request/);
      const body = await response.text();
      expect(body).toMatch(/^<!doctype html>/);
      expect(body).toContain('<form hx-post="/todos"');
      expect(body).toContain("<li>Read the guide</li>");
    });

    it("serves the list alone to htmx", async () => {
      const response = await app.fetch("/", { headers: HTMX2 });
      expect(response.headers.get("vary")).toMatch(/HX-Request, HX-History-Restore-Request/);
      expect(await response.text()).toMatch(/^<ul id="todos"><li>Read the guide<\/li>/);
    });

    it("adds a posted todo (escaped) and triggers todo-added, on htmx 2 and htmx 4", async () => {
      const post = (headers: Record<string, string>, text: string) =>
        app.fetch("/todos", {
          method: "POST",
          headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ text }).toString(),
        });
      const first = await post(HTMX2, "Grüße <b>");
      expect(first.status).toBe(200);
      expect(first.headers.get("hx-trigger")).toBe('{"todo-added":{"count":2}}');
      expect(await first.text()).toBe(
        '<ul id="todos"><li>Read the guide</li><li>Grüße &#60;b&#62;</li></ul>',
      );
      const second = await post(HTMX4, "Ship");
      expect(second.headers.get("hx-trigger")).toBe('{"todo-added":{"count":3}}');
      expect(await second.text()).toMatch(/<li>Ship<\/li><\/ul>$/);
    });

    it("answers another URL with 404", async () => {
      const response = await app.fetch("/nope", { headers: HTMX2 });
      expect(response.status).toBe(404);
    });
  });
}
