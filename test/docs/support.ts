// Runs the programs in docs/examples/ in-process, against real servers on 127.0.0.1.
//
// Each example is a complete program that ends with `listen(3000)` (or exports a Fetch handler
// as `export default { fetch }`, which Deno, Bun and Workers serve). Importing it here runs it
// with `net.Server.prototype.listen` redirected to an ephemeral port on 127.0.0.1, so the test
// finds the real server it started; a Fetch handler is served with @hono/node-server. Imports of
// "hxplan" and its subpaths resolve to src/ (vitest.config.ts), as in every unit test.
import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { createAdaptorServer } from "@hono/node-server";
import { afterAll, beforeAll, vi } from "vitest";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** htmx 2's request headers for an element with an id (`hx-post` on `<button id="add">`). */
export const HTMX2 = { "HX-Request": "true", "HX-Current-URL": "http://localhost:3000/" } as const;
/** htmx 4's request headers for the same element. */
export const HTMX4 = {
  "HX-Request": "true",
  "HX-Request-Type": "partial",
  "HX-Source": "button#add",
  "HX-Current-URL": "http://localhost:3000/",
} as const;

export interface RunningExample {
  readonly base: string;
  /** The example's module (its exports, if any). */
  readonly module: Record<string, unknown>;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

type Listen = (this: net.Server, ...args: unknown[]) => net.Server;

/** Imports `docs/examples/<name>.js` with its listen() moved to 127.0.0.1 and a free port. */
export async function runExample(name: string): Promise<RunningExample> {
  const servers: net.Server[] = [];
  const proto = net.Server.prototype as unknown as { listen: Listen };
  const original = proto.listen;
  proto.listen = function (this: net.Server, ...args: unknown[]) {
    servers.push(this);
    const callback = args.find((arg) => typeof arg === "function");
    return original.call(this, { port: 0, host: "127.0.0.1" }, callback);
  };
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  let module: Record<string, unknown>;
  try {
    module = await import(`${ROOT}docs/examples/${name}.js`);
  } finally {
    proto.listen = original;
  }
  const handler = (module.default as { fetch?: (request: Request) => Promise<Response> } | undefined)?.fetch;
  if (servers.length === 0 && handler !== undefined) {
    const server = createAdaptorServer({ fetch: handler });
    server.listen(0, "127.0.0.1");
    servers.push(server);
  }
  const main = servers[0];
  if (main === undefined) log.mockRestore();
  if (main === undefined)
    throw new Error(`docs/examples/${name}.js neither listens nor exports a fetch handler`);
  if (!main.listening) await once(main, "listening");
  log.mockRestore(); // after the example's own "listening on …" line
  const { port } = main.address() as net.AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    module,
    fetch: (path, init) => fetch(base + path, { redirect: "manual", ...init }),
    async close() {
      for (const server of servers) {
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}

/** Every markdown file the docs are built from: README.md and docs/**\/*.md. */
export function markdownFiles(): string[] {
  const files = ["README.md"];
  for (const entry of readdirSync(`${ROOT}docs`, { recursive: true, encoding: "utf8" })) {
    if (entry.endsWith(".md")) files.push(`docs/${entry.replaceAll("\\", "/")}`);
  }
  return files.sort();
}

export interface CodeBlock {
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly lang: string;
  readonly body: string;
}

/** The fenced code blocks of a markdown file. */
export function codeBlocks(file: string): CodeBlock[] {
  const lines = readFileSync(ROOT + file, "utf8").split("\n");
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})(\S*)\s*$/.exec(lines[i] ?? "");
    if (open === null) continue;
    const fence = open[1] ?? "```";
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i]?.trimEnd() !== fence; i++) body.push(lines[i] ?? "");
    blocks.push({ file, line: start + 1, lang: open[2] ?? "", body: `${body.join("\n")}\n` });
  }
  return blocks;
}

/**
 * The file a block quotes. A block whose first line is `// docs/examples/x.js` is that whole
 * file (the file starts with the same line); a block whose first line is
 * `// from docs/examples/x.js` or `<!-- from docs/examples/x.js -->` is an excerpt: the lines
 * after the marker occur verbatim in the file.
 */
export function quotedFile(block: CodeBlock): { path: string; whole: boolean } | undefined {
  const first = block.body.split("\n", 1)[0] ?? "";
  const whole = /^\/\/ (docs\/examples\/[\w/.-]+\.js)$/.exec(first);
  if (whole?.[1] !== undefined) return { path: whole[1], whole: true };
  const excerpt =
    /^(?:\/\/ from (docs\/examples\/[\w/.-]+\.js)|<!-- from (docs\/examples\/[\w/.-]+\.js) -->)$/.exec(first);
  const path = excerpt?.[1] ?? excerpt?.[2];
  if (path !== undefined) return { path, whole: false };
  return undefined;
}

/** Starts the example for the enclosing describe; closes it afterwards. */
export function serving(name: string): () => RunningExample {
  let app: RunningExample | undefined;
  beforeAll(async () => {
    app = await runExample(name);
  });
  afterAll(() => app?.close());
  return () => {
    if (app === undefined) throw new Error(`${name} is not running`);
    return app;
  };
}
