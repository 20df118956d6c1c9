// The HxError a call throws: `errorOf` returns it for a test to read, `expectHxError` asserts its
// code, header and message parts.
import { type HxError, isHxError } from "hxplan";
import { expect } from "vitest";

/** Runs `fn` and returns the HxError it throws; fails the test on anything else. */
export function errorOf(fn: () => unknown): HxError {
  try {
    fn();
  } catch (error) {
    if (isHxError(error)) return error;
    throw error;
  }
  throw new Error("expected an HxError");
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
