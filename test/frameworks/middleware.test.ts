// Every framework's hxplan middleware against the one behaviour table in contract.ts, on real
// servers on 127.0.0.1.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { itKeepsTheMiddlewareContract } from "./contract.js";
import { FRAMEWORKS, startApp } from "./middleware-apps.js";

// The Fetch wrapper lets a thrown error propagate: the 500 is written by the code around it.
const VARY_ON_ERRORS = {
  express: true,
  node: true,
  fetch: false,
  fastify: true,
  koa: true,
  hono: true,
} as const;

describe.each(FRAMEWORKS)("hxplan/%s middleware", (framework) => {
  itKeepsTheMiddlewareContract((options) => startApp(framework, options), {
    varyOnErrors: VARY_ON_ERRORS[framework],
  });
});

describe("the middleware subpaths", () => {
  it.each(["express.ts", "node.ts", "fetch-middleware.ts", "fastify.ts", "koa.ts", "hono.ts"])(
    "%s imports nothing at run time but hxplan's own modules (no framework, no node:)",
    async (file) => {
      const result = await build({
        entryPoints: [fileURLToPath(new URL(`../../src/adapters/${file}`, import.meta.url))],
        bundle: true,
        packages: "external",
        platform: "neutral",
        format: "esm",
        write: false,
        metafile: true,
        logLevel: "silent",
      });
      const external = Object.values(result.metafile.inputs).flatMap((input) =>
        input.imports.filter((i) => i.external).map((i) => i.path),
      );
      // zod is hxplan's own dependency (the core's option schemas).
      expect(external.filter((path) => path !== "zod/mini")).toEqual([]);
    },
  );

  it("each middleware refuses bad options with invalid_option when it is made", async () => {
    const { htmx: express } = await import("hxplan/express");
    const { htmx: node } = await import("hxplan/node");
    const { htmx: fetchMiddleware } = await import("hxplan/fetch");
    const { htmx: fastify } = await import("hxplan/fastify");
    const { htmx: koa } = await import("hxplan/koa");
    const { htmx: hono } = await import("hxplan/hono");
    const make = [
      (o: unknown) => express(o as never),
      (o: unknown) => node(() => undefined, o as never),
      (o: unknown) => fetchMiddleware(() => new Response(), o as never),
      (o: unknown) => fastify(o as never),
      (o: unknown) => koa(o as never),
      (o: unknown) => hono(o as never),
    ];
    for (const bad of [{ redirects: "302" }, { htmx: 3 }, { vary: "yes" }, { unknown: 1 }, 7]) {
      for (const m of make)
        expect(() => m(bad)).toThrow(expect.objectContaining({ name: "HxError", code: "invalid_option" }));
    }
  });
});
