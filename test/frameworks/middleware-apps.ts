// The same small app on every framework, each through its hxplan middleware, for the shared
// middleware contract (contract.ts) and the browser tests (test/e2e/protocol.test.ts).
//
// Routes:
//   GET  /plain    reads nothing                               → "plain"
//   GET  /page     reads htmx.isHtmx                           → "fragment" or "page"
//   GET  /version  a plan from the bound hx(): an after-settle trigger (htmx 2: its own header,
//                  htmx 4: HX-Trigger)                         → "2" or "4"
//   POST /save     X-Kept: yes, then 303 to /next with a body (the framework's own redirect)
//   GET  /next     → "next (htmx)", "next (htmx, boosted)" or "next (page)"
//   GET  /news     ptag(NEWS_TAG, render): render counts calls → "news"
//   GET  /boom     reads htmx.isHtmx, then throws BOOM's error  → the framework's error path
//   GET  /stop     hx().stopPolling()                           → 286 "stopped"
//   extra: `routes` for the browser tests (full pages)
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import express from "express";
import Fastify from "fastify";
import { Hono } from "hono";
import { type HxRequest, hx } from "hxplan";
import { htmx as expressHtmx } from "hxplan/express";
import { htmx as fastifyHtmx } from "hxplan/fastify";
import { htmx as fetchHtmx, type HtmxFetchContext } from "hxplan/fetch";
import { type HtmxVariables, honoContext, htmx as honoHtmx } from "hxplan/hono";
import { type HtmxState, htmx as koaHtmx, koaResponse } from "hxplan/koa";
import { type HtmxContext, htmx as nodeHtmx } from "hxplan/node";
import Koa from "koa";

export const FRAMEWORKS = ["express", "node", "fetch", "fastify", "koa", "hono"] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const NEWS_TAG = "news-1";

export interface MiddlewareOptions {
  vary?: boolean;
  redirects?: false | "hx-redirect" | "hx-location";
  htmx?: 2 | 4;
}

/** Extra routes (exact path, GET) answering full HTML, the same on every framework. */
export type ExtraRoutes = Record<
  string,
  (request: { htmx: import("hxplan").HxRequest; url: string }) => string
>;

export interface RunningApp {
  readonly framework: Framework;
  readonly base: string;
  /** How many times /news rendered. */
  readonly renders: { count: number };
  /** The errors the framework's error path saw. */
  readonly errors: unknown[];
  /** For Fetch-based apps: the handler in-process (its Response carries statusText). */
  readonly direct?: (path: string, init?: RequestInit) => Promise<Response>;
  close(): Promise<void>;
}

export class Boom extends Error {
  override name = "Boom";
}

async function listen(server: Server): Promise<string> {
  if (!server.listening) {
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
  }
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

const HTML = "text/html; charset=utf-8";

/** What /next answers: who asked for it (htmx or a full page load). */
function next(htmx: HxRequest): string {
  const who = htmx.isHtmx ? (htmx.boosted ? "(htmx, boosted)" : "(htmx)") : "(page)";
  return `<main id="next">next ${who}</main>`;
}

/** Starts `framework`'s app with the middleware `options` on 127.0.0.1. */
export async function startApp(
  framework: Framework,
  options: MiddlewareOptions = {},
  extra: ExtraRoutes = {},
): Promise<RunningApp> {
  const renders = { count: 0 };
  const errors: unknown[] = [];
  const news = () => {
    renders.count++;
    return "news";
  };
  switch (framework) {
    case "express": {
      const app = express();
      app.use(expressHtmx(options));
      app.get("/plain", (_req, res) => {
        res.type("html").send("plain");
      });
      app.get("/page", (req, res) => {
        res.type("html").send(req.htmx.isHtmx ? "fragment" : "page");
      });
      app.get("/version", (req, res) => {
        const plan = req.hx().trigger("done", undefined, { after: "settle" });
        res.hx(plan).type("html").send(String(plan.htmx));
      });
      app.post("/save", (_req, res) => {
        res.set("X-Kept", "yes").redirect(303, "/next");
      });
      app.get("/next", (req, res) => {
        res.type("html").send(next(req.htmx));
      });
      app.get("/news", (_req, res) => {
        res.ptag(NEWS_TAG, () => res.type("html").send(news()));
      });
      app.get("/boom", (req) => {
        void req.htmx.isHtmx;
        throw new Boom("boom");
      });
      app.get("/stop", (_req, res) => {
        res.hx(hx().stopPolling()).type("html").send("stopped");
      });
      for (const [path, render] of Object.entries(extra)) {
        app.get(path, (req, res) => {
          res.type("html").send(render({ htmx: req.htmx, url: req.url }));
        });
      }
      app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
        errors.push(error);
        res.status(500).type("text").send("error");
      });
      const server = createServer(app);
      return { framework, base: await listen(server), renders, errors, close: () => closeServer(server) };
    }
    case "node": {
      const handler = nodeHtmx((req: IncomingMessage, res: ServerResponse, ctx: HtmxContext) => {
        const path = new URL(req.url ?? "/", "http://x").pathname;
        const send = (body: string, status = 200) => {
          res.statusCode = status;
          res.setHeader("Content-Type", HTML);
          res.end(body);
        };
        if (path === "/plain") return send("plain");
        if (path === "/page") return send(ctx.htmx.isHtmx ? "fragment" : "page");
        if (path === "/version") {
          const plan = ctx.hx().trigger("done", undefined, { after: "settle" });
          plan.applyTo(res);
          return send(String(plan.htmx));
        }
        if (path === "/save" && req.method === "POST") {
          res.setHeader("X-Kept", "yes");
          res.writeHead(303, { Location: "/next", "Content-Type": "text/plain" });
          res.end("see other");
          return;
        }
        if (path === "/next") return send(next(ctx.htmx));
        if (path === "/news") return ctx.ptag(NEWS_TAG, () => send(news()));
        if (path === "/boom") {
          void ctx.htmx.isHtmx;
          throw new Boom("boom");
        }
        if (path === "/stop") {
          hx().stopPolling().applyTo(res);
          return send("stopped", 286);
        }
        const render = extra[path];
        if (render !== undefined) return send(render({ htmx: ctx.htmx, url: req.url ?? "/" }));
        return send("not found", 404);
      }, options);
      const server = createServer((req, res) => {
        try {
          handler(req, res);
        } catch (error) {
          errors.push(error);
          res.statusCode = 500;
          res.end("error");
        }
      });
      return { framework, base: await listen(server), renders, errors, close: () => closeServer(server) };
    }
    case "fetch": {
      const handler = fetchHtmx(async (request: Request, ctx: HtmxFetchContext) => {
        const { pathname } = new URL(request.url);
        const html = (body: string, status = 200) =>
          new Response(body, { status, headers: { "Content-Type": HTML } });
        if (pathname === "/plain") return html("plain");
        if (pathname === "/page") return html(ctx.htmx.isHtmx ? "fragment" : "page");
        if (pathname === "/version") {
          const plan = ctx.hx().trigger("done", undefined, { after: "settle" });
          return plan.toResponse(String(plan.htmx), { headers: { "Content-Type": HTML } });
        }
        if (pathname === "/save" && request.method === "POST") {
          return new Response("see other", { status: 303, headers: { Location: "/next", "X-Kept": "yes" } });
        }
        if (pathname === "/next") return html(next(ctx.htmx));
        if (pathname === "/news") return ctx.ptag(NEWS_TAG, () => html(news()));
        if (pathname === "/boom") {
          void ctx.htmx.isHtmx;
          throw new Boom("boom");
        }
        if (pathname === "/stop")
          return hx()
            .stopPolling()
            .toResponse("stopped", { headers: { "Content-Type": HTML } });
        const render = extra[pathname];
        if (render !== undefined) return html(render({ htmx: ctx.htmx, url: pathname }));
        return html("not found", 404);
      }, options);
      const outer = async (request: Request): Promise<Response> => {
        try {
          return await handler(request);
        } catch (error) {
          errors.push(error);
          return new Response("error", { status: 500 });
        }
      };
      const server = serve({ fetch: outer, port: 0, hostname: "127.0.0.1" }) as Server;
      await once(server, "listening");
      const base = await listen(server);
      return {
        framework,
        base,
        renders,
        errors,
        direct: (path, init) => outer(new Request(base + path, init)),
        close: () => closeServer(server),
      };
    }
    case "fastify": {
      const app = Fastify();
      // htmx posts forms urlencoded, which Fastify has no parser for (415) without this.
      app.addContentTypeParser(
        "application/x-www-form-urlencoded",
        { parseAs: "string" },
        (_req, body, done) => done(null, body),
      );
      await app.register(fastifyHtmx(options));
      app.get("/plain", async (_request, reply) => reply.type(HTML).send("plain"));
      app.get("/page", async (request, reply) =>
        reply.type(HTML).send(request.htmx.isHtmx ? "fragment" : "page"),
      );
      app.get("/version", async (request, reply) => {
        const plan = request.hx().trigger("done", undefined, { after: "settle" });
        return reply.hx(plan).type(HTML).send(String(plan.htmx));
      });
      app.post("/save", async (_request, reply) => reply.header("X-Kept", "yes").redirect("/next", 303));
      app.get("/next", async (request, reply) => reply.type(HTML).send(next(request.htmx)));
      app.get("/news", async (_request, reply) => reply.ptag(NEWS_TAG, () => reply.type(HTML).send(news())));
      app.get("/boom", async (request) => {
        void request.htmx.isHtmx;
        throw new Boom("boom");
      });
      app.get("/stop", async (_request, reply) => reply.hx(hx().stopPolling()).type(HTML).send("stopped"));
      for (const [path, render] of Object.entries(extra)) {
        app.get(path, async (request, reply) =>
          reply.type(HTML).send(render({ htmx: request.htmx, url: request.url })),
        );
      }
      app.setErrorHandler(async (error, _request, reply) => {
        errors.push(error);
        return reply.code(500).type("text/plain").send("error");
      });
      const base = await app.listen({ port: 0, host: "127.0.0.1" });
      return { framework, base, renders, errors, close: () => app.close() };
    }
    case "koa": {
      const app = new Koa<HtmxState>();
      app.silent = true;
      app.on("error", (error: unknown) => errors.push(error));
      app.use(koaHtmx(options));
      app.use(async (ctx) => {
        const html = (body: string) => {
          ctx.type = "html";
          ctx.body = body;
        };
        if (ctx.path === "/plain") return html("plain");
        if (ctx.path === "/page") return html(ctx.state.htmx.isHtmx ? "fragment" : "page");
        if (ctx.path === "/version") {
          const plan = ctx.state.hx().trigger("done", undefined, { after: "settle" });
          plan.applyTo(koaResponse(ctx));
          return html(String(plan.htmx));
        }
        if (ctx.path === "/save" && ctx.method === "POST") {
          ctx.set("X-Kept", "yes");
          ctx.status = 303;
          return ctx.redirect("/next");
        }
        if (ctx.path === "/next") return html(next(ctx.state.htmx));
        if (ctx.path === "/news") return ctx.state.ptag(NEWS_TAG, () => html(news()));
        if (ctx.path === "/boom") {
          void ctx.state.htmx.isHtmx;
          throw new Boom("boom");
        }
        if (ctx.path === "/stop") {
          hx().stopPolling().applyTo(koaResponse(ctx));
          return html("stopped");
        }
        const render = extra[ctx.path];
        if (render !== undefined) return html(render({ htmx: ctx.state.htmx, url: ctx.url }));
      });
      const server = createServer(app.callback());
      return { framework, base: await listen(server), renders, errors, close: () => closeServer(server) };
    }
    case "hono": {
      const app = new Hono<{ Variables: HtmxVariables }>();
      app.use(honoHtmx(options));
      app.get("/plain", (c) => c.html("plain"));
      app.get("/page", (c) => c.html(c.var.htmx.isHtmx ? "fragment" : "page"));
      app.get("/version", (c) => {
        const plan = c.var.hx().trigger("done", undefined, { after: "settle" });
        plan.applyTo(honoContext(c));
        return c.html(String(plan.htmx));
      });
      app.post("/save", (c) => {
        c.header("X-Kept", "yes");
        return c.redirect("/next", 303);
      });
      app.get("/next", (c) => c.html(next(c.var.htmx)));
      app.get("/news", (c) => c.var.ptag(NEWS_TAG, () => c.html(news())));
      app.get("/boom", (c) => {
        void c.var.htmx.isHtmx;
        throw new Boom("boom");
      });
      app.get("/stop", (c) => {
        hx().stopPolling().applyTo(honoContext(c));
        return c.html("stopped");
      });
      for (const [path, render] of Object.entries(extra)) {
        app.get(path, (c) => c.html(render({ htmx: c.var.htmx, url: c.req.path })));
      }
      app.onError((error, c) => {
        errors.push(error);
        return c.text("error", 500);
      });
      const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }) as Server;
      await once(server, "listening");
      const base = await listen(server);
      return {
        framework,
        base,
        renders,
        errors,
        direct: (path, init) => Promise.resolve(app.request(path, init)),
        close: () => closeServer(server),
      };
    }
  }
}
