import { once } from "node:events";
import type { Server } from "node:http";
import { fileURLToPath } from "node:url";
import { EdgeVM } from "@edge-runtime/vm";
import { serve } from "@hono/node-server";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHandler } from "../../examples/fetch/handler.js";
import { baseUrl, close, itServesTheTodoApp } from "./support.js";

describe("Fetch handler example (examples/fetch/handler.js) on Node via @hono/node-server", () => {
  let server: Server;
  let base = "";
  beforeAll(async () => {
    server = serve({ fetch: createHandler(), port: 0, hostname: "127.0.0.1" }) as Server;
    await once(server, "listening");
    base = baseUrl(server);
  });
  afterAll(() => close(server));

  itServesTheTodoApp({
    fetch: (path, init) => fetch(base + path, init),
    errorBody: /^Internal Server Error \(invalid_existing_header\)$/,
  });
});

describe("the core and hxRequest bundle for a Fetch-only runtime", () => {
  it("bundles with no Node built-in and runs in a fresh edge-runtime VM", async () => {
    // platform "neutral": any `node:` import (or other built-in) fails the bundle.
    const result = await build({
      entryPoints: [fileURLToPath(new URL("../../examples/fetch/handler.js", import.meta.url))],
      alias: { hxplan: fileURLToPath(new URL("../../src/index.ts", import.meta.url)) },
      bundle: true,
      platform: "neutral",
      mainFields: ["module", "main"],
      format: "iife",
      globalName: "example",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const external = Object.values(result.metafile.inputs).flatMap((input) =>
      input.imports.filter((i) => i.external).map((i) => i.path),
    );
    expect(external).toEqual([]);
    const code = result.outputFiles[0]!.text;

    const vm = new EdgeVM();
    vm.evaluate(code);
    const response = await vm.evaluate<
      Promise<{ status: number; headers: Headers; text(): Promise<string> }>
    >(
      `example.default.fetch(new Request("http://edge.test/todos", { method: "POST", headers: { "HX-Request": "true" } }))`,
    );
    expect(response.status).toBe(201);
    expect(response.headers.get("hx-trigger")).toBe('{"flash":{},"todo-added":{"count":3}}');
    expect(await response.text()).toBe("<li>Todo 3</li>");
  });
});
