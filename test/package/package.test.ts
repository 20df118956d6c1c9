// The package as a user meets it: `npm pack`, lint the tarball (publint, arethetypeswrong),
// install it into a fresh project outside this repository, then import it, require it and
// type-check a consumer against it. Nothing here is aliased to src/: it tests dist/ as packed.
//
// One pack and one install are shared by every test; the checks then run concurrently, each
// test awaiting its own. `npm test` builds dist/ first; run alone, this file rebuilds a stale
// dist/ itself.
//
// The subpaths (hxplan/hono, …) are imported and required here, and arethetypeswrong resolves
// their types; they are not type-checked from the consumer, since that means checking every
// framework's own .d.ts (20 s for Fastify's), and `npm run typecheck` already checks the
// adapters against the real frameworks.

import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const attw = join(root, "node_modules", "@arethetypeswrong", "cli", "dist", "index.js");

/** The runtime exports that API.md makes binding for the main entry. */
const MAIN_EXPORTS = ["HTMX_STOP_POLLING", "Hx", "HxError", "hx", "hxRequest", "isHxError"];

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command; never throws, so a test can show what the command printed. */
function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

const node = (args: readonly string[], cwd: string): Promise<Run> => run(process.execPath, args, cwd);

function show(result: Run): string {
  return `exit ${result.code}\n${result.stdout}\n${result.stderr}`;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Rebuilds dist/ when a source file is newer than its output (when run without `npm test`). */
async function ensureFreshBuild(): Promise<void> {
  const sources = (await walk(join(root, "src"))).filter((f) => f.endsWith(".ts"));
  for (const source of sources) {
    const output = join(root, "dist", relative(join(root, "src"), source)).replace(/\.ts$/, ".js");
    const outTime = await stat(output).then(
      (s) => s.mtimeMs,
      () => 0,
    );
    if (outTime < (await stat(source)).mtimeMs) {
      const built = await node([tsc, "-p", "tsconfig.build.json"], root);
      if (built.code !== 0) throw new Error(`build failed:\n${show(built)}`);
      return;
    }
  }
}

interface Packed {
  readonly filename: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly files: ReadonlyArray<{ readonly path: string }>;
}

interface Manifest {
  readonly exports: Readonly<Record<string, unknown>>;
}

let work = "";
let consumer = "";
let tarball = "";
let packed: Packed;
let subpaths: string[] = [];
const checks: Record<string, Promise<Run>> = {};

// Type-checked with the consumer's configurations below: what a user writes, including what
// the types must refuse.
const CONSUMER_TS = `import {
  HTMX_STOP_POLLING,
  type Duration,
  type HeaderTarget,
  Hx,
  HxError,
  type HxErrorCode,
  type HxOptions,
  type HxRequest,
  hx,
  hxRequest,
  isHxError,
  type LocationOptions,
  type SwapModifiers,
  type SwapStyle,
  type TriggerOptions,
} from "hxplan";

const options: HxOptions = { htmx: 4, maxHeaderBytes: 4096 };
const trigger: TriggerOptions = { after: "settle", target: "#list" };
const modifiers: SwapModifiers = { swap: "1s" satisfies Duration, scroll: "bottom", scrollTarget: "#log" };
const style: SwapStyle = "outerMorph";
const where: LocationOptions = { target: "#main", swap: { style: "innerHTML", settle: 100 }, push: false };
const plan: Hx = hx(options)
  .trigger("saved", { id: 7 }, trigger)
  .reswap(style, modifiers)
  .reswap("beforeend scroll:bottom")
  .location("/inbox", where)
  .vary("HX-Request");
const headers: Readonly<Record<string, string>> = plan.toHeaders();
const status: number | undefined = plan.statusCode;
const snapshot: { htmx: 2 | 4; status?: number; headers: Record<string, string> } = plan.toJSON();
const init: ResponseInit = plan.toResponseInit({ status: 200 });
const response: Response = plan.toResponse("<p>saved</p>", init);
const target: Headers = plan.applyTo(new Headers());
const record = plan.applyTo<HeaderTarget>({ "content-type": "text/html" });
const request: HxRequest = hxRequest(new Headers({ "HX-Request": "true" }));
const stop: 286 = HTMX_STOP_POLLING;

let code: HxErrorCode | undefined;
try {
  hx().pushUrl("javascript:alert(1)");
} catch (error) {
  if (isHxError(error)) code = error.code;
  if (error instanceof HxError) code = error.code;
}

// @ts-expect-error: only false turns history off; true is not a URL.
hx().pushUrl(true);
// @ts-expect-error: htmx 2 or 4.
hx({ htmx: 3 });
// @ts-expect-error: timings are literals.
hx().trigger("saved", null, { after: "load" });
// @ts-expect-error: a scroll position is top or bottom.
hx().reswap("innerHTML", { scroll: "middle" });

export { code, headers, record, request, response, snapshot, status, stop, target };
`;

function tsconfig(compilerOptions: Record<string, unknown>, files: readonly string[]): string {
  const base = {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    // Check every .d.ts (ours above all) except TypeScript's own lib files, which cost seconds.
    skipLibCheck: false,
    skipDefaultLibCheck: true,
    noEmit: true,
    target: "ES2022",
    types: [],
  };
  return JSON.stringify({ compilerOptions: { ...base, ...compilerOptions }, files }, null, 2);
}

beforeAll(async () => {
  await ensureFreshBuild();
  work = await mkdtemp(join(tmpdir(), "hxplan-package-"));
  consumer = join(work, "consumer");
  await mkdir(join(consumer, "src"), { recursive: true });

  // --ignore-scripts: dist/ is already built; prepack would build it a second time.
  const pack = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], root);
  if (pack.code !== 0) throw new Error(`npm pack failed:\n${show(pack)}`);
  packed = (JSON.parse(pack.stdout) as Packed[])[0]!;
  tarball = join(work, packed.filename);

  await writeFile(
    join(consumer, "package.json"),
    JSON.stringify({ name: "hxplan-consumer", private: true, type: "module" }, null, 2),
  );
  const install = await run(
    "npm",
    [
      "install",
      tarball,
      "--no-audit",
      "--no-fund",
      "--prefer-offline",
      "--ignore-scripts",
      "--loglevel=error",
    ],
    consumer,
  );
  if (install.code !== 0) throw new Error(`npm install of the tarball failed:\n${show(install)}`);

  const installed = join(consumer, "node_modules", "hxplan");
  const manifest = JSON.parse(await readFile(join(installed, "package.json"), "utf8")) as Manifest;
  subpaths = Object.keys(manifest.exports)
    .filter((key) => key !== "./package.json")
    .map((key) => (key === "." ? "hxplan" : `hxplan/${key.slice(2)}`));

  const esm = `import * as main from "hxplan";
const { hx, Hx, HxError, isHxError, hxRequest, HTMX_STOP_POLLING } = main;
const out = { exports: Object.keys(main).sort(), subpaths: {} };
out.instance = hx() instanceof Hx;
out.headers = hx().trigger("saved", { text: "Grüße" }).pushUrl("/items/7").toHeaders();
try { hx().pushUrl("javascript:alert(1)"); } catch (e) { out.error = [isHxError(e), e instanceof HxError, e.code]; }
try { hx().trigger("ok").retarget("#a b c d e f g ".trim() + "\\n"); } catch (e) { out.frame = e.stack.split("\\n").find((l) => l.startsWith("    at ")); }
out.isHtmx = hxRequest({ "HX-Request": "true" }).isHtmx;
out.stop = HTMX_STOP_POLLING;
for (const s of ${JSON.stringify(subpaths)}) out.subpaths[s] = Object.keys(await import(s)).sort();
console.log(JSON.stringify(out));
`;
  const cjs = `"use strict";
const main = require("hxplan");
const out = { requireModule: process.features.require_module, exports: Object.keys(main).sort(), subpaths: {} };
out.headers = main.hx().refresh().toHeaders();
for (const s of ${JSON.stringify(subpaths)}) out.subpaths[s] = Object.keys(require(s)).sort();
import("hxplan").then((ns) => {
  out.sameModule = ns.Hx === main.Hx;
  console.log(JSON.stringify(out));
});
`;
  const dom = { lib: ["ES2022", "DOM", "DOM.Iterable"] };
  await Promise.all([
    writeFile(join(consumer, "esm.mjs"), esm),
    writeFile(join(consumer, "cjs.cjs"), cjs),
    writeFile(join(consumer, "src", "consumer.ts"), CONSUMER_TS),
    writeFile(
      join(consumer, "tsconfig.nodenext.json"),
      tsconfig({ ...dom, module: "nodenext", moduleResolution: "nodenext" }, ["src/consumer.ts"]),
    ),
    writeFile(
      join(consumer, "tsconfig.bundler.json"),
      tsconfig({ ...dom, module: "preserve", moduleResolution: "bundler" }, ["src/consumer.ts"]),
    ),
    // A Node server project: no DOM lib, Fetch types from @types/node only.
    writeFile(
      join(consumer, "tsconfig.node.json"),
      tsconfig(
        {
          lib: ["ES2022"],
          types: ["node"],
          typeRoots: [join(root, "node_modules", "@types")],
          module: "nodenext",
          moduleResolution: "nodenext",
        },
        ["src/consumer.ts"],
      ),
    ),
  ]);

  // Everything below is independent: run it concurrently, each test awaits its own result.
  // --no-definitely-typed: no registry lookup of @types/hxplan, so the check runs offline.
  checks.attw = node(
    [attw, tarball, "--profile", "esm-only", "--no-definitely-typed", "--no-color", "--no-emoji"],
    work,
  );
  checks.esm = node(["esm.mjs"], consumer);
  checks.cjs = node(["cjs.cjs"], consumer);
  for (const config of ["nodenext", "bundler", "node"]) {
    checks[config] = node([tsc, "-p", `tsconfig.${config}.json`, "--pretty", "false"], consumer);
  }
  // Keep an unawaited rejection from surfacing before its test runs.
  for (const check of Object.values(checks)) check.catch(() => undefined);
});

afterAll(async () => {
  await Promise.allSettled(Object.values(checks));
  if (work !== "") await rm(work, { recursive: true, force: true });
});

describe("the packed tarball", () => {
  it("holds dist/ built from the current src/, the sources, the manifest and the license, nothing else", async () => {
    const paths = packed.files.map((f) => f.path).sort();
    const outside = paths.filter(
      (p) =>
        !p.startsWith("dist/") && !p.startsWith("src/") && !/^(package\.json|README\.md|LICENSE)$/.test(p),
    );
    expect(outside, "files outside dist/ and src/").toEqual([]);
    expect(paths).toContain("LICENSE");
    // Outputs of deleted or renamed sources linger in dist/ until it is cleaned.
    const orphans: string[] = [];
    for (const p of paths.filter((p) => p.startsWith("dist/"))) {
      const source = join(root, "src", p.slice(5).replace(/\.(js|d\.ts)(\.map)?$/, ".ts"));
      if (!(await stat(source).catch(() => undefined))) orphans.push(p);
    }
    expect(orphans, "dist/ files without a source in src/ (rm -rf dist and rebuild)").toEqual([]);
    // A loose ceiling: catches a stray folder in the tarball, not a growing library (dist/ with
    // its maps and the src/ they point at: about 165 kB packed).
    expect(packed.size, "packed bytes").toBeLessThan(250_000);
    console.info(`hxplan tarball: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked`);
  });

  it("ships the sources its source maps and declaration maps point at (go-to-source from node_modules)", async () => {
    const installed = join(consumer, "node_modules", "hxplan");
    const maps = (await walk(join(installed, "dist"))).filter((f) => f.endsWith(".map"));
    expect(maps.some((f) => f.endsWith(".d.ts.map"))).toBe(true);
    expect(maps.some((f) => f.endsWith(".js.map"))).toBe(true);
    const missing: string[] = [];
    for (const map of maps) {
      const { sources } = JSON.parse(await readFile(map, "utf8")) as { sources: string[] };
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) {
        const file = join(map, "..", source);
        if (!(await stat(file).catch(() => undefined)))
          missing.push(`${relative(installed, map)} -> ${source}`);
      }
    }
    expect(missing, "source-map sources missing from the package").toEqual([]);
  });

  it("passes publint (strict, suggestions included)", async () => {
    const data = await readFile(tarball);
    const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    const { messages, pkg } = await publint({ pack: { tarball: buffer }, strict: true, level: "suggestion" });
    expect(messages.map((m) => formatMessage(m, pkg, { color: false }) ?? m.code)).toEqual([]);
  });

  it("passes arethetypeswrong with the esm-only profile", async () => {
    const result = await checks.attw!;
    expect(result.code, show(result)).toBe(0);
  });

  it("ships declarations that never mention zod", async () => {
    const dist = join(consumer, "node_modules", "hxplan", "dist");
    const declarations = (await walk(dist)).filter((f) => f.endsWith(".d.ts"));
    expect(declarations.length).toBeGreaterThan(0);
    const mentions: string[] = [];
    for (const file of declarations) {
      const lines = (await readFile(file, "utf8")).split("\n");
      lines.forEach((line, i) => {
        if (/zod/i.test(line)) mentions.push(`${relative(dist, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    // An exported declaration typed with a zod type makes tsc import zod into the .d.ts, even
    // in an internal module: type it without zod (or keep it unexported).
    expect(mentions, "zod in the published declarations").toEqual([]);
  });
});

describe("installed into a fresh project", () => {
  it("imports as ESM: the API.md exports, a working plan and its errors, every subpath", async () => {
    const result = await checks.esm!;
    expect(result.code, show(result)).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.exports).toEqual(MAIN_EXPORTS);
    expect(out.instance).toBe(true);
    expect(out.headers).toEqual({
      "HX-Trigger": '{"saved":{"text":"Gr\\u00fc\\u00dfe"}}',
      "HX-Push-Url": "/items/7",
    });
    expect(out.error).toEqual([true, true, "unsafe_url"]);
    // The stack starts at the consumer's own line, not inside node_modules/hxplan.
    expect(out.frame).toMatch(/esm\.mjs:\d+:\d+\)?$/);
    expect(out.isHtmx).toBe(true);
    expect(out.stop).toBe(286);
    expect(Object.keys(out.subpaths)).toEqual(subpaths);
    for (const [subpath, names] of Object.entries(out.subpaths)) {
      expect(names, `${subpath} exports`).not.toEqual([]);
    }
  });

  it("loads with require() on Node 20.19+ (require(esm), unflagged and silent), as the same module", async () => {
    const result = await checks.cjs!;
    expect(result.code, show(result)).toBe(0);
    // Node 20.19 enabled require(esm) by default and warns only under --trace-require-module.
    expect(result.stderr).toBe("");
    const out = JSON.parse(result.stdout);
    expect(out.requireModule).toBe(true);
    expect(out.exports).toEqual(MAIN_EXPORTS);
    expect(out.headers).toEqual({ "HX-Refresh": "true" });
    // require() and import() share one instance: no dual-package hazard for instanceof.
    expect(out.sameModule).toBe(true);
    expect(Object.keys(out.subpaths)).toEqual(subpaths);
  });

  it("type-checks a consumer with moduleResolution nodenext (skipLibCheck off)", async () => {
    const result = await checks.nodenext!;
    expect(result.code, show(result)).toBe(0);
  });

  it("type-checks a consumer with moduleResolution bundler (skipLibCheck off)", async () => {
    const result = await checks.bundler!;
    expect(result.code, show(result)).toBe(0);
  });

  it("type-checks a Node consumer without the DOM lib (Fetch types from @types/node)", async () => {
    const result = await checks.node!;
    expect(result.code, show(result)).toBe(0);
  });
});
