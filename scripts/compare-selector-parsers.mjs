// Measures how strict npm's CSS selector parsers are compared with Chromium's querySelectorAll,
// and what each costs in a bundle, as docs/contributing/selectors.md reports. Not part of
// `npm test`: the parsers are not dependencies. Install them somewhere else and point to it:
//
//   mkdir /tmp/parsers && cd /tmp/parsers && npm init -y && npm i css-what css-selector-parser parsel-js
//   PARSERS_DIR=/tmp/parsers node scripts/compare-selector-parsers.mjs
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { chromium } from "playwright-core";

const dir = process.env.PARSERS_DIR;
if (dir === undefined) throw new Error("set PARSERS_DIR to a folder where the parsers are installed");
const root = fileURLToPath(new URL("..", import.meta.url));

/** esbuild --minify of one import, gzip -9: what the parser adds to a bundle on its own. */
async function bundled(contents, resolveDir) {
  const result = await build({
    stdin: { contents, resolveDir, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].text;
  return { code, gzip: gzipSync(code, { level: 9 }).length };
}

const corpus = await bundled(
  `export * from ${JSON.stringify(join(root, "test/e2e/selector-corpus.ts"))};`,
  root,
);
const { CORPUS, FIXTURE } = await import(
  `data:text/javascript;base64,${Buffer.from(corpus.code).toString("base64")}`
);

const candidates = {
  "css-what": `import { parse } from "css-what"; export const check = (s) => { parse(s); };`,
  "css-selector-parser (strict)": `import { createParser } from "css-selector-parser"; const p = createParser({ syntax: "latest" }); export const check = (s) => { p(s); };`,
  "css-selector-parser (strict: false)": `import { createParser } from "css-selector-parser"; const p = createParser({ syntax: "latest", strict: false }); export const check = (s) => { p(s); };`,
  "parsel-js": `import { parse } from "parsel-js"; export const check = (s) => { if (parse(s) === undefined) throw new Error("empty"); };`,
  "hxplan (src/selector.ts)": `import { cssProblem } from ${JSON.stringify(join(root, "src/selector.ts"))}; export const check = (s) => { const p = cssProblem(s); if (p) throw new Error(p[1]); };`,
};

const browser = await chromium.launch({
  executablePath: process.env.HXPLAN_E2E_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage();
await page.setContent(FIXTURE);
const chromiumAccepts = await page.evaluate((corpus) => {
  return corpus.map((s) => {
    try {
      document.querySelectorAll(s);
      return true;
    } catch {
      return false;
    }
  });
}, CORPUS);
await browser.close();

console.log(
  `corpus: ${CORPUS.length} selectors, Chromium accepts ${chromiumAccepts.filter(Boolean).length}\n`,
);
console.log(
  "| parser | gzip B | minified B | accepts what Chromium rejects | rejects what Chromium accepts |",
);
console.log("|---|--:|--:|--:|--:|");
for (const [name, contents] of Object.entries(candidates)) {
  const { code, gzip } = await bundled(contents, name.startsWith("hxplan") ? root : dir);
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
  const tooLoose = [];
  const tooStrict = [];
  CORPUS.forEach((s, i) => {
    let ok = true;
    try {
      mod.check(s);
    } catch {
      ok = false;
    }
    if (ok && !chromiumAccepts[i]) tooLoose.push(s);
    if (!ok && chromiumAccepts[i]) tooStrict.push(s);
  });
  console.log(`| ${name} | ${gzip} | ${code.length} | ${tooLoose.length} | ${tooStrict.length} |`);
  if (process.env.VERBOSE) console.error(name, { tooLoose, tooStrict });
}
