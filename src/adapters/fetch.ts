// Fetch outputs: a ResponseInit or a Response carrying the plan.

import { describeError, describeType, fail, isArray, readList, shown } from "../encode.js";
import { quote } from "../errors.js";
import type { Lines, State } from "../plan.js";
import { applyToHeaders, checkRedirectStatus } from "./apply.js";

/**
 * A body `new Response()` accepts. Spelled through `Response` rather than the DOM's `BodyInit`,
 * which Node-only projects (no DOM lib, types from @types/node) do not declare.
 */
export type ResponseBody = ConstructorParameters<typeof Response>[0];

type Existing = string | readonly string[] | undefined;

/** A `ResponseInit` read once: its fields, its status and its headers as lines. */
interface GivenInit {
  /** Every own enumerable field of `init`, read once. */
  readonly fields: Record<string, unknown>;
  readonly status: number | undefined;
  /** The given header lines, in order (`undefined` for a `Headers`, whose lines are joined). */
  readonly lines: Array<readonly [string, string]> | undefined;
  readonly headers: Headers;
}

const REASON_PHRASE = /^[\t\u0020-\u007e\u0080-\u00ff]*$/;

/** True for a real Fetch `Headers` (not a look-alike or a Proxy), read without running its code. */
function isRealHeaders(value: object): value is Headers {
  if (typeof Headers === "undefined") return false;
  try {
    Headers.prototype.has.call(value, "x");
    return true;
  } catch {
    return false;
  }
}

/** More header lines than any response carries: a longer list is refused, not read. */
const MAX_LINES = 65_536;

/** Copies an array (or a Proxy of one), reading its length and each item once. */
function copyArray(value: unknown): unknown[] | undefined {
  return readList(value, MAX_LINES);
}

/** What `init.headers` holds, read once: a real `Headers`, pairs, or record entries. */
type GivenHeaders =
  | { readonly kind: "headers"; readonly lines: Array<readonly [string, string]> }
  | { readonly kind: "pairs"; readonly pairs: ReadonlyArray<unknown[] | undefined> }
  | { readonly kind: "record"; readonly entries: ReadonlyArray<readonly [string, unknown]> };

/** Reads `init.headers` once, running the caller's code (getters, traps) but checking nothing. */
function readHeaders(given: object): GivenHeaders {
  if (isRealHeaders(given)) {
    const lines: Array<readonly [string, string]> = [];
    for (const [name, value] of Headers.prototype.entries.call(given)) lines.push([name, value]);
    return { kind: "headers", lines };
  }
  const pairs = copyArray(given);
  if (pairs !== undefined) return { kind: "pairs", pairs: pairs.map(copyArray) };
  const entries: Array<readonly [string, unknown]> = [];
  for (const name of Object.keys(given)) {
    const value = (given as Record<string, unknown>)[name];
    entries.push([name, copyArray(value) ?? value]);
  }
  return { kind: "record", entries };
}

/** One header value: a string or a finite number; in a record also a `string[]` (several lines). */
function lineValues(value: unknown): string[] | undefined {
  if (typeof value === "string") return [value];
  if (typeof value === "number" && Number.isFinite(value)) return [String(value)];
  if (isArray(value) && (value as unknown[]).every((item) => typeof item === "string")) {
    return value as string[];
  }
  return undefined;
}

/** Checks what `readHeaders` read: the lines of pairs and records. */
function headerLines(given: GivenHeaders, method: string): Array<readonly [string, string]> {
  if (given.kind === "headers") return given.lines;
  const site = { method, header: "(init)" };
  const lines: Array<readonly [string, string]> = [];
  if (given.kind === "pairs") {
    for (let i = 0; i < given.pairs.length; i++) {
      const pair = given.pairs[i];
      const name = pair?.[0];
      const value = pair?.[1];
      if (
        pair?.length !== 2 ||
        typeof name !== "string" ||
        (typeof value !== "string" && typeof value !== "number")
      ) {
        fail("invalid_existing_header", site, `init.headers[${i}] must be a [name, value] pair of strings`);
      }
      lines.push([name, String(value)]);
    }
    return lines;
  }
  for (const [name, value] of given.entries) {
    if (value === undefined) continue;
    const values = lineValues(value);
    if (values === undefined) {
      fail(
        "invalid_existing_header",
        { method, header: name },
        `init.headers ${quote(name)} must be a string, a number or a string[], got ${describeType(value)}`,
      );
    }
    for (const line of values) lines.push([name, line]);
  }
  return lines;
}

/**
 * Reads `init` once: every own enumerable field, then `headers` (a `Headers`, pairs or a
 * record) into a new `Headers`. A bad status or reason phrase, or an exception from the
 * caller's object (a getter, a Proxy trap), is `invalid_option`; a header in `init.headers`
 * that is not a string, a number or a `string[]`, or that Fetch refuses, is
 * `invalid_existing_header`, as for a header record given to `applyTo`.
 */
function readInit(init: unknown, method: string): GivenInit {
  const site = { method, header: "(init)" };
  const fields: Record<string, unknown> = Object.create(null);
  const headers = new Headers();
  if (init === undefined || init === null) return { fields, status: undefined, lines: [], headers };
  if (typeof init !== "object" || isArray(init)) {
    return fail("invalid_option", site, `init must be a ResponseInit object, got ${describeType(init)}`);
  }
  let given: GivenHeaders | undefined;
  try {
    for (const key of Object.keys(init)) fields[key] = (init as Record<string, unknown>)[key];
    const value = fields.headers;
    if (typeof value === "object" && value !== null) given = readHeaders(value);
  } catch (cause) {
    return fail("invalid_option", site, `init could not be read (${describeError(cause)})`, cause);
  }
  const value = fields.headers;
  if (given === undefined && value !== undefined && value !== null) {
    fail(
      "invalid_option",
      site,
      `init.headers must be a Headers, an array of [name, value] pairs or a record, got ${describeType(value)}`,
    );
  }
  const lines = given === undefined ? [] : headerLines(given, method);
  for (const [name, line] of lines) {
    try {
      headers.append(name, line);
    } catch (cause) {
      fail(
        "invalid_existing_header",
        { method, header: name },
        `init.headers ${quote(name)}: ${quote(line)} is not a valid header (${describeError(cause)})`,
        cause,
      );
    }
  }
  const status = fields.status;
  if (
    status !== undefined &&
    !(typeof status === "number" && Number.isInteger(status) && status >= 200 && status <= 599)
  ) {
    fail("invalid_option", site, `init.status must be an integer from 200 to 599, got ${shown(status)}`);
  }
  const text = fields.statusText;
  if (text !== undefined && !(typeof text === "string" && REASON_PHRASE.test(text))) {
    fail(
      "invalid_option",
      site,
      `init.statusText must be a reason phrase (printable characters), got ${shown(text)}`,
    );
  }
  return { fields, status, lines: given?.kind === "headers" ? undefined : lines, headers };
}

/** See `Hx.toResponseInit`. */
export function toResponseInit(
  state: State,
  lines: Lines,
  init: ResponseInit | undefined,
  method = "toResponseInit()",
): ResponseInit {
  const given = readInit(init, method);
  const { headers } = given;
  checkRedirectStatus(state, given.status, method, () => headers.keys());
  // Pairs and records are read line by line, as applyTo reads a string[], instead of through
  // Headers, which joins repeated lines with ", ".
  const pairs = given.lines;
  const get =
    pairs === undefined
      ? undefined
      : (name: string): Existing => {
          const lower = name.toLowerCase();
          const found: string[] = [];
          for (const [key, value] of pairs) if (key.toLowerCase() === lower) found.push(value);
          return found.length === 0 ? undefined : found.length === 1 ? found[0] : found;
        };
  applyToHeaders(state, lines, headers, method, get);
  const out: ResponseInit = { ...given.fields, headers };
  const status = state.status ?? given.status;
  if (status !== undefined) out.status = status;
  return out;
}

/** See `Hx.toResponse`. */
export function toResponse(
  state: State,
  lines: Lines,
  body: ResponseBody,
  init: ResponseInit | undefined,
): Response {
  const out = toResponseInit(state, lines, init, "toResponse()");
  try {
    return new Response(body ?? null, out);
  } catch (cause) {
    // A body Fetch refuses (one for a 204 or 304, an object whose toString throws).
    return fail(
      "invalid_option",
      { method: "toResponse()", header: "(body)" },
      `the Response could not be built (${describeError(cause)})`,
      cause,
    );
  }
}
