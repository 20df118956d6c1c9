// Reading what a plan writes: its headers as a plain record, printable ASCII, JSON key order.
import type { Hx } from "hxplan";

// biome-ignore lint/suspicious/noExplicitAny: header values are indexed freely in tests
export function h(plan: Hx): Record<string, any> {
  return { ...plan.toHeaders() };
}

export function isPrintableAscii(s: string): boolean {
  return /^[\x20-\x7e]*$/.test(s);
}

/** Top-level keys of a JSON object text, in text order (JSON.parse reorders integer-like keys). */
export function topLevelKeys(json: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let i = 0;
  let expectKey = false;
  while (i < json.length) {
    const c = json[i]!;
    if (c === '"') {
      let j = i + 1;
      while (json[j] !== '"') j += json[j] === "\\" ? 2 : 1;
      const str = JSON.parse(json.slice(i, j + 1)) as string;
      if (depth === 1 && expectKey) {
        keys.push(str);
        expectKey = false;
      }
      i = j + 1;
      continue;
    }
    if (c === "{" || c === "[") {
      depth++;
      if (depth === 1) expectKey = true;
    } else if (c === "}" || c === "]") depth--;
    else if (c === "," && depth === 1) expectKey = true;
    i++;
  }
  return keys;
}
