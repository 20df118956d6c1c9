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

/** More header lines than any response carries: a longer list is refused, not read. */
const MAX_LINES = 65_536;
const REASON_PHRASE = /^[\t\u0020-\u007e\u0080-\u00ff]*$/;

/**
 * Reads `init` once: every own enumerable field, and the lines of `headers` (a `Headers`, pairs,
 * or a record whose `string[]` values are several lines; arrays read by index). Then checks what
 * it read: a bad init, status or reason phrase, or an exception from the caller's object (a
 * getter, a Proxy trap), is `invalid_option`; a header line that is not a string or a number,
 * or that Fetch refuses, is `invalid_existing_header`, as on a header record given to `applyTo`.
 */
function readInit(init: unknown, method: string) {
  const site = { method, header: "(init)" };
  const fields: Record<string, unknown> = Object.create(null);
  const headers = new Headers();
  // Lines as read, `[name, value]`, unchecked; `joined`: read from a Headers, which joins them.
  const read: unknown[][] = [];
  let joined = false;
  if (init !== undefined && init !== null) {
    if (typeof init !== "object" || isArray(init)) {
      fail("invalid_option", site, `init must be a ResponseInit object, got ${describeType(init)}`);
    }
    try {
      for (const key of Object.keys(init)) fields[key] = (init as Record<string, unknown>)[key];
      const given = fields.headers;
      if (given instanceof Headers) {
        // Through the real iterator (a look-alike or a Proxy throws): its lines are joined already.
        joined = true;
        for (const line of Headers.prototype.entries.call(given)) read.push(line);
      } else if (typeof given === "object" && given !== null) {
        const pairs = readList(given, MAX_LINES);
        if (pairs !== undefined) {
          for (const pair of pairs) read.push(readList(pair, 2) ?? [pair]);
        } else {
          for (const name of Object.keys(given)) {
            const value = (given as Record<string, unknown>)[name];
            if (value !== undefined)
              for (const line of readList(value, MAX_LINES) ?? [value]) read.push([name, line]);
          }
        }
      }
    } catch (cause) {
      fail("invalid_option", site, `init could not be read (${describeError(cause)})`, cause);
    }
  }
  const given = fields.headers;
  if (given !== undefined && given !== null && typeof given !== "object") {
    fail(
      "invalid_option",
      site,
      `init.headers must be a Headers, pairs or a record, got ${describeType(given)}`,
    );
  }
  const lines: Array<readonly [string, string]> = [];
  for (const [name, value] of read) {
    const line = typeof value === "number" && Number.isFinite(value) ? String(value) : value;
    if (typeof name !== "string" || typeof line !== "string") {
      return fail(
        "invalid_existing_header",
        site,
        `init.headers ${shown(name)} must be a string, a number or a string[], got ${describeType(value)}`,
      );
    }
    try {
      headers.append(name, line);
    } catch (cause) {
      fail(
        "invalid_existing_header",
        { method, header: name },
        `init.headers ${quote(name)}: ${quote(line)} is refused by Fetch`,
        cause,
      );
    }
    lines.push([name, line]);
  }
  const { status, statusText } = fields;
  if (
    status !== undefined &&
    !(Number.isInteger(status) && (status as number) >= 200 && (status as number) <= 599)
  ) {
    fail("invalid_option", site, `init.status must be an integer from 200 to 599, got ${shown(status)}`);
  }
  if (statusText !== undefined && !(typeof statusText === "string" && REASON_PHRASE.test(statusText))) {
    fail("invalid_option", site, `init.statusText must be a reason phrase, got ${shown(statusText)}`);
  }
  return { fields, status: status as number | undefined, lines: joined ? undefined : lines, headers };
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
  // A Headers made here: no one else holds it, so a failure needs nothing put back.
  applyToHeaders(state, lines, headers, method, get, true);
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
  // 286's reason phrase, as django-htmx sends it (a caller's own statusText, read once, is kept).
  if (out.status === 286 && out.statusText === undefined) out.statusText = "Stop Polling";
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
