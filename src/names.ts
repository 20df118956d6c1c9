/** Vary-style union: first spelling kept, case-insensitive, `*` absorbs every other name. */
export function unionNames(a: readonly string[], b: readonly string[]): readonly string[] {
  if (a.includes("*") || b.includes("*")) return ["*"];
  if (b.length === 0) return a;
  const seen = new Set(a.map((n) => n.toLowerCase()));
  const out = [...a];
  for (const name of b) {
    const key = name.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}
