import type { AddressInfo } from "node:net";
import express from "express";
import Fastify from "fastify";
import { hx } from "hxplan";
import Koa from "koa";
import { describe, expect, it } from "vitest";

// API.md section 4: a Node ServerResponse-like target covers node:http, Express, Koa's ctx.res and Fastify's reply.raw.
const plan = () => hx().trigger("saved", { n: 1 }).pushUrl("/é").vary("HX-Request").status(201);

async function check(r: Response) {
  expect(r.status).toBe(201);
  expect(r.headers.get("hx-trigger")).toBe('{"first":{},"saved":{"n":1}}');
  expect(r.headers.get("hx-push-url")).toBe("/%C3%A9");
  expect(r.headers.get("vary")).toBe("Accept-Encoding, HX-Request");
  expect(await r.text()).toBe("ok");
}

describe("framework responses as targets", () => {
  it("Express res", async () => {
    const app = express();
    app.get("/", (_req, res) => {
      res.setHeader("HX-Trigger", "first");
      res.setHeader("Vary", "Accept-Encoding");
      plan().applyTo(res);
      res.send("ok");
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    try {
      await check(await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`));
    } finally {
      server.close();
    }
  });
  it("Koa ctx.res", async () => {
    const app = new Koa();
    app.use((ctx) => {
      ctx.set("HX-Trigger", "first");
      ctx.set("Vary", "Accept-Encoding");
      // Koa resets an implicit status to 200 when ctx.body is set, so the body goes first
      ctx.body = "ok";
      plan().applyTo(ctx.res);
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    try {
      await check(await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`));
    } finally {
      server.close();
    }
  });
  it("Fastify reply.raw", async () => {
    const app = Fastify();
    app.get("/", (_req, reply) => {
      reply.raw.setHeader("HX-Trigger", "first");
      reply.raw.setHeader("Vary", "Accept-Encoding");
      plan().applyTo(reply.raw);
      reply.send("ok");
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      await check(await fetch(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`));
    } finally {
      await app.close();
    }
  });
});
