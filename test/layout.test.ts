// The shape of src/ that STYLE.md asks for and issue 13 found broken: no import circles (types
// included) and no module-level mutable state. And the shape of test/: one test tree that mirrors
// src/ (docs/contributing/contributing.md, "Where does a test go").
import { existsSync, readdirSync, readFileSync } from "node:fs";
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

const TEST = fileURLToPath(new URL("./", import.meta.url));

/** The folders of test/: src/adapters/ mirrored, shared helpers, fixtures, whole-system suites. */
const TEST_FOLDERS = ["adapters", "docs", "e2e", "edge", "fixtures", "frameworks", "package", "support"];
/** Top-level suites about the whole library rather than one module. */
const WHOLE_SYSTEM = ["fuzz", "hostile", "layout", "size"];

/** The modules of a src/ folder, by name without `.ts`. */
function modulesIn(dir: string): Set<string> {
  return new Set(
    readdirSync(join(SRC, dir), { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith(".ts"))
      .map((e) => e.name.slice(0, -3)),
  );
}

/** Test files of a test/ folder whose concept (the name up to the first dot) is not in `allowed`. */
function strays(dir: string, allowed: Set<string>): string[] {
  return readdirSync(join(TEST, dir), { withFileTypes: true })
    .filter((e) => e.isFile() && /\.test(-d)?\.ts$/.test(e.name))
    .map((e) => e.name)
    .filter((name) => !allowed.has(name.split(".")[0]!))
    .map((name) => join("test", dir, name));
}

describe("test/ layout", () => {
  it("has no second tree of tests: no conformance folder, only the known folders", () => {
    expect(existsSync(join(TEST, "conformance"))).toBe(false);
    const folders = readdirSync(TEST, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.filter((f) => !TEST_FOLDERS.includes(f))).toEqual([]);
  });

  it("names every top-level test after a module of src/ (or a whole-system suite)", () => {
    const allowed = new Set([...modulesIn("."), ...WHOLE_SYSTEM]);
    expect(allowed.has("hx")).toBe(true);
    expect(strays(".", allowed)).toEqual([]);
  });

  it("names every test in test/adapters/ after a module of src/adapters/", () => {
    const allowed = modulesIn("adapters");
    expect(allowed.has("apply")).toBe(true);
    expect(strays("adapters", allowed)).toEqual([]);
  });
});
