// HX-Location: a client-side boosted GET. A bare path when that is unambiguous for every
// client, otherwise compact JSON with `path` first.
import {
  describeError,
  describeType,
  type Encoder,
  encodeJson,
  encodeUrl,
  fail,
  isPrintableAscii,
  isToken,
  jsonString,
  objectText,
  plainText,
  type Site,
  selector,
} from "./encode.js";
import { describeChar, quote } from "./errors.js";
import { parseLocationOptions, parseLocationSwap } from "./schema.js";
import { rawSwap, type SwapContext, type SwapModifiers, type SwapStyle, serializeSwap } from "./swap.js";
import { eventKey } from "./trigger.js";

/**
 * The `swap` option of {@link LocationOptions} in its typed form: a style and the
 * {@link SwapModifiers}, validated and written like `reswap()`.
 *
 * @see https://htmx.org/headers/hx-location/
 */
export interface LocationSwap extends SwapModifiers {
  /** The swap style; omitted, htmx uses its default style. */
  readonly style?: SwapStyle | (string & {}) | undefined;
}

/**
 * Options of `location()`, written into the `HX-Location` JSON in this order.
 *
 * @see https://htmx.org/headers/hx-location/
 */
export interface LocationOptions {
  /** A CSS selector for the source element of the request. */
  readonly source?: string | undefined;
  /** The name of the event that triggers the request. */
  readonly event?: string | undefined;
  /** A CSS selector for the element to swap into (default `body`). */
  readonly target?: string | undefined;
  /** How to swap: a raw `hx-swap` spec or a typed style and modifiers. */
  readonly swap?: string | LocationSwap | undefined;
  /** A CSS selector picking the part of the response to swap in. */
  readonly select?: string | undefined;
  /** Out-of-band selections (`"#a, #b:afterbegin"`). */
  readonly selectOOB?: string | undefined;
  /** Values to send with the GET (a JSON object). */
  readonly values?: Readonly<Record<string, unknown>> | undefined;
  /** Extra request headers: HTTP token names, printable-ASCII values. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** The URL to push into history, or `false` for none. Not with `replace`. */
  readonly push?: string | URL | false | undefined;
  /** The URL to replace the current history entry with, or `false`. Not with `push`. */
  readonly replace?: string | URL | false | undefined;
}

const PLAIN_PATH_FORBIDDEN = /[{,:\s]/;

/** What encoding HX-Location needs to know about the plan. */
export interface LocationContext extends SwapContext {
  readonly encoder: Encoder | undefined;
  readonly maxHeaderBytes: number;
}

/** The own enumerable `[name, value]` pairs of the `headers` option, each read once. */
function headerEntries(headers: object, site: Site): Array<readonly [string, unknown]> {
  try {
    const entries: Array<readonly [string, unknown]> = [];
    for (const name of Object.keys(headers)) entries.push([name, (headers as Record<string, unknown>)[name]]);
    return entries;
  } catch (cause) {
    return fail(
      "invalid_option",
      site,
      `location option "headers" could not be read (${describeError(cause)})`,
      cause,
    );
  }
}

function historyUrl(value: string | URL | false, site: Site, key: string): string {
  if (value === false) return "false";
  if (value === "true" || value === "false") {
    fail("invalid_url", site, `option ${key} ${quote(value)} is a string; use the boolean false or a URL`);
  }
  return jsonString(encodeUrl(value, site));
}

/** Checks `path` and `options` and returns the HX-Location header value. */
export function encodeLocation(path: unknown, options: unknown, ctx: LocationContext, site: Site): string {
  const url = encodeUrl(path, site);
  const opts = options === undefined ? {} : parseLocationOptions(options, site);
  const fields: string[] = [];
  const add = (key: string, text: string): void => {
    fields.push(`"${key}":${text}`);
  };
  if (opts.push !== undefined && opts.replace !== undefined) {
    fail("invalid_option", site, "options push and replace are both set; give one of them");
  }
  if (opts.source !== undefined)
    add("source", jsonString(selector(opts.source, "json", site, "option source")));
  // htmx 2.0.11 drops the request when `source` is an element whose own request is still in
  // flight and `event` is given too (it reads the event name as an Event); the README warns.
  if (opts.event !== undefined) add("event", eventKey(opts.event, site));
  if (opts.target !== undefined)
    add("target", jsonString(selector(opts.target, "json", site, "option target")));
  if (opts.swap !== undefined) {
    let spec: string;
    if (typeof opts.swap === "string") {
      spec = rawSwap(opts.swap, ctx, site);
    } else {
      const { style, ...mods } = parseLocationSwap(opts.swap, site);
      spec = serializeSwap(style as string | undefined, mods as SwapModifiers, ctx, site);
    }
    add("swap", jsonString(spec));
  }
  if (opts.select !== undefined)
    add("select", jsonString(selector(opts.select, "json", site, "option select")));
  if (opts.selectOOB !== undefined) {
    add("selectOOB", jsonString(plainText(opts.selectOOB, "invalid_selector", site, "option selectOOB")));
  }
  // values and headers come from the parsed copy, which read each option once.
  if (opts.values !== undefined) {
    const encoded = encodeJson(opts.values, ctx.encoder, site, "values", ctx.maxHeaderBytes);
    if (!encoded.isObject) fail("invalid_option", site, "option values must be a JSON object");
    const nested = encoded.nested;
    if (ctx.htmx === 4 && nested !== undefined) {
      // htmx 4.0.1 turns values into form data with String(): an object arrives as
      // "[object Object]" and an array as "a,b" (seen in Chromium, test/e2e/navigation.test.ts).
      const isArray = nested[1].startsWith("[");
      fail(
        "invalid_option",
        site,
        `option values.${nested[0]} is ${isArray ? "an array" : "an object"}, which htmx 4 sends as ${isArray ? '"a,b"' : '"[object Object]"'}; send flat values (strings, numbers, booleans)`,
      );
    }
    add("values", encoded.text);
  }
  if (opts.headers !== undefined) {
    const members: Array<readonly [string, string]> = [];
    for (const [name, value] of headerEntries(opts.headers, site)) {
      if (typeof value !== "string") {
        fail(
          "invalid_option",
          site,
          `location option "headers" must have string values, but "${name}" is ${describeType(value)}`,
        );
      }
      const badName = /[^!#$%&'*+.^_`|~0-9A-Za-z-]/.exec(name);
      if (!isToken(name)) {
        fail(
          "invalid_option",
          site,
          `option headers: ${quote(name)} is not a valid header name${badName === null ? " (empty)" : `: ${describeChar(name, badName.index)}`}`,
        );
      }
      if (!isPrintableAscii(value)) {
        const bad = /[^\u0020-\u007e]/.exec(value)!;
        fail(
          "invalid_option",
          site,
          `option headers: the value of ${name}, ${quote(value)}, must be printable ASCII: ${describeChar(value, bad.index)}`,
        );
      }
      members.push([name, jsonString(value)]);
    }
    add("headers", objectText(members));
  }
  if (opts.push !== undefined) add("push", historyUrl(opts.push, site, "push"));
  if (opts.replace !== undefined) {
    // htmx 2.0.8+ replaces only when it also reads the boolean push:false.
    if (ctx.htmx === 2) add("push", "false");
    add("replace", historyUrl(opts.replace, site, "replace"));
  }
  if (fields.length === 0 && url.startsWith("/") && !PLAIN_PATH_FORBIDDEN.test(url)) return url;
  return `{"path":${jsonString(url)}${fields.length > 0 ? "," : ""}${fields.join(",")}}`;
}
