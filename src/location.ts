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
import { rawSwap, type SwapContext, serializeSwap } from "./swap.js";
import { eventKey } from "./trigger.js";
import type { SwapModifiers } from "./types.js";

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

/** A `swap` option (of `location()` and `partial()`): a raw spec, or a typed style and modifiers. */
export function swapOption(swap: unknown, ctx: SwapContext, site: Site): string {
  if (typeof swap === "string") return rawSwap(swap, ctx, site);
  const { style, ...mods } = parseLocationSwap(swap, site);
  return serializeSwap(style as string | undefined, mods as SwapModifiers, ctx, site);
}

/** Checks `path` and `options` and returns the HX-Location header value. */
export function encodeLocation(path: unknown, options: unknown, ctx: LocationContext, site: Site): string {
  const url = encodeUrl(path, site);
  const opts = options === undefined ? {} : parseLocationOptions(options, site);
  const fields: string[] = [];
  const add = (key: string, text: string): void => {
    fields.push(`"${key}":${text}`);
  };
  // push: false with replace as a URL says what replace alone says (htmx 2 needs it written).
  const push =
    opts.push === false && opts.replace !== undefined && opts.replace !== false ? undefined : opts.push;
  if (push !== undefined && opts.replace !== undefined) {
    fail("invalid_option", site, "options push and replace are both set; give one of them");
  }
  if (opts.source !== undefined)
    add("source", jsonString(selector(opts.source, "json", site, "option source")));
  // htmx 2.0.11 drops the request when `source` is an element whose own request is still in
  // flight and `event` is given too (it reads the event name as an Event); the README warns.
  if (opts.event !== undefined) add("event", eventKey(opts.event, site));
  if (opts.target !== undefined)
    add("target", jsonString(selector(opts.target, "json", site, "option target")));
  if (opts.swap !== undefined) add("swap", jsonString(swapOption(opts.swap, ctx, site)));
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
  if (push !== undefined) add("push", historyUrl(push, site, "push"));
  if (opts.replace !== undefined) {
    // htmx 2.0.8+ replaces only when it also reads the boolean push:false.
    if (ctx.htmx === 2) add("push", "false");
    add("replace", historyUrl(opts.replace, site, "replace"));
  }
  if (fields.length === 0 && url.startsWith("/") && !PLAIN_PATH_FORBIDDEN.test(url)) return url;
  return `{"path":${jsonString(url)}${fields.length > 0 ? "," : ""}${fields.join(",")}}`;
}
