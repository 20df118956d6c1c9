// Bundle size of the typical entry, as test/size.test.ts measures it: the built dist bundled by
// esbuild (minified ESM, zod included), gzip level 9.
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

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

/**
 * Bundles the typical entry from the built dist, as an edge bundler would. `node:` imports are
 * kept as imports rather than failing the build, so test/size.test.ts can say which one leaked.
 * @returns {Promise<{ code: string, gzipped: number, zod: number }>}
 */
export async function bundleTypicalEntry() {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: fileURLToPath(new URL("..", import.meta.url)), loader: "js" },
    alias: { hxplan: fileURLToPath(new URL("../dist/index.js", import.meta.url)) },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    external: ["node:*"],
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].text;
  const gzipped = gzipSync(code, { level: 9 }).length;
  const inputs = Object.values(result.metafile.outputs)[0].inputs;
  let zod = 0;
  for (const [path, { bytesInOutput }] of Object.entries(inputs))
    if (path.includes("node_modules/zod/")) zod += bytesInOutput;
  return { code, gzipped, zod };
}

/** The project's bundle ceiling and goal, in gzipped bytes (README: Performance). */
export const CEILING = 18_500;
export const GOAL = 15_000;

/** Prints the minified and gzipped size of the typical entry, and how much of it is zod. */
export async function bundleSize() {
  const { code, gzipped, zod } = await bundleTypicalEntry();
  const mark = (limit) => `≤ ${limit} B ${gzipped <= limit ? "✓" : "✗"}`;
  console.log("## Bundle (`import { hx }` + a typical chain, esbuild minified ESM, zod included)\n");
  console.log("| minified | of which zod | gzip -9 | ceiling | goal |");
  console.log("|--:|--:|--:|--:|--:|");
  console.log(`| ${code.length} B | ${zod} B | ${gzipped} B | ${mark(CEILING)} | ${mark(GOAL)} |\n`);
  return { minified: code.length, gzipped, zod };
}
