// The bundle a user ships: the built dist (not src, which "hxplan" is aliased to in this
// project), bundled by esbuild as an edge bundler would, minified ESM, zod included, gzip -9.
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

// Issue 6's target for the typical entry. Not met yet: zod/mini alone is about 4,700 bytes
// gzipped for one strictObject, and hxplan's own code about 12,000, so the target test below is
// an expected failure (it starts passing, and so fails, once the bundle fits) and REGRESSION
// guards what there is now.
const TARGET = 9000;
const REGRESSION = 21_000;
const root = fileURLToPath(new URL("..", import.meta.url));
const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url));

// A typical entry: one builder chain, applied to a Fetch Headers.
const ENTRY = `
import { hx } from "hxplan";
export function respond(id) {
  const headers = new Headers({ "Content-Type": "text/html; charset=utf-8" });
  hx()
    .trigger("saved", { id }, { after: "settle" })
    .retarget("#row-" + id)
    .reswap("outerHTML", { swap: 100 })
    .pushUrl("/items/" + id)
    .applyTo(headers);
  return new Response("<tr></tr>", { headers });
}
`;

async function bundle(): Promise<string> {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: "js" },
    alias: { hxplan: dist },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    // Kept as imports rather than failing the build, so the test can say which one leaked in.
    external: ["node:*"],
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

describe("bundle size", () => {
  it("has no node: import and stays under the regression ceiling", async () => {
    const code = await bundle();
    expect(code).toContain("HX-Reswap");
    expect(code).not.toMatch(/["']node:/);
    const gzipped = gzipSync(code, { level: 9 }).length;
    expect(gzipped, `gzipped bundle is ${gzipped} bytes`).toBeLessThanOrEqual(REGRESSION);
  });

  it.fails(`meets the target of ${TARGET} bytes gzipped, zod included`, async () => {
    const gzipped = gzipSync(await bundle(), { level: 9 }).length;
    expect(gzipped, `gzipped bundle is ${gzipped} bytes`).toBeLessThanOrEqual(TARGET);
  });
});
