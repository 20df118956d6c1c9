// The shape of src/ that STYLE.md asks for and issue 13 found broken: no import circles (types
// included) and no module-level mutable state.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));
const files = readdirSync(SRC, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".ts"))
  .map((f) => join(SRC, f));

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+"(\.{1,2}\/[^"]+)"/gms)) {
    out.push(normalize(join(dirname(file), m[1]!.replace(/\.js$/, ".ts"))));
  }
  return out;
}

describe("src/ layout", () => {
  it("has no import circle, type-only imports included", () => {
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    const cycles: string[] = [];
    const done = new Set<string>();
    const visit = (file: string, path: string[]): void => {
      if (path.includes(file)) {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(SRC, f)).join(" -> "));
        return;
      }
      if (done.has(file)) return;
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      done.add(file);
    };
    for (const file of files) visit(file, []);
    expect(files.length).toBeGreaterThan(10);
    expect(cycles).toEqual([]);
  });

  it("keeps no module-level mutable state (no top-level let or var)", () => {
    const found: string[] = [];
    for (const file of files) {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (/^(?:export\s+)?(?:let|var)\s/.test(line))
            found.push(`${relative(SRC, file)}:${i + 1}: ${line}`);
        });
    }
    expect(found).toEqual([]);
  });
});
