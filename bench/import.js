// Cold import: the time a fresh Node process spends in `await import("hxplan")` (the built
// dist, zod included), against an empty module as the floor.
import { execFileSync } from "node:child_process";

const TARGETS = {
  hxplan: new URL("../dist/index.js", import.meta.url).href,
  "zod/mini alone": import.meta.resolve("zod/mini"),
  "@quilted/htmx": import.meta.resolve("@quilted/htmx"),
  "empty module": "data:text/javascript,export%20default%201",
};

function importOnce(specifier) {
  const script = `const t0 = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t0);`;
  return Number(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }));
}

/** Prints the median cold import time of each target over `runs` fresh processes. */
export async function coldImport({ runs }) {
  console.log(`## Cold import (fresh process each, median of ${runs})\n`);
  console.log("| module | import time |");
  console.log("|---|--:|");
  const out = {};
  for (const [name, specifier] of Object.entries(TARGETS)) {
    const times = [];
    for (let i = 0; i < runs; i++) times.push(importOnce(specifier));
    times.sort((a, b) => a - b);
    out[name] = times[runs >> 1];
    console.log(`| ${name} | ${out[name].toFixed(1)} ms |`);
  }
  console.log("");
  return out;
}
