import { once } from "node:events";
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../examples/cors/app.js";
import { baseUrl, close } from "./support.js";

describe("CORS example (examples/cors/app.js)", () => {
  let server: Server;
  let base = "";
  beforeAll(async () => {
    server = serve({ fetch: createApp().fetch, port: 0, hostname: "127.0.0.1" }) as Server;
    await once(server, "listening");
    base = baseUrl(server);
  });
  afterAll(() => close(server));

  it("allows htmx's request headers in the preflight", async () => {
    const res = await fetch(`${base}/todos`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://app.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "hx-request,hx-current-url,hx-target",
      },
    });
    expect(res.status).toBe(204);
    const allowed = (res.headers.get("access-control-allow-headers") ?? "").toLowerCase().split(",");
    expect(allowed).toEqual(expect.arrayContaining(["hx-request", "hx-current-url", "hx-target"]));
  });

  it("exposes the plan's HX-* headers, merged with what the CORS middleware exposes", async () => {
    const res = await fetch(`${base}/todos`, {
      method: "POST",
      headers: { Origin: "https://app.example", "HX-Request": "true" },
    });
    expect(res.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(res.headers.get("access-control-expose-headers")).toBe("X-Request-Id, HX-Trigger, HX-Retarget");
    expect(res.headers.get("hx-trigger")).toBe('{"todo-added":{}}');
    expect(res.headers.get("hx-retarget")).toBe("#todos");
    expect(res.headers.get("vary")).toBe("Origin");
  });
});
