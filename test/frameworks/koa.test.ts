import { createServer, type Server } from "node:http";
import { hx } from "hxplan";
import { type HtmxState, htmx, koaResponse } from "hxplan/koa";
import Koa from "koa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../examples/koa/app.js";
import { close, itServesTheTodoApp, listen } from "./support.js";

describe("Koa 3 example (examples/koa/app.js)", () => {
  let server: Server;
  let base = "";
  const errors: unknown[] = [];
  beforeAll(async () => {
    const app = createApp();
    app.on("error", (error: unknown) => errors.push(error)); // Koa's error event: the normal path
    server = createServer(app.callback());
    base = await listen(server);
  });
  afterAll(() => close(server));

  itServesTheTodoApp({ fetch: (path, init) => fetch(base + path, init), errors: () => errors });
});

describe("hxplan/koa", () => {
  it("htmx() puts the request in ctx.state.htmx and adds Vary for what was read", async () => {
    const app = new Koa<HtmxState>();
    app.use(htmx());
    app.use((ctx) => {
      ctx.body = ctx.path === "/boosted" && ctx.state.htmx.boosted ? "body only" : "same for everyone";
    });
    const server = createServer(app.callback());
    const base = await listen(server);
    const plain = await fetch(`${base}/plain`, { headers: { "HX-Boosted": "true" } });
    expect(plain.headers.get("vary")).toBeNull();
    const boosted = await fetch(`${base}/boosted`, { headers: { "HX-Boosted": "true" } });
    expect(await boosted.text()).toBe("body only");
    expect(boosted.headers.get("vary")).toBe("HX-Boosted");
    await close(server);
  });

  it("keeps the plan's status explicit when ctx.body is set afterwards (ctx.res would not)", async () => {
    const app = new Koa();
    app.use((ctx) => {
      if (ctx.path === "/koa") hx().status(422).applyTo(koaResponse(ctx));
      else hx().status(422).applyTo(ctx.res);
      ctx.body = "<p>Invalid</p>";
    });
    const server = createServer(app.callback());
    const base = await listen(server);
    expect((await fetch(`${base}/koa`)).status).toBe(422);
    expect((await fetch(`${base}/raw`)).status).toBe(200); // why the adapter exists
    await close(server);
  });
});
