import type { FastifyInstance } from "fastify";
import Fastify from "fastify";
import { hx } from "hxplan";
import { fastifyHx, fastifyReply } from "hxplan/fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../examples/fastify/app.js";
import { itServesTheTodoApp } from "./support.js";

describe("Fastify 5 example (examples/fastify/app.js)", () => {
  let app: FastifyInstance;
  let base = "";
  const errors: unknown[] = [];
  const seenByOnSend: unknown[] = [];
  beforeAll(async () => {
    app = await createApp();
    app.addHook("onError", async (_request, _reply, error) => {
      errors.push(error);
    });
    // Fastify's own hooks see what the plan wrote, since it went through the reply.
    app.addHook("onSend", async (request, reply) => {
      if (request.method === "POST") seenByOnSend.push([reply.statusCode, reply.getHeader("hx-trigger")]);
    });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(() => app.close());

  itServesTheTodoApp({
    fetch: (path, init) => fetch(base + path, init),
    errors: () => errors,
    errorBody: /"code":"invalid_existing_header"/,
  });

  it("lets onSend hooks see the plan's headers and status", () => {
    expect(seenByOnSend).toEqual([[201, '{"flash":{},"todo-added":{"count":3}}']]);
  });
});

describe("hxplan/fastify plugin", () => {
  it("request.htmx is one lazy view per request; Vary lists what the handler read", async () => {
    const app = Fastify();
    await app.register(fastifyHx);
    app.get("/plain", async () => "same for everyone");
    app.get("/boosted", async (request) => {
      const first = request.htmx;
      const same = first === request.htmx;
      return `${same} ${request.htmx.boosted ? "body only" : "page"}`;
    });
    const plain = await app.inject({ method: "GET", url: "/plain" });
    expect(plain.headers.vary).toBeUndefined();
    const boosted = await app.inject({ method: "GET", url: "/boosted", headers: { "HX-Boosted": "true" } });
    expect(boosted.body).toBe("true body only");
    expect(boosted.headers.vary).toBe("HX-Boosted");
    await app.close();
  });

  it("is not encapsulated: reply.hx and request.htmx work inside other plugins", async () => {
    const app = Fastify();
    await app.register(fastifyHx);
    await app.register(async (child) => {
      child.get("/child", async (request, reply) =>
        reply.hx(hx().trigger("child")).send(String(request.htmx.isHtmx)),
      );
    });
    const res = await app.inject({ method: "GET", url: "/child", headers: { "HX-Request": "true" } });
    expect(res.body).toBe("true");
    expect(res.headers["hx-trigger"]).toBe('{"child":{}}');
    expect(res.headers.vary).toBe("HX-Request, HX-History-Restore-Request");
    await app.close();
  });
});

describe("hxplan/fastify without the plugin", () => {
  it("fastifyReply(reply) is a target for plan.applyTo()", async () => {
    const app = Fastify();
    app.get("/", async (_request, reply) => {
      reply.header("Vary", "Accept");
      hx().retarget("#main").vary("HX-Request").status(422).applyTo(fastifyReply(reply));
      return "<p>Invalid</p>";
    });
    const res = await app.inject({ method: "GET", url: "/" });
    expect(res.statusCode).toBe(422);
    expect(res.headers["hx-retarget"]).toBe("#main");
    expect(res.headers.vary).toBe("Accept, HX-Request");
    await app.close();
  });

  it("refuses to write once the reply is sent (headers_sent)", async () => {
    const app = Fastify();
    let caught: unknown;
    app.get("/", (_request, reply) => {
      reply.send("done");
      try {
        hx().trigger("late").applyTo(fastifyReply(reply));
      } catch (error) {
        caught = error;
      }
    });
    await app.inject({ method: "GET", url: "/" });
    expect(caught).toMatchObject({ name: "HxError", code: "headers_sent" });
    await app.close();
  });
});

describe("hxplan/fastify htmx()", () => {
  it("registers as htmx(options), as htmx itself with options, and fastifyHx is the same function", async () => {
    const { htmx } = await import("hxplan/fastify");
    expect(fastifyHx).toBe(htmx);
    for (const register of [
      (app: ReturnType<typeof Fastify>) => app.register(htmx({ redirects: "hx-redirect" })),
      (app: ReturnType<typeof Fastify>) => app.register(htmx, { redirects: "hx-redirect" }),
    ]) {
      const app = Fastify();
      await register(app);
      app.post("/save", async (_request, reply) => reply.redirect("/next", 303));
      const res = await app.inject({ method: "POST", url: "/save", headers: { "HX-Request": "true" } });
      expect(res.statusCode).toBe(200);
      expect(res.headers["hx-redirect"]).toBe("/next");
      expect(res.headers.location).toBeUndefined();
      await app.close();
    }
  });
});
