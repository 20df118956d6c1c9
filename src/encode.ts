import { describeChar, fromCaller, HxError, type HxErrorCode, quote } from "./errors.js";
import { cssEscapeNonAscii, cssProblem, extendedProblem } from "./selector.js";

/** Where a value comes from, for error messages: the method and the header it feeds. */
export interface Site {
  readonly method: string;
  readonly header: string;
}

/** Throws an `HxError` whose message names the method, the header and the problem. */
export function fail(code: HxErrorCode, site: Site, problem: string, cause?: unknown): never {
  // Sites that are not a header (options, status, the target) are written in parentheses.
  const isHeader = !site.header.startsWith("(");
  throw fromCaller(
    new HxError(code, `${site.method}${isHeader ? ` ${site.header}` : ""}: ${problem}`, {
      header: isHeader ? site.header : undefined,
      cause,
    }),
  );
}

const CONTROL = /[\u0000-\u001f\u007f]/;
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;
const ABOVE_ASCII = /[\u007f-\uffff]/g;

/** Rejects C0 control characters and DEL: they are never stripped, always an error. */
export function rejectControl(value: string, code: HxErrorCode, site: Site, what: string): void {
  const match = CONTROL.exec(value);
  if (match !== null) {
    fail(
      code,
      site,
      `${what} ${quote(value)} contains the control character ${describeChar(value, match.index)}; remove it`,
    );
  }
}

/** True when every character is printable ASCII (0x20-0x7E). */
export function isPrintableAscii(value: string): boolean {
  return PRINTABLE_ASCII.test(value);
}

function hex4(unit: number): string {
  return `\\u${unit.toString(16).padStart(4, "0")}`;
}

/**
 * Escapes every character above U+007E (and DEL) of a JSON text as a lowercase `\uXXXX`, so the
 * header is pure ASCII and `JSON.parse` gives back the original string. Astral characters are
 * two UTF-16 units already, so they come out as a surrogate pair.
 */
export function asciiJson(json: string): string {
  return PRINTABLE_ASCII.test(json) ? json : json.replace(ABOVE_ASCII, (ch) => hex4(ch.charCodeAt(0)));
}

/** A JSON string literal, ASCII-only. */
export function jsonString(value: string): string {
  return asciiJson(JSON.stringify(value));
}

// --- JSON encoding of params -------------------------------------------------------------

/** A JSON replacer run on every value before the built-in encoding. */
export type Encoder = (key: string, value: unknown) => unknown;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function childPath(path: string, key: string, isIndex: boolean): string {
  if (isIndex) return `${path}[${key}]`;
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** The encoded members of a JSON object, in order, as `[key, JSON text]`. */
export type Members = Array<readonly [string, string]>;

/** The result of encoding: either an object (as members) or any other JSON text. */
export type Encoded = { readonly members: Members } | { readonly text: string };

class JsonEncoder {
  readonly #encoder: Encoder | undefined;
  readonly #site: Site;
  readonly #seen: unknown[] = [];
  /** The path being encoded, to name it when user code (toJSON, a getter) throws. */
  current = "";

  constructor(encoder: Encoder | undefined, site: Site) {
    this.#encoder = encoder;
    this.#site = site;
  }

  #fail(path: string, problem: string): never {
    fail("unserializable", this.#site, `${path} ${problem}; JSON cannot carry it`);
  }

  /** Turns a value into a JSON-shaped value: runs the encoder and the built-in conversions. */
  #prepare(holder: unknown, key: string, value: unknown, path: string): unknown {
    this.current = path;
    if (this.#encoder !== undefined) value = this.#encoder.call(holder, key, value);
    // Apply toJSON and the built-in conversions until the value is plain.
    for (let round = 0; round < 8; round++) {
      if (typeof value === "bigint") return value.toString();
      if (typeof value !== "object" || value === null) return value;
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) this.#fail(path, "is an invalid Date");
        return value.toISOString();
      }
      if (value instanceof URL) return value.href;
      // Boxed primitives, as JSON.stringify unwraps them.
      if (value instanceof Number || value instanceof String || value instanceof Boolean)
        return value.valueOf();
      if (value instanceof Map) return value;
      if (value instanceof Set) return value;
      const toJSON = (value as { toJSON?: unknown }).toJSON;
      if (typeof toJSON !== "function") return value;
      value = toJSON.call(value, key);
    }
    return value;
  }

  /** JSON text of a value, or `undefined` when JSON would omit it (object members only). */
  text(holder: unknown, key: string, value: unknown, path: string): string | undefined {
    const v = this.#prepare(holder, key, value, path);
    switch (typeof v) {
      case "string":
        return jsonString(v);
      case "number":
        if (!Number.isFinite(v)) this.#fail(path, `is ${v}`);
        return JSON.stringify(v);
      case "boolean":
        return v ? "true" : "false";
      case "undefined":
        return undefined;
      case "function":
        return this.#fail(path, "is a function");
      case "symbol":
        return this.#fail(path, "is a symbol");
      default:
        break;
    }
    if (v === null) return "null";
    if (this.#seen.includes(v)) this.#fail(path, "is a circular reference");
    this.#seen.push(v);
    try {
      if (Array.isArray(v) || v instanceof Set) {
        const items = Array.isArray(v) ? v : [...(v as Set<unknown>)];
        const parts: string[] = [];
        for (let i = 0; i < items.length; i++) {
          const itemPath = childPath(path, String(i), true);
          const item = this.text(items, String(i), items[i], itemPath);
          if (item === undefined) this.#fail(itemPath, "is undefined inside an array");
          parts.push(item);
        }
        return `[${parts.join(",")}]`;
      }
      return `{${this.members(v as object, path)
        .map(([k, t]) => `${jsonString(k)}:${t}`)
        .join(",")}}`;
    } finally {
      this.#seen.pop();
    }
  }

  /** The members of a prepared object (a Map or a plain object). */
  members(v: object, path: string): Members {
    const out: Members = [];
    const isMap = v instanceof Map;
    const keys = isMap ? new Set<string>() : undefined;
    // Plain objects are read key by key, so a getter that throws is named by its path.
    const record = v as Record<string, unknown>;
    const entries: Iterable<readonly [unknown, unknown]> = isMap
      ? v.entries()
      : Object.keys(record).map((key) => [key, undefined] as const);
    for (const [rawKey, mapValue] of entries) {
      const key = String(rawKey);
      const memberPath = childPath(path, key, false);
      this.current = memberPath;
      const raw = isMap ? mapValue : record[key];
      if (keys !== undefined) {
        // Two Map keys with one string form (two objects are both "[object Object]") would
        // collapse into one JSON key and lose an entry.
        if (keys.has(key)) this.#fail(memberPath, "is a second Map key with the same string form");
        keys.add(key);
      }
      if (typeof raw === "function" || typeof raw === "symbol") {
        // JSON.stringify drops these silently; hxplan refuses to lose data without a word.
        this.#fail(memberPath, `is a ${typeof raw}`);
      }
      const t = this.text(v, key, raw, memberPath);
      if (t !== undefined) out.push([key, t]);
    }
    return out;
  }

  /** Encodes the root value, keeping the members apart when it is an object. */
  root(value: unknown, path: string): Encoded {
    const holder = { "": value };
    const v = this.#prepare(holder, "", value, path);
    if (typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Set)) {
      this.#seen.push(v);
      try {
        return { members: this.members(v, path) };
      } finally {
        this.#seen.pop();
      }
    }
    // Already prepared: encode without running the encoder a second time.
    const t = new JsonEncoder(undefined, this.#site).text(holder, "", v, path);
    if (t === undefined) this.#fail(path, "is undefined");
    return { text: t };
  }
}

/**
 * True for plain data (objects with the plain prototype, arrays, strings, finite numbers,
 * booleans, null; `undefined` as an object member), which `JSON.stringify` encodes exactly as
 * the full encoder does, only faster. False when anything needs the full encoder (`toJSON`,
 * `Date`, `Map`, a non-finite number, `undefined` in an array, a cycle or deep nesting, …),
 * which then gives the same text or the detailed error.
 */
export function isPlainData(value: unknown, depth = 0): boolean {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value);
    case "object":
      break;
    default:
      return false;
  }
  if (value === null) return true;
  if (depth > 8 || typeof (value as { toJSON?: unknown }).toJSON === "function") return false;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false;
    for (let i = 0; i < value.length; i++) if (!isPlainData(value[i], depth + 1)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in value) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined && !isPlainData(member, depth + 1)) return false;
  }
  return true;
}

/** Encodes `value` as ASCII-only JSON, keeping an object's members apart. */
export function encodeJson(value: unknown, encoder: Encoder | undefined, site: Site, path: string): Encoded {
  const json = new JsonEncoder(encoder, site);
  try {
    return json.root(value, path);
  } catch (error) {
    if (error instanceof HxError) throw error;
    // A toJSON(), a getter or the encoder threw, or the data nests too deep for the stack.
    const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return fail("unserializable", site, `${json.current || path} could not be encoded (${why})`, error);
  }
}

/** JSON text of encoded members. */
export function objectText(members: Members): string {
  let out = "{";
  for (let i = 0; i < members.length; i++) {
    const [k, t] = members[i]!;
    out += `${i === 0 ? "" : ","}${jsonString(k)}:${t}`;
  }
  return `${out}}`;
}

// --- URLs --------------------------------------------------------------------------------

const TAB_OR_NEWLINE = /[\t\n\r]/g;
const LEADING_C0_OR_SPACE = /^[\u0000-\u0020\s]+/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const HTTP_SCHEME = /^https?$/i;
const PERCENT_OK = /^%[0-9A-Fa-f]{2}/;
const NEEDS_URL_ENCODING = /[^\u0021-\u0024\u0026-\u007e]|%(?![0-9A-Fa-f]{2})/;
// A path with no second slash or backslash at its start (`//host` is another origin).
const PLAIN_PATH = /^\/(?![/\\])[\u0021-\u0024\u0026-\u007e]*$/;
const OTHER_ORIGIN = /^[/\\]{2}/;

/** Percent-encodes spaces and non-ASCII characters as UTF-8; keeps valid `%XX`, escapes a stray `%`. */
function percentEncode(url: string, site: Site): string {
  if (!NEEDS_URL_ENCODING.test(url)) return url;
  let out = "";
  for (let i = 0; i < url.length; i++) {
    const ch = url[i]!;
    const code = ch.charCodeAt(0);
    if (ch === "%") {
      out += PERCENT_OK.test(url.slice(i, i + 3)) ? "%" : "%25";
    } else if (code > 0x20 && code < 0x7f) {
      out += ch;
    } else {
      const cp = url.codePointAt(i)!;
      const char = String.fromCodePoint(cp);
      if (cp >= 0xd800 && cp <= 0xdfff) {
        fail("invalid_url", site, `URL ${quote(url)} contains a lone surrogate ${describeChar(url, i)}`);
      }
      out += encodeURIComponent(char);
      i += char.length - 1;
    }
  }
  return out;
}

/**
 * Checks and encodes a URL for a header: unsafe schemes refused first, then control characters
 * and outer whitespace, then absolute `http(s)` URLs normalised by the WHATWG parser, then
 * spaces and non-ASCII percent-encoded.
 */
export function encodeUrl(input: unknown, site: Site): string {
  // The common case, a path of printable ASCII without spaces or `%`: it has no scheme and
  // nothing to check or encode, so every rule below would return it unchanged.
  if (typeof input === "string" && PLAIN_PATH.test(input)) return input;
  let raw: string;
  if (input instanceof URL) raw = input.href;
  else if (typeof input === "string") raw = input;
  else return fail("invalid_url", site, `expected a URL string or a URL object, got ${describeType(input)}`);
  // What a browser reads: it strips leading C0 controls and spaces, and tabs and newlines anywhere.
  const cleaned = raw.replace(TAB_OR_NEWLINE, "").replace(LEADING_C0_OR_SPACE, "");
  const scheme = SCHEME.exec(cleaned)?.[1];
  if (scheme !== undefined && !HTTP_SCHEME.test(scheme)) {
    fail(
      "unsafe_url",
      site,
      `URL ${quote(raw)} uses the scheme "${scheme.toLowerCase()}:"; only http: and https: URLs or paths are allowed`,
    );
  }
  if (OTHER_ORIGIN.test(cleaned)) {
    fail(
      "unsafe_url",
      site,
      `URL ${quote(raw)} starts with two slashes or backslashes, which browsers read as another origin; give a path with one slash or a full https:// URL`,
    );
  }
  if (raw.trim() === "") fail("invalid_url", site, 'URL is empty; give a path such as "/items"');
  rejectControl(raw, "invalid_url", site, "URL");
  if (raw.trim() !== raw) {
    const index = /^\s/.test(raw) ? 0 : raw.length - 1;
    fail("invalid_url", site, `URL ${quote(raw)} has outer whitespace ${describeChar(raw, index)}; trim it`);
  }
  if (scheme !== undefined) {
    try {
      raw = new URL(raw).href;
    } catch (cause) {
      fail("invalid_url", site, `URL ${quote(raw)} is not a valid absolute URL`, cause);
    }
  }
  return percentEncode(raw, site);
}

// --- Selectors and tokens ----------------------------------------------------------------

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** True for an RFC 9110 token (a valid header name). */
export function isToken(value: string): boolean {
  return TOKEN.test(value);
}

/** Describes a value's type for a message. */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${quote(value)}`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

/** Finds a lone surrogate, which no encoding can carry. */
export function loneSurrogateIndex(value: string): number {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

const SIMPLE_SELECTOR = /^[#.]-?[A-Za-z_][\w-]*$/;
const KEYWORD_FORM = /^(?:this|closest|find|findAll|next|previous|global|document|window|host|root)(?:\s|$)/;

/** Where a selector is used decides which forms it may take and how it is escaped. */
export type SelectorUse = "extended" | "css" | "json";

/**
 * Checks a selector. `extended` accepts htmx's keyword forms (`closest tr`, `next`, `this`,
 * comma lists); `css` and `json` take plain CSS. `extended` and `css` selectors go into a header
 * with non-ASCII code points as 6-digit CSS escapes; `json` selectors are returned as given
 * (JSON escapes them).
 */
export function selector(
  value: unknown,
  use: SelectorUse,
  site: Site,
  what = "selector",
  code: HxErrorCode = "invalid_selector",
): string {
  // The common case, one `#id` or `.class` of ASCII word characters: no whitespace, control,
  // comma, keyword or non-ASCII, so every rule below would return it unchanged.
  if (typeof value === "string" && SIMPLE_SELECTOR.test(value)) return value;
  if (typeof value !== "string") {
    return fail(code, site, `${what} must be a string, got ${describeType(value)}`);
  }
  if (value.trim() === "") {
    fail(code, site, `${what} is empty; give a CSS selector such as "#result"`);
  }
  rejectControl(value, code, site, what);
  if (value.trim() !== value) {
    const index = /^\s/.test(value) ? 0 : value.length - 1;
    fail(code, site, `${what} ${quote(value)} has outer whitespace ${describeChar(value, index)}; trim it`);
  }
  const lone = loneSurrogateIndex(value);
  if (lone >= 0)
    fail(code, site, `${what} ${quote(value)} has a lone surrogate ${describeChar(value, lone)}`);
  if (use !== "extended") {
    for (const part of value.split(",")) {
      const trimmed = part.trim();
      if (KEYWORD_FORM.test(trimmed)) {
        fail(
          code,
          site,
          `${what} ${quote(value)} uses the htmx keyword form ${quote(trimmed)}, which only HX-Retarget understands; use a plain CSS selector`,
        );
      }
    }
  }
  const problem = use === "extended" ? extendedProblem(value) : cssProblem(value);
  if (problem !== undefined) {
    const [index, why] = problem;
    const where = index < value.length ? describeChar(value, index) : `the end (index ${index})`;
    fail(code, site, `${what} ${quote(value)} is not a valid CSS selector: ${why}, at ${where}`);
  }
  return use === "json" ? value : cssEscapeNonAscii(value);
}

/** Checks a plain string option (an event name in HX-Location, selectOOB): no controls, not empty. */
export function plainText(value: unknown, code: HxErrorCode, site: Site, what: string): string {
  if (typeof value !== "string")
    return fail(code, site, `${what} must be a string, got ${describeType(value)}`);
  if (value.trim() === "") fail(code, site, `${what} is empty`);
  rejectControl(value, code, site, what);
  const lone = loneSurrogateIndex(value);
  if (lone >= 0)
    fail(code, site, `${what} ${quote(value)} has a lone surrogate ${describeChar(value, lone)}`);
  return value;
}
