// The README's 30-second examples (docs/examples/quickstart/), one per runtime, each on its real
// server: a POST from htmx gets the fragment and HX-Trigger; any other URL is a 404.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HTMX2, type RunningExample, runExample } from "./support.js";

for (const runtime of ["node", "express", "fastify", "koa", "hono", "fetch"]) {
  describe(`docs/examples/quickstart/${runtime}.js`, () => {
    let app: RunningExample;
    beforeAll(async () => {
      app = await runExample(`quickstart/${runtime}`);
    });
    afterAll(() => app.close());

    it("answers an htmx POST /save with the fragment and HX-Trigger", async () => {
      const response = await app.fetch("/save", {
        method: "POST",
        headers: { ...HTMX2, "Content-Type": "application/x-www-form-urlencoded" },
        body: "name=Ada",
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("hx-trigger")).toBe('{"saved":{"id":7}}');
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await response.text()).toBe("<p>Saved</p>");
    });

    it("answers another URL with 404", async () => {
      const response = await app.fetch("/nope", { headers: HTMX2 });
      expect(response.status).toBe(404);
      expect(response.headers.get("hx-trigger")).toBeNull();
    });
  });
}
