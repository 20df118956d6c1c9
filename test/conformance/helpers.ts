import { type Hx, isHxError } from "hxplan";
import { expect } from "vitest";

// biome-ignore lint/suspicious/noExplicitAny: header values are indexed freely in tests
export function h(plan: Hx): Record<string, any> {
  return { ...plan.toHeaders() };
}

export interface ErrExpect {
  code: string;
  header?: string;
  /** substrings that must all appear in the message */
  msg?: (string | RegExp)[];
}

/** Runs fn, asserts an HxError with the given code (and header / message parts); returns it. */
export function expectHxError(fn: () => unknown, e: ErrExpect): Error & { code: string; header?: string } {
  let caught: unknown;
  let threw = false;
  try {
    fn();
  } catch (err) {
    threw = true;
    caught = err;
  }
  expect(threw, "expected an HxError to be thrown").toBe(true);
  expect(isHxError(caught), `expected HxError, got ${String(caught)}`).toBe(true);
  const err = caught as Error & { code: string; header?: string };
  expect(err).toBeInstanceOf(Error);
  expect(err.name).toBe("HxError");
  expect(err.code).toBe(e.code);
  if (e.header !== undefined) expect(err.header).toBe(e.header);
  for (const m of e.msg ?? []) {
    if (typeof m === "string") expect(err.message).toContain(m);
    else expect(err.message).toMatch(m);
  }
  return err;
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
