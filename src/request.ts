/**
 * Reading the `HX-*` request headers that htmx 1.9, 2 and 4 send.
 *
 * Runtime-neutral: the Node type below is structural, so this file needs no `node:` module and
 * no `@types/node` in a Deno, Bun or Workers project.
 *
 * @module
 */

/**
 * What {@link hxRequest} reads from a Node `IncomingMessage` (and so from Express's `req`,
 * Koa's `ctx.req` and Fastify's `request.raw`): its `headers` object, and `headersDistinct`
 * when the runtime keeps repeated headers apart.
 *
 * @see https://htmx.org/reference/#request_headers
 */
export interface IncomingMessageLike {
  /** The request headers, lowercase names; Node joins most repeated headers with `", "`. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The same headers with repeated lines kept apart (Node 18.3+); preferred when present. */
  readonly headersDistinct?: Readonly<Record<string, string[] | undefined>>;
}

/**
 * A plain header record, as `hxRequest` accepts it: names are matched case-insensitively.
 *
 * @see https://htmx.org/reference/#request_headers
 */
export type RequestHeaderRecord = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * The htmx request headers of one request, read lazily.
 *
 * Every property reads its header(s) on first access and records the header names in
 * {@link HxRequest.consulted}, so `hx().vary(...request.consulted)` names exactly the request
 * headers the response depended on. The properties are getters: the view is read-only.
 *
 * @example
 * ```ts
 * import { hxRequest } from "hxplan";
 *
 * const request = hxRequest(new Headers({ "HX-Request": "true", "HX-Target": "rows" }));
 * request.isHtmx; // true
 * request.target; // "rows"
 * request.consulted; // ["HX-Request", "HX-History-Restore-Request", "HX-Target"]
 * ```
 * @see https://htmx.org/reference/#request_headers
 */
export interface HxRequest {
  /**
   * `HX-Request` is exactly `"true"` and this is not a history restore
   * (`HX-History-Restore-Request: true`, which asks for the full page). Reads both headers.
   */
  readonly isHtmx: boolean;
  /** `HX-Boosted` is `"true"`: the request comes from a boosted link or form. */
  readonly boosted: boolean;
  /** `HX-History-Restore-Request` is `"true"`: render the full page. */
  readonly historyRestore: boolean;
  /** `HX-Current-URL`: the browser's URL when the request was made. */
  readonly currentUrl?: string;
  /** `HX-Prompt`: the user's answer to `hx-prompt`, decoded. */
  readonly prompt?: string;
  /** `HX-Target`: the target's id (htmx 1.9/2) or `tag#id` (htmx 4), decoded. */
  readonly target?: string;
  /** `HX-Trigger` (htmx 1.9/2): the id of the triggering element, decoded. */
  readonly trigger?: string;
  /** `HX-Trigger-Name` (htmx 1.9/2): the `name` of the triggering element, decoded. */
  readonly triggerName?: string;
  /** `HX-Source` (htmx 4): `tag#id` of the element that made the request, decoded. */
  readonly source?: string;
  /** `HX-Request-Type` (htmx 4): `"full"` when the target is `body` or `hx-select` is set. */
  readonly requestType?: "full" | "partial";
  /**
   * The htmx major version that sent the request: `4` when it carries `HX-Request-Type` or
   * `HX-Source` (htmx 4 always sends one of them, history restores included); `2` for any other
   * htmx request or history restore (htmx 1.9 reads as 2); `undefined` for a request htmx did
   * not make. Feed it to `hx({ htmx: request.version ?? 2 })`. Reads `HX-Request-Type`,
   * `HX-Source`, `HX-Request` and `HX-History-Restore-Request`.
   */
  readonly version?: 2 | 4;
  /**
   * `HX-PTag` (htmx 4 `hx-ptag` extension): the polling tag of the content the element holds,
   * as the server last sent it with `plan.ptag()`.
   */
  readonly ptag?: string;
  /**
   * The path, query and fragment of `HX-Current-URL`, only when that URL is on this request's
   * own host (with port: the `Host` header, or a Fetch `Request`'s URL) and its path does not
   * start with `//`: a same-host path that is safe to redirect back to (django-htmx's
   * `current_url_abs_path`). Reads `HX-Current-URL`.
   */
  readonly currentUrlPath?: string;
  /**
   * `Triggering-Event` (the `event-header` extension), JSON-parsed; `undefined` when absent or
   * not JSON.
   */
  readonly triggeringEvent?: unknown;
  /**
   * The `HX-*` request headers read so far through the properties above, present or not, in
   * first-read order (canonical spelling, such as `"HX-Request"`): a frozen snapshot, so later
   * reads do not change an array you already hold.
   */
  readonly consulted: readonly string[];
}

type Lookup = (lowerName: string) => string | undefined;

const REQUEST = "HX-Request";
const HISTORY_RESTORE = "HX-History-Restore-Request";
const BOOSTED = "HX-Boosted";
const CURRENT_URL = "HX-Current-URL";
const PROMPT = "HX-Prompt";
const TARGET = "HX-Target";
const TRIGGER = "HX-Trigger";
const TRIGGER_NAME = "HX-Trigger-Name";
const SOURCE = "HX-Source";
const REQUEST_TYPE = "HX-Request-Type";
const PTAG = "HX-PTag";
const TRIGGERING_EVENT = "Triggering-Event";

/** Headers whose values htmx 4 sends through `encodeURI` (ids in `tag#id`, the prompt answer). */
const ENCODE_URI_IN_HTMX_4: ReadonlySet<string> = new Set([SOURCE, TARGET, PROMPT]);

const EMPTY_LOOKUP: Lookup = () => undefined;

/** Where the request's lookups come from: its headers, and the host it was sent to. */
interface Source {
  readonly lookup: Lookup;
  /** The request's own host (`host[:port]`), from a Fetch Request's URL; else the Host header. */
  readonly host: () => string | undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** The first usable string of a header value that may be a list of lines. */
function firstValue(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    // By index and bounded: never the array's own iterator (which may never end), never a walk
    // over the holes of an array that claims 2^32 - 1 items.
    const length = Math.min(value.length, 16);
    for (let i = 0; i < length; i++) {
      const item: unknown = value[i];
      if (typeof item === "string") return item;
    }
    return undefined;
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/**
 * A case-insensitive lookup over a record, built once. The first key (in the record's own key
 * order) that matches a name case-insensitively wins.
 */
function recordLookup(record: Record<string, unknown>): Lookup {
  let byName: Map<string, unknown> | undefined;
  return (lowerName) => {
    if (byName === undefined) {
      byName = new Map();
      for (const key of Object.keys(record)) {
        const lower = key.toLowerCase();
        if (!byName.has(lower)) byName.set(lower, record[key]);
      }
    }
    return firstValue(byName.get(lowerName));
  };
}

/** Fetch `Headers` (or anything with a `get(name)`): the runtime already joined repeated lines. */
function headersLookup(headers: { get(name: string): unknown }): Lookup {
  return (lowerName) => {
    const value = headers.get(lowerName);
    return typeof value === "string" ? value : undefined;
  };
}

/** Picks how to read `source` from its shape; never throws. */
function lookupFor(source: unknown): Lookup {
  if (!isObject(source) && typeof source !== "function") return EMPTY_LOOKUP;
  const object = source as Record<string, unknown>;
  const headers = object.headers;
  if (isObject(headers) && !Array.isArray(headers)) {
    // A Fetch Request: its headers are a Headers object.
    if (typeof headers.get === "function") return headersLookup(headers as { get(name: string): unknown });
    // A Node IncomingMessage: headersDistinct keeps repeated lines apart (Node 18.3+).
    const distinct = object.headersDistinct;
    if (isObject(distinct) && !Array.isArray(distinct)) return recordLookup(distinct);
    return recordLookup(headers);
  }
  if (typeof object.get === "function") return headersLookup(object as { get(name: string): unknown });
  // An array or a typed array holds no header names, only (possibly millions of) indexes.
  if (Array.isArray(object) || ArrayBuffer.isView(object)) return EMPTY_LOOKUP;
  return recordLookup(object);
}

/**
 * The host a request was sent to: a Fetch `Request`'s URL (browsers never let a page set
 * `Host`), else the `Host` header (HTTP/2: `:authority`).
 */
function hostFor(source: unknown, lookup: Lookup): string | undefined {
  const object = source as { url?: unknown; headers?: unknown };
  if (isObject(object) && typeof object.url === "string" && isObject(object.headers)) {
    const get = (object.headers as { get?: unknown }).get;
    if (typeof get === "function") {
      try {
        return new URL(object.url).host;
      } catch {
        return undefined;
      }
    }
  }
  return lookup("host") ?? lookup(":authority");
}

function safeDecode(value: string, decode: (text: string) => string): string {
  try {
    return decode(value);
  } catch {
    return value; // a malformed escape: the raw value is the best answer, reading never throws
  }
}

/** The path + query + fragment of `url` when it is an http(s) URL on `host`, else undefined. */
function samePath(url: string | undefined, host: string | undefined): string | undefined {
  if (url === undefined || host === undefined || host === "") return undefined;
  let parsed: URL;
  let own: string;
  try {
    parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
    // The Host header spelled as the URL parser spells a host: lowercase, default port dropped.
    own = new URL(`${parsed.protocol}//${host}`).host;
  } catch {
    return undefined;
  }
  if (parsed.host !== own || parsed.username !== "" || parsed.password !== "") return undefined;
  // "//evil.example/x" would be read as another origin by a browser: never a path to redirect to.
  if (parsed.pathname.startsWith("//")) return undefined;
  return parsed.pathname + parsed.search + parsed.hash;
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

class HtmxRequest {
  readonly #lookup: Lookup;
  readonly #host: () => string | undefined;
  #event: { value: unknown } | undefined;
  readonly #raw = new Map<string, string | undefined>();
  readonly #consulted: string[] = [];
  #snapshot: readonly string[] | undefined;
  #htmx4: boolean | undefined;

  constructor(source: Source) {
    this.#lookup = source.lookup;
    this.#host = source.host;
  }

  /** The header's raw value, without recording it. */
  #peek(name: string): string | undefined {
    if (this.#raw.has(name)) return this.#raw.get(name);
    let value: string | undefined;
    try {
      value = this.#lookup(name.toLowerCase());
    } catch {
      value = undefined; // a throwing getter or Proxy: treat the header as absent
    }
    this.#raw.set(name, value);
    return value;
  }

  /** The header's raw value, recorded in `consulted`. */
  #read(name: string): string | undefined {
    if (!this.#consulted.includes(name)) {
      this.#consulted.push(name);
      this.#snapshot = undefined;
    }
    return this.#peek(name);
  }

  #isTrue(name: string): boolean {
    return this.#read(name) === "true";
  }

  /** htmx 4 always sends HX-Source or HX-Request-Type; htmx 1.9/2 send neither. */
  #isHtmx4(): boolean {
    this.#htmx4 ??= this.#peek(SOURCE) !== undefined || this.#peek(REQUEST_TYPE) !== undefined;
    return this.#htmx4;
  }

  #decoded(name: string): string | undefined {
    const value = this.#read(name);
    if (value === undefined) return undefined;
    // htmx 1.9/2 (safelySetHeaderValue): a value the XHR refused went out encodeURIComponent-ed.
    if (this.#peek(`${name}-URI-AutoEncoded`) === "true") return safeDecode(value, decodeURIComponent);
    if (ENCODE_URI_IN_HTMX_4.has(name) && this.#isHtmx4()) return safeDecode(value, decodeURI);
    return value;
  }

  get isHtmx(): boolean {
    const request = this.#isTrue(REQUEST);
    const restore = this.#isTrue(HISTORY_RESTORE);
    return request && !restore;
  }

  get boosted(): boolean {
    return this.#isTrue(BOOSTED);
  }

  get historyRestore(): boolean {
    return this.#isTrue(HISTORY_RESTORE);
  }

  get currentUrl(): string | undefined {
    return this.#decoded(CURRENT_URL);
  }

  get prompt(): string | undefined {
    return this.#decoded(PROMPT);
  }

  get target(): string | undefined {
    return this.#decoded(TARGET);
  }

  get trigger(): string | undefined {
    return this.#decoded(TRIGGER);
  }

  get triggerName(): string | undefined {
    return this.#decoded(TRIGGER_NAME);
  }

  get source(): string | undefined {
    return this.#decoded(SOURCE);
  }

  get requestType(): "full" | "partial" | undefined {
    const value = this.#read(REQUEST_TYPE);
    return value === "full" || value === "partial" ? value : undefined;
  }

  get version(): 2 | 4 | undefined {
    // Every header the answer depends on is read (and so listed for Vary), whatever it is.
    const type = this.#read(REQUEST_TYPE);
    const source = this.#read(SOURCE);
    const request = this.#isTrue(REQUEST);
    const restore = this.#isTrue(HISTORY_RESTORE);
    if (type !== undefined || source !== undefined) return 4;
    return request || restore ? 2 : undefined;
  }

  get ptag(): string | undefined {
    return this.#read(PTAG);
  }

  get currentUrlPath(): string | undefined {
    const url = this.#decoded(CURRENT_URL);
    if (url === undefined) return undefined;
    let host: string | undefined;
    try {
      host = this.#host();
    } catch {
      host = undefined;
    }
    return samePath(url, host);
  }

  get triggeringEvent(): unknown {
    // htmx 2 sends it through safelySetHeaderValue, so it may be -URI-AutoEncoded too.
    this.#event ??= { value: parseJson(this.#decoded(TRIGGERING_EVENT)) };
    return this.#event.value;
  }

  get consulted(): readonly string[] {
    this.#snapshot ??= Object.freeze([...this.#consulted]);
    return this.#snapshot;
  }

  get [Symbol.toStringTag](): string {
    return "HxRequest";
  }
}

/**
 * Reads the htmx request headers from a Node `IncomingMessage` (node:http, Express, Koa's
 * `ctx.req`, Fastify's `request.raw`), a Fetch `Request`, a Fetch `Headers` or a plain record.
 *
 * Header names match case-insensitively. Where the source keeps repeated headers apart (a
 * `string[]` value or `IncomingMessage.headersDistinct`) the first one counts; a value the
 * runtime already joined (Fetch `Headers`) is used as is. Values htmx encoded are decoded:
 * `<Name>-URI-AutoEncoded: true` (htmx 1.9/2, `encodeURIComponent`) and, when the request
 * carries `HX-Source` or `HX-Request-Type` (htmx 4), the `encodeURI`-ed `HX-Source`,
 * `HX-Target` and `HX-Prompt`. A malformed escape leaves the raw value.
 *
 * Properties are read lazily and each read is recorded in `consulted`: pass it to
 * `hx().vary(...)` so a cache keeps full pages and fragments apart.
 *
 * @param source - where the request headers are; any other value reads as "no headers".
 * @returns a lazy view of the request's htmx headers. Never throws, whatever the input.
 * @example
 * ```ts
 * import { hx, hxRequest } from "hxplan";
 *
 * const request = hxRequest(req); // IncomingMessage, Request, Headers or a record
 * const html = request.isHtmx ? renderRows() : renderPage();
 * hx().vary(...request.consulted).applyTo(res); // Vary: HX-Request, HX-History-Restore-Request
 * res.end(html);
 * ```
 * @see https://htmx.org/reference/#request_headers
 */
export function hxRequest(source: IncomingMessageLike | Request | Headers | RequestHeaderRecord): HxRequest {
  let lookup: Lookup;
  try {
    lookup = lookupFor(source);
  } catch {
    lookup = EMPTY_LOOKUP;
  }
  const read = lookup;
  const host = (): string | undefined => hostFor(source, read);
  return new HtmxRequest({ lookup, host }) as HxRequest;
}
