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
// Printable ASCII but `"` and `\`: the JSON string of such text is the text between quotes.
const JSON_PLAIN = /^[\u0020\u0021\u0023-\u005b\u005d-\u007e]*$/;

/**
 * How deep params may nest. Deeper data is `unserializable`, before it could overflow the
 * stack (a header of the default 8192 bytes holds at most about 4000 levels anyway).
 */
export const MAX_DEPTH = 512;

/** A JSON string literal, ASCII-only (the common case, plain printable ASCII, without a copy). */
function stringText(value: string): string {
  return JSON_PLAIN.test(value) ? `"${value}"` : asciiJson(JSON.stringify(value));
}

/** A path step for a message: `.name`, `[2]` or `["a b"]`. */
function step(key: string | number): string {
  if (typeof key === "number") return `[${key}]`;
  return IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** Describes an exception thrown by the caller's code, without letting it throw again. */
export function describeError(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.name}: ${error.message}`;
    if (typeof error === "object" && error !== null) return "a thrown object";
    return `${typeof error} ${String(error)}`;
  } catch {
    return "an exception that cannot be described";
  }
}

/** The built-in conversions, by prototype: what a value's prototype chain makes it. */
const PLAIN = 0;
const DATE = 1;
const URL_OBJECT = 2;
const BOXED = 3;
const MAP = 4;
const SET = 5;

/** Which built-in a prototype belongs to; `PLAIN` for everything else (class instances too). */
function builtinOf(proto: object | null): number {
  for (let p = proto; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    if (p === Date.prototype) return DATE;
    if (typeof URL !== "undefined" && p === URL.prototype) return URL_OBJECT;
    if (p === Number.prototype || p === String.prototype || p === Boolean.prototype) return BOXED;
    if (p === Map.prototype) return MAP;
    if (p === Set.prototype) return SET;
  }
  return PLAIN;
}

/** The length of a typed array (not read from a DataView, which has none). */
function typedLength(view: ArrayBufferView): number {
  const length = (view as { length?: unknown }).length;
  return typeof length === "number" ? length : 0;
}

const urlHref =
  typeof URL === "undefined" ? undefined : Object.getOwnPropertyDescriptor(URL.prototype, "href")?.get;
const mapEntries = Map.prototype.entries;
const setValues = Set.prototype.values;
const dateTime = Date.prototype.getTime;
const dateIso = Date.prototype.toISOString;

/**
 * What encoding a value gave: its ASCII-only JSON text and, when it is a JSON object, what the
 * caller asked to know about its members.
 */
export interface Encoded {
  /** The JSON text (for an object, without the member named by `skip`). */
  readonly text: string;
  /** True when the value encoded to a JSON object (not an array, not `null`). */
  readonly isObject: boolean;
  /** The JSON text of the object's members named in `watch`, by key. */
  readonly found: Readonly<Record<string, string>> | undefined;
  /** The first member of the object whose value is an object or an array: `[key, text]`. */
  readonly nested: readonly [string, string] | undefined;
}

/**
 * Encodes one value as ASCII-only JSON in a single pass that reads every property once: what
 * is checked is what is written, even when a getter or a Proxy would answer differently the
 * second time. Paths are kept as a stack of keys and spelled out only for a message.
 */
class JsonWriter implements Encoded {
  readonly #encoder: Encoder | undefined;
  readonly #site: Site;
  readonly #root: string;
  readonly #budget: number;
  readonly #watch: ReadonlySet<string> | undefined;
  readonly #skip: string | undefined;
  /** How many containers are open. */
  #depth = 0;
  /** The outermost open container; the others, in order, in `#open` (made when needed). */
  #outer: object | undefined = undefined;
  #open: object[] | undefined = undefined;
  /** The key of each container in `#open` in its parent. */
  #keys: Array<string | number | undefined> | undefined = undefined;
  /** The key being encoded in the innermost open container. */
  #key: string | number | undefined = undefined;
  /** The error this writer threw, told apart from what the caller's code throws. */
  thrown: unknown = undefined;
  text = "";
  isObject = false;
  found: Record<string, string> | undefined = undefined;
  nested: readonly [string, string] | undefined = undefined;

  constructor(
    encoder: Encoder | undefined,
    site: Site,
    root: string,
    budget: number,
    watch: ReadonlySet<string> | undefined,
    skip: string | undefined,
  ) {
    this.#encoder = encoder;
    this.#site = site;
    this.#root = root;
    this.#budget = budget;
    this.#watch = watch;
    this.#skip = skip;
  }

  /** The path of the value being encoded: `params.items[2]`, shortened for a message. */
  path(): string {
    let out = this.#root;
    const keys = this.#keys ?? [];
    for (let i = 0; i < keys.length; i++) out += step(keys[i]!);
    if (this.#key !== undefined) out += step(this.#key);
    return out.length > 200 ? `${out.slice(0, 120)}…${out.slice(-60)}` : out;
  }

  #fail(problem: string, code: HxErrorCode = "unserializable"): never {
    try {
      fail(code, this.#site, `${this.path()} ${problem}`);
    } catch (error) {
      this.thrown = error;
      throw error;
    }
  }

  /** Over the budget: the header could never be sent, so encoding stops here. */
  #check(length: number): void {
    if (length > this.#budget)
      this.#fail(`takes more than maxHeaderBytes (${this.#budget})`, "header_too_large");
  }

  /** Opens a container (a cycle or too deep: unserializable). */
  #enter(container: object): void {
    const depth = this.#depth;
    if (depth === 0) {
      // The outermost container (flat params open no other): no array to allocate.
      this.#outer = container;
    } else {
      if (container === this.#outer || this.#open?.includes(container))
        this.#fail("is a circular reference; JSON cannot carry it");
      if (depth >= MAX_DEPTH) this.#fail(`nests deeper than ${MAX_DEPTH} levels; JSON cannot carry it`);
      this.#open ??= [];
      this.#keys ??= [];
      this.#open.push(container);
      this.#keys.push(this.#key);
    }
    this.#depth = depth + 1;
    this.#key = undefined;
  }

  #leave(): void {
    const depth = --this.#depth;
    if (depth === 0) {
      this.#outer = undefined;
      this.#key = undefined;
    } else {
      this.#open!.pop();
      this.#key = this.#keys!.pop();
    }
  }

  /** Encodes the root value. */
  root(value: unknown): void {
    const v = this.#encoder === undefined ? value : this.#encoder.call({ "": value }, "", value);
    const text =
      typeof v === "object" && v !== null ? this.#object("", v, true) : this.#primitive(v, "is undefined");
    this.text = text ?? this.#primitive(undefined, "is undefined");
  }

  /** JSON text of a member or item, or `undefined` when JSON omits it. */
  #value(holder: unknown, key: string | number, value: unknown): string | undefined {
    const v =
      this.#encoder === undefined
        ? value
        : this.#encoder.call(holder, typeof key === "string" ? key : `${key}`, value);
    if (typeof v === "object" && v !== null) return this.#object(key, v, false);
    return typeof v === "undefined" ? undefined : this.#primitive(v, "");
  }

  /** JSON text of a primitive (already through the encoder and the conversions). */
  #primitive(v: unknown, ifUndefined: string): string {
    // Only a root value can be undefined here: members and items return before.
    switch (typeof v) {
      case "string":
        return stringText(v);
      case "number":
        if (v - v !== 0) this.#fail(`is ${v}; JSON cannot carry it`);
        return `${v}`;
      case "boolean":
        return v ? "true" : "false";
      case "bigint":
        return `"${v}"`;
      case "undefined":
        return this.#fail(`${ifUndefined}; JSON cannot carry it`);
      case "object":
        return "null";
      default:
        return this.#fail(`is a ${typeof v}; JSON cannot carry it`);
    }
  }

  /**
   * JSON text of an object: the built-in conversions (Date, URL, boxed primitives, `toJSON`,
   * repeated up to 8 times while they give another object), then a Map, a Set, an array or the
   * object's own enumerable properties.
   */
  #object(key: string | number, value: object, isRoot: boolean): string | undefined {
    let v: unknown = value;
    let toJSON: unknown;
    for (let round = 0; round < 8; round++) {
      if (typeof v !== "object" || v === null) return v === undefined ? undefined : this.#primitive(v, "");
      const proto = Object.getPrototypeOf(v) as object | null;
      if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) {
        switch (builtinOf(proto)) {
          case DATE: {
            const time = dateTime.call(v) as number;
            if (Number.isNaN(time)) this.#fail("is an invalid Date; JSON cannot carry it");
            return `"${dateIso.call(v)}"`;
          }
          case URL_OBJECT:
            // The real getter: a look-alike (or a Proxy claiming URL.prototype) throws.
            return stringText(urlHref!.call(v) as string);
          case BOXED:
            v = (v as { valueOf(): unknown }).valueOf();
            continue;
          case MAP:
            return this.#map(v as Map<unknown, unknown>, isRoot);
          case SET:
            return this.#items(v as object, [...setValues.call(v as Set<unknown>)]);
          default:
            break;
        }
      }
      toJSON = (v as { toJSON?: unknown }).toJSON;
      if (typeof toJSON !== "function") break;
      v = toJSON.call(v, typeof key === "string" ? key : `${key}`);
    }
    if (typeof v !== "object" || v === null) return v === undefined ? undefined : this.#primitive(v, "");
    if (Array.isArray(v)) return this.#items(v, v);
    return this.#members(v, undefined, undefined, toJSON, isRoot);
  }

  /** An array, or a Set's items: `items` is read by index, each item once. */
  #items(container: object, items: ArrayLike<unknown>): string {
    this.#enter(container);
    const n = items.length;
    let out = "[";
    for (let i = 0; i < n; i++) {
      this.#key = i;
      const text = this.#value(container, i, items[i]);
      if (text === undefined) this.#fail("is undefined inside an array; JSON cannot carry it");
      out += i === 0 ? text : `,${text}`;
      this.#check(out.length);
    }
    this.#leave();
    return `${out}]`;
  }

  /** One member: its text added to `out`, or noted (root members named in `watch`). */
  #member(out: string, key: string, text: string | undefined, isRoot: boolean): string {
    if (text === undefined) return out;
    if (isRoot) {
      if (this.nested === undefined && (text.charCodeAt(0) === 123 || text.charCodeAt(0) === 91)) {
        this.nested = [key, text];
      }
      if (this.#watch?.has(key)) {
        this.found ??= {};
        this.found[key] = text;
        if (key === this.#skip) return out;
      }
    }
    const member = `${stringText(key)}:${text}`;
    out = out === "" ? member : `${out},${member}`;
    this.#check(out.length);
    return out;
  }

  /**
   * An object's members: `keys` and, for a Map, their `values`; else each value is read from
   * `object` once (`toJSON`, read already to look for the method, is not read again).
   */
  #members(
    object: object,
    given: string[] | undefined,
    values: unknown[] | undefined,
    toJSON: unknown,
    isRoot: boolean,
  ): string {
    this.#enter(object);
    // A typed array is an object of its indexes, as JSON writes it: each takes 4 bytes or more
    // (`"0":0`), so a long one is refused before its keys are listed (10 million take seconds).
    if (ArrayBuffer.isView(object)) this.#check(typedLength(object) * 4);
    const keys = given ?? Object.keys(object);
    let out = "";
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      this.#key = key;
      const raw =
        values !== undefined
          ? values[i]
          : key === "toJSON"
            ? toJSON
            : (object as Record<string, unknown>)[key];
      out = this.#member(out, key, this.#value(object, key, raw), isRoot);
    }
    this.#leave();
    if (isRoot) this.isObject = true;
    return `{${out}}`;
  }

  /** A Map as an object: keys in their string form, which must stay distinct. */
  #map(map: Map<unknown, unknown>, isRoot: boolean): string {
    this.#enter(map);
    const keys: string[] = [];
    const values: unknown[] = [];
    const seen = new Set<string>();
    for (const [rawKey, item] of mapEntries.call(map)) {
      const key = typeof rawKey === "string" ? rawKey : String(rawKey);
      this.#key = key;
      // Two keys with one string form (two objects are both "[object Object]") would collapse
      // into one JSON key and lose an entry.
      if (seen.has(key)) this.#fail("is a second Map key with the same string form; JSON cannot carry it");
      seen.add(key);
      keys.push(key);
      values.push(item);
    }
    this.#leave();
    return this.#members(map, keys, values, undefined, isRoot);
  }
}

/**
 * Encodes `value` as ASCII-only JSON, reading every property once. `root` names the value in
 * messages (`params`, `values`); members of a root object named in `watch` are reported in
 * `found`, and the one named `skip` is left out of the text. Any exception from the caller's
 * code (a getter, a Proxy trap, `toJSON`, the encoder) becomes `unserializable` with that
 * exception as its cause; text over `budget` characters is `header_too_large`.
 */
export function encodeJson(
  value: unknown,
  encoder: Encoder | undefined,
  site: Site,
  root: string,
  budget: number = Number.POSITIVE_INFINITY,
  watch?: ReadonlySet<string>,
  skip?: string,
): Encoded {
  const writer = new JsonWriter(encoder, site, root, budget, watch, skip);
  try {
    writer.root(value);
  } catch (error) {
    if (error === writer.thrown) throw error;
    // The caller's code threw (or the stack ran out): name where, keep the error as the cause.
    fail("unserializable", site, `${writer.path()} could not be encoded (${describeError(error)})`, error);
  }
  return writer;
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

/** Encoded members of a JSON object, in order, as `[key, JSON text]`. */
export type Members = Array<readonly [string, string]>;

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

/** True for an array (a Proxy of one too); false, not a TypeError, for a revoked Proxy. */
export function isArray(value: unknown): boolean {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * Copies an array (a Proxy of one too) by index, reading `length` and each item once, without
 * its iterator (which the caller's code may have replaced, even with an endless one).
 * `undefined` when `value` is not an array; a `RangeError` over `max` items (a sparse array
 * can claim 2 ** 32 - 1 of them).
 */
export function readList(value: unknown, max: number): unknown[] | undefined {
  if (!isArray(value)) return undefined;
  const list = value as ArrayLike<unknown>;
  const length = list.length;
  if (!(length <= max)) throw new RangeError(`the array has ${length} items, more than ${max}`);
  const out: unknown[] = [];
  for (let i = 0; i < length; i++) out.push(list[i]);
  return out;
}

/**
 * Describes a value's type for a message. Runs none of the caller's code: objects and
 * functions are described by their type, never converted to a string.
 */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return `the string ${quote(value)}`;
    case "object":
      return isArray(value) ? "an array" : "an object";
    case "function":
      return "a function";
    case "symbol":
      return "a symbol";
    default:
      return `${typeof value} ${String(value)}`;
  }
}

/** A value as a message shows it: strings and other primitives quoted, objects by their type. */
export function shown(value: unknown): string {
  if (typeof value === "object" || typeof value === "function" || typeof value === "symbol") {
    return describeType(value);
  }
  return quote(String(value));
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
