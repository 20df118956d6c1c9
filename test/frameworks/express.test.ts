import { createServer, type Server } from "node:http";
import type { NextFunction, Request, Response } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../examples/express/app.js";
import { close, itServesTheTodoApp, listen } from "./support.js";

describe("Express 5 example (examples/express/app.js)", () => {
  let server: Server;
  let base = "";
  const errors: unknown[] = [];
  beforeAll(async () => {
    const app = createApp();
    // Watch the error path without changing it: record, then hand over to Express's default.
    app.use((error: unknown, _req: Request, _res: Response, next: NextFunction) => {
      errors.push(error);
      next(error);
    });
    server = createServer(app);
    base = await listen(server);
  });
  afterAll(() => close(server));

  itServesTheTodoApp({ fetch: (path, init) => fetch(base + path, init), errors: () => errors });

  it("keeps Express headers set before (res.set, res.vary) and after (res.set) the plan", async () => {
    const res = await fetch(`${base}/todos`, { headers: { "HX-Request": "true" } });
    expect(res.headers.get("hx-trigger")).toBe("flash");
    expect(res.headers.get("cache-control")).toBe("private, max-age=60");
    expect(res.headers.get("vary")).toBe("Accept-Encoding, HX-Request, HX-History-Restore-Request");
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
  });
});

describe("hxplan/express htmx()", () => {
  it("used again in a sub-app, keeps one view of the request, so Vary lists every read", async () => {
    const { htmx } = await import("hxplan/express");
    const express = (await import("express")).default;
    const app = express();
    app.use(htmx());
    app.use((req, _res, next) => {
      void req.htmx.boosted;
      next();
    });
    const sub = express();
    sub.use(htmx({ redirects: "hx-redirect" }));
    sub.get("/page", (req, res) => {
      res.send(req.htmx.isHtmx ? "fragment" : "page");
    });
    app.use("/sub", sub);
    const server = createServer(app);
    const base = await listen(server);
    const res = await fetch(`${base}/sub/page`, { headers: { "HX-Request": "true" } });
    expect(await res.text()).toBe("fragment");
    expect(res.headers.get("vary")).toBe("HX-Boosted, HX-Request, HX-History-Restore-Request");
    await close(server);
  });
});
