// Rewrites every markdown code block that quotes an example file (its first line is
// `// docs/examples/<name>.js`) with that file's current text. test/docs/blocks.test.ts fails
// when a block and its file differ; run `npm run docs:sync` after editing an example.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const files = [
  "README.md",
  ...readdirSync(`${root}docs`, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f.replaceAll("\\", "/")}`),
];

let changed = 0;
for (const file of files) {
  const text = readFileSync(root + file, "utf8");
  const next = text.replace(
    /^(`{3,})(\S*)\n\/\/ (docs\/examples\/[\w/.-]+\.js)\n[\s\S]*?^\1$/gm,
    (_block, fence, lang, path) => `${fence}${lang}\n${readFileSync(root + path, "utf8")}${fence}`,
  );
  if (next !== text) {
    writeFileSync(root + file, next);
    changed++;
    console.log(`docs:sync: ${file}`);
  }
}
if (changed === 0) console.log("docs:sync: every quoted block is up to date");
