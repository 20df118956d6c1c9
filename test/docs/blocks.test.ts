// The code in the docs is the code the tests run: every JavaScript or HTML block of the README,
// the guides and the recipes quotes a file in docs/examples/ (see quotedFile), and
// `npm run docs:sync` rewrites the blocks from the files.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { codeBlocks, markdownFiles, quotedFile, ROOT } from "./support.js";

const CODE = new Set(["js", "javascript", "ts", "typescript", "html"]);
const files = markdownFiles();

describe("code blocks in the docs", () => {
  it("finds the README, the guides and the recipes", () => {
    expect(files).toContain("README.md");
    expect(files.some((f) => f.startsWith("docs/guides/"))).toBe(true);
    expect(files.some((f) => f.startsWith("docs/recipes/"))).toBe(true);
  });

  for (const file of files) {
    it(`${file}: each quoting block is the file on disk`, () => {
      for (const block of codeBlocks(file)) {
        const quoted = quotedFile(block);
        if (quoted === undefined) continue;
        const where = `${file}:${block.line} quotes ${quoted.path}`;
        expect(existsSync(ROOT + quoted.path), where).toBe(true);
        const text = readFileSync(ROOT + quoted.path, "utf8");
        if (quoted.whole) {
          expect(block.body, `${where} (run npm run docs:sync)`).toBe(text);
        } else {
          const excerpt = block.body.slice(block.body.indexOf("\n") + 1);
          expect(text.includes(excerpt), `${where}: the excerpt is not in the file`).toBe(true);
        }
      }
    });
  }

  it("every JavaScript and HTML block of the README, the guides and the recipes quotes a file", () => {
    const loose = files
      .filter((f) => f === "README.md" || f.startsWith("docs/guides/") || f.startsWith("docs/recipes/"))
      .flatMap(codeBlocks)
      .filter((block) => CODE.has(block.lang) && quotedFile(block) === undefined)
      .map((block) => `${block.file}:${block.line}`);
    expect(loose).toEqual([]);
  });

  it("every file in docs/examples/ is quoted whole somewhere", () => {
    const quoted = new Set(
      files
        .flatMap(codeBlocks)
        .map(quotedFile)
        .filter((q) => q?.whole)
        .map((q) => q?.path),
    );
    const examples = readdirSync(`${ROOT}docs/examples`, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".js"))
      .map((f) => `docs/examples/${f.replaceAll("\\", "/")}`);
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.filter((f) => !quoted.has(f))).toEqual([]);
  });

  // TypeDoc checks these too (npm run docs:check), but it takes most of a minute; this is cheap.
  it("every relative link of the docs points at a file that exists", () => {
    const broken: string[] = [];
    for (const file of files) {
      const text = readFileSync(ROOT + file, "utf8").replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gm, "");
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (target === undefined || /^(https?:|mailto:|#)/.test(target)) continue;
        const path = join(dirname(ROOT + file), target.replace(/#.*$/, ""));
        if (!existsSync(path)) broken.push(`${file}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
