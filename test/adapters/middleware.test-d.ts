// Type tests for the middleware subpaths: what each framework's handler sees.

import type { IncomingMessage, ServerResponse } from "node:http";
import express from "express";
import Fastify from "fastify";
import { Hono } from "hono";
import type { Hx, HxRequest } from "hxplan";
import { htmx as expressHtmx } from "hxplan/express";
import { htmx as fastifyHtmx, fastifyHx } from "hxplan/fastify";
import { htmx as fetchHtmx, type HtmxFetchContext } from "hxplan/fetch";
import { type HtmxVariables, htmx as honoHtmx } from "hxplan/hono";
import { type HtmxState, htmx as koaHtmx } from "hxplan/koa";
import { type HtmxContext, htmx as nodeHtmx } from "hxplan/node";
import Koa from "koa";
import { describe, expectTypeOf, it } from "vitest";

describe("middleware types", () => {
  it("express: req.htmx, req.hx(), res.hx(plan), res.ptag()", () => {
    const app = express();
    app.use(expressHtmx({ redirects: "hx-redirect" }));
    app.get("/", (req, res) => {
      expectTypeOf(req.htmx).toEqualTypeOf<HxRequest>();
      expectTypeOf(req.hx()).toEqualTypeOf<Hx>();
      expectTypeOf(res.hx(req.hx())).toEqualTypeOf<typeof res>();
      expectTypeOf(res.ptag("t", () => 1)).toEqualTypeOf<number | undefined>();
    });
    // @ts-expect-error: redirects takes false, "hx-redirect" or "hx-location"
    expressHtmx({ redirects: true });
    // @ts-expect-error: htmx is 2 or 4
    expressHtmx({ htmx: 3 });
  });

  it("node: handler(req, res, { htmx, hx, ptag })", () => {
    const handler = nodeHtmx((req, res, context) => {
      expectTypeOf(req).toEqualTypeOf<IncomingMessage>();
      expectTypeOf(res).toEqualTypeOf<ServerResponse>();
      expectTypeOf(context).toEqualTypeOf<HtmxContext>();
      return context.hx({ maxHeaderBytes: 4096 });
    });
    expectTypeOf(handler).returns.toEqualTypeOf<Hx>();
  });

  it("fetch: handler(request, { htmx, hx, ptag }, ...rest) keeps the runtime's arguments", () => {
    const handler = fetchHtmx(
      (request: Request, context, env: { KV: string }, ctx: { waitUntil(p: Promise<unknown>): void }) => {
        expectTypeOf(context).toEqualTypeOf<HtmxFetchContext>();
        expectTypeOf(context.ptag("t", () => new Response())).toEqualTypeOf<Promise<Response>>();
        void env.KV;
        void ctx;
        return new Response(request.url);
      },
    );
    expectTypeOf(handler).parameters.toEqualTypeOf<
      [Request, { KV: string }, { waitUntil(p: Promise<unknown>): void }]
    >();
    expectTypeOf(handler).returns.toEqualTypeOf<Promise<Response>>();
  });

  it("fastify: request.htmx, request.hx(), reply.hx(), reply.ptag(); fastifyHx is htmx", async () => {
    const app = Fastify();
    await app.register(fastifyHtmx({ htmx: 4 }));
    await app.register(fastifyHx);
    expectTypeOf(fastifyHx).toEqualTypeOf(fastifyHtmx);
    app.get("/", async (request, reply) => {
      expectTypeOf(request.htmx).toEqualTypeOf<HxRequest>();
      expectTypeOf(request.hx()).toEqualTypeOf<Hx>();
      return reply.ptag("t", () => reply.hx(request.hx()).send("x"));
    });
  });

  it("koa: ctx.state.htmx, ctx.state.hx(), ctx.state.ptag()", () => {
    const app = new Koa<HtmxState>();
    app.use(koaHtmx());
    app.use((ctx) => {
      expectTypeOf(ctx.state.htmx).toEqualTypeOf<HxRequest>();
      expectTypeOf(ctx.state.hx()).toEqualTypeOf<Hx>();
      expectTypeOf(ctx.state.ptag("t", () => "body")).toEqualTypeOf<string | undefined>();
    });
  });

  it("hono: c.var.htmx, c.var.hx(), c.var.ptag()", () => {
    const app = new Hono<{ Variables: HtmxVariables }>();
    app.use(honoHtmx({ vary: false }));
    app.get("/", (c) => {
      expectTypeOf(c.var.htmx).toEqualTypeOf<HxRequest>();
      expectTypeOf(c.var.hx()).toEqualTypeOf<Hx>();
      return c.var.ptag("t", () => c.html("x"));
    });
  });
});
