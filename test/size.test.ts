// The bundle a user ships: the built dist (not src, which "hxplan" is aliased to in this
// project), bundled by esbuild as an edge bundler would (bench/size.js, shared with
// `npm run bench`), minified ESM, zod included, gzip -9.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { bundleTypicalEntry } from "../bench/size.js";

// Issue 6's target for the typical entry. Not met: zod/mini's object parser alone (strictObject,
// optional, custom: all hxplan uses of it) is about 4,900 bytes gzipped, and hxplan's own code
// about 13,000, so the target test below is an expected failure (it starts passing, and so
// fails, once the bundle fits) and REGRESSION guards what there is now (17,803 bytes).
// Partials (issue 12: partial(), render(), partials in toResponse/merge/toJSON) add about
// 1,070 bytes (17,724 → 18,795): the Hx class carries them whether a plan uses them or not.
const TARGET = 9000;
const REGRESSION = 18_900;
async function bundle(): Promise<string> {
  return (await bundleTypicalEntry()).code;
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
