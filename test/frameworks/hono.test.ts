import { once } from "node:events";
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { hx } from "hxplan";
import { type HtmxVariables, honoContext, htmx } from "hxplan/hono";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../../examples/hono/app.js";
import { baseUrl, close, itServesTheTodoApp } from "./support.js";

describe("Hono 4 example (examples/hono/app.js) on @hono/node-server", () => {
  let server: Server;
  let base = "";
  const errors: unknown[] = [];
  beforeAll(async () => {
    // Hono's default error handler logs the error with console.error and answers 500.
    vi.spyOn(console, "error").mockImplementation((error: unknown) => {
      errors.push(error);
    });
    server = serve({ fetch: createApp().fetch, port: 0, hostname: "127.0.0.1" }) as Server;
    await once(server, "listening");
    base = baseUrl(server);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await close(server);
  });

  itServesTheTodoApp({
    fetch: (path, init) => fetch(base + path, init),
    errors: () => errors,
    errorBody: /^Internal Server Error$/,
  });
});

describe("hxplan/hono", () => {
  it("htmx() adds Vary only for the request headers the handler read", async () => {
    const app = new Hono<{ Variables: HtmxVariables }>();
    app.use(htmx());
    app.get("/plain", (c) => c.text("same for everyone"));
    app.get("/boosted", (c) => c.text(c.var.htmx.boosted ? "body only" : "page"));
    const plain = await app.request("/plain");
    expect(plain.headers.get("vary")).toBeNull();
    const boosted = await app.request("/boosted", { headers: { "HX-Boosted": "true" } });
    expect(await boosted.text()).toBe("body only");
    expect(boosted.headers.get("vary")).toBe("HX-Boosted");
  });

  it("honoContext(c) applied after next() updates the finished response, status included", async () => {
    const app = new Hono();
    app.use(async (c, next) => {
      await next();
      hx().trigger("done").stopPolling().applyTo(honoContext(c));
    });
    app.get("/", (c) => {
      c.header("HX-Trigger", "first");
      return c.html("<p>ok</p>");
    });
    const res = await app.request("/");
    expect(res.status).toBe(286);
    expect(res.headers.get("hx-trigger")).toBe('{"first":{},"done":{}}');
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toBe("<p>ok</p>");
  });

  it("why not return plan.toResponse(): Hono drops headers a middleware set before next()", async () => {
    const app = new Hono();
    app.use(async (c, next) => {
      c.header("HX-Trigger", "flash");
      await next();
    });
    app.get("/response", () => hx().trigger("saved").toResponse("<p>ok</p>"));
    app.get("/context", (c) => {
      hx().trigger("saved").applyTo(honoContext(c));
      return c.html("<p>ok</p>");
    });
    expect((await app.request("/response")).headers.get("hx-trigger")).toBe('{"saved":{}}');
    expect((await app.request("/context")).headers.get("hx-trigger")).toBe('{"flash":{},"saved":{}}');
  });
});
