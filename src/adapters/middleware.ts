// What every hxplan middleware shares (Express, node:http, Fetch, Fastify, Koa, Hono): the
// options, the plan factory bound to the request's htmx version, the polling-tag decision, the
// redirect conversion and the Vary names. Runtime-neutral: no framework, no `node:` module.
import { fail, type Site } from "../encode.js";
import { isHxError } from "../errors.js";
import { type Hx, hx } from "../hx.js";
import type { HxRequest } from "../request.js";
import type { HxOptions } from "../types.js";
import type { NodeResponseLike } from "./apply.js";

/**
 * Options of every hxplan middleware (`hxplan/express`, `hxplan/node`, `hxplan/fetch`,
 * `hxplan/fastify`, `hxplan/koa`, `hxplan/hono`).
 *
 * @see https://htmx.org/docs/#caching
 */
export interface HtmxMiddlewareOptions {
  /**
   * When the response is sent, `Vary` gains the `HX-*` request headers the handler read
   * (`htmx.consulted`). Default `true`.
   */
  readonly vary?: boolean | undefined;
  /**
   * What to do with a 301/302/303/307/308 carrying a `Location` that answers an htmx request
   * (not boosted, not a history restore): `false` (the default) leaves it, and htmx follows it
   * with XHR/fetch and swaps the whole next page into the target; `"hx-redirect"` sends 200 with
   * `HX-Redirect` (a full page load of the location); `"hx-location"` sends 200 with
   * `HX-Location` (an htmx GET of the location swapped into `body`). `Location` and the body are
   * dropped, other headers kept. Boosted requests keep their 3xx: htmx follows it and updates the
   * URL itself.
   */
  readonly redirects?: false | "hx-redirect" | "hx-location" | undefined;
  /**
   * The htmx version of the plans the bound `hx()` makes: `2` or `4` for every request, or (the
   * default) `request.version ?? 2`, so one server serves htmx 2 and htmx 4 pages from the
   * same routes.
   */
  readonly htmx?: 2 | 4 | undefined;
}

/** The options after checking; see {@link HtmxMiddlewareOptions}. */
export interface MiddlewareSettings {
  readonly vary: boolean;
  readonly redirects: false | "hx-redirect" | "hx-location";
  readonly htmx: 2 | 4 | undefined;
}

/**
 * The plan factory a middleware binds to the request: `hx(options)` is
 * `hx({ ...options, htmx: version })`, the version being the middleware's `htmx` option or
 * `request.version ?? 2`.
 *
 * @see https://htmx.org/reference/#response_headers
 */
export type BoundHx = (options?: HxOptions) => Hx;

const DEFAULTS: MiddlewareSettings = { vary: true, redirects: false, htmx: undefined };
const KEYS: ReadonlySet<string> = new Set(["vary", "redirects", "htmx"]);

/** Checks a middleware's options once, when the middleware is made. */
export function middlewareSettings(options: unknown, method = "htmx()"): MiddlewareSettings {
  const site: Site = { method, header: "(options)" };
  if (options === undefined) return DEFAULTS;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    fail("invalid_option", site, 'the options must be an object such as { redirects: "hx-redirect" }');
  }
  let vary: unknown;
  let redirects: unknown;
  let version: unknown;
  try {
    for (const key of Object.keys(options)) {
      if (!KEYS.has(key))
        fail("invalid_option", site, `unknown option ${JSON.stringify(key)}; use vary, redirects or htmx`);
    }
    // Each option read once: a getter cannot answer one thing to the check and another to use.
    ({ vary, redirects, htmx: version } = options as Record<string, unknown>);
  } catch (error) {
    if (isHxError(error)) throw error;
    fail("invalid_option", site, "the options could not be read", error);
  }
  if (vary !== undefined && typeof vary !== "boolean") {
    fail("invalid_option", site, `option vary must be true or false, got ${String(vary)}`);
  }
  if (
    redirects !== undefined &&
    redirects !== false &&
    redirects !== "hx-redirect" &&
    redirects !== "hx-location"
  ) {
    fail(
      "invalid_option",
      site,
      `option redirects must be false, "hx-redirect" or "hx-location", got ${JSON.stringify(String(redirects))}`,
    );
  }
  if (version !== undefined && version !== 2 && version !== 4) {
    fail("invalid_option", site, `option htmx must be 2 or 4, got ${String(version)}`);
  }
  return {
    vary: (vary as boolean | undefined) ?? true,
    redirects: (redirects as MiddlewareSettings["redirects"] | undefined) ?? false,
    htmx: version as 2 | 4 | undefined,
  };
}

/**
 * The request's plan factory. It reads the request (through `request`, which may make it on
 * first use) and its `version` only when called and the version is not fixed, so a handler that
 * makes no plan adds nothing to `Vary`.
 */
export function boundHx(request: () => HxRequest, settings: MiddlewareSettings): BoundHx {
  return (options) => {
    const htmx = settings.htmx ?? request().version ?? 2;
    return hx(options === undefined ? { htmx } : { ...options, htmx });
  };
}

/** The `Vary` names the response gains: what the handler (and the middleware) read. */
export function varyNames(request: HxRequest | undefined, settings: MiddlewareSettings): readonly string[] {
  return settings.vary && request !== undefined ? request.consulted : [];
}

// --- polling tags (htmx 4 hx-ptag) ------------------------------------------------------------

/** The `HX-PTag` plan of a tag (checked: printable ASCII, 1–512 characters, no outer spaces). */
export function ptagPlan(tag: string): Hx {
  // Always an htmx 4 plan: hx-ptag is htmx 4's, and the tag is checked whatever the page's version.
  return hx({ htmx: 4 }).ptag(tag);
}

/**
 * True when a GET/HEAD request already holds `tag`: answer 304 without rendering. Reads
 * `HX-PTag` only on GET and HEAD (other methods always render).
 */
export function ptagMatches(request: HxRequest, method: string | undefined, tag: string): boolean {
  return (method === "GET" || method === "HEAD") && request.ptag === tag;
}

/**
 * `Cache-Control` of a rendered polling-tag response, unless it has its own. A response the
 * browser may cache with a validator (Express's automatic ETag, Last-Modified) makes Chromium
 * revalidate the next poll itself (If-None-Match) and hand htmx a 200 from its cache in place
 * of the server's 304, so the element is swapped on every poll (seen in Chromium with htmx
 * 4.0.1 and Express 5, test/e2e/protocol.test.ts).
 */
export const PTAG_CACHE_CONTROL = "no-store";

/** The header access the polling-tag flow needs: a Node-shaped target (`plan.applyTo()` takes it). */
type PtagTarget = Pick<NodeResponseLike, "getHeader" | "setHeader" | "removeHeader">;

/**
 * The polling-tag flow on a Node-shaped response (node:http, Express, Koa, Fastify): on GET/HEAD
 * when the request holds `tag`, a 304 with `HX-PTag` and `end()`'s result, `render` never
 * called; otherwise `HX-PTag` and `Cache-Control` unless already set, then `render()`.
 */
export function ptagFlow<T, E>(
  request: HxRequest,
  method: string | undefined,
  tag: string,
  target: PtagTarget,
  render: () => T,
  end: () => E,
): T | E {
  const plan = ptagPlan(tag);
  if (ptagMatches(request, method, tag)) {
    plan.status(304).applyTo(target as NodeResponseLike);
    return end();
  }
  if (target.getHeader("HX-PTag") === undefined) target.setHeader("HX-PTag", tag);
  if (target.getHeader("Cache-Control") === undefined) target.setHeader("Cache-Control", PTAG_CACHE_CONTROL);
  return render();
}

/** The polling-tag flow for Fetch handlers (hxplan/fetch, Hono): the same, as `Response`s. */
export async function ptagResponse(
  request: HxRequest,
  method: string,
  tag: string,
  render: () => Response | Promise<Response>,
): Promise<Response> {
  const plan = ptagPlan(tag);
  if (ptagMatches(request, method, tag)) return plan.status(304).toResponse(null);
  return taggedResponse(await render(), tag);
}

// --- redirects --------------------------------------------------------------------------------

const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/**
 * The `Location` as the page should read it, and whether it is on the request's own host. A
 * relative reference is resolved against the request URL (as the browser resolves a
 * `Location`), so htmx, which resolves against the page's URL, lands on the same place.
 */
function resolveLocation(
  location: string,
  requestUrl: string | undefined,
): { target: string; sameHost: boolean } {
  const absolute = /^[A-Za-z][A-Za-z0-9+.-]*:/.test(location);
  let base: URL;
  try {
    base = new URL(requestUrl ?? "/", "http://h.invalid");
  } catch {
    base = new URL("http://h.invalid/");
  }
  if (!absolute) {
    if (location.startsWith("/")) return { target: location, sameHost: true };
    try {
      const url = new URL(location, base);
      return { target: url.pathname + url.search + url.hash, sameHost: true };
    } catch {
      return { target: location, sameHost: true };
    }
  }
  try {
    return { target: location, sameHost: new URL(location).host === base.host };
  } catch {
    return { target: location, sameHost: false };
  }
}

/**
 * The header that replaces a redirect answering a plain htmx request, or `undefined` to leave
 * the response as it is. Reads the request (`isHtmx`, `boosted`) only for a redirect with a
 * `Location`, so those reads reach `Vary` only then. A `Location` hxplan cannot write as an
 * `HX-*` header (`javascript:`, `//host`, …) leaves the redirect alone; with `"hx-location"`
 * a `Location` on another host becomes `HX-Redirect` (htmx cannot GET another origin).
 *
 * @param requestUrl - the request's URL, absolute when the host is known (`http://host/path`)
 */
export function redirectHeader(
  settings: MiddlewareSettings,
  request: HxRequest,
  status: number,
  location: string | undefined,
  requestUrl: string | undefined,
): Readonly<Record<string, string>> | undefined {
  if (settings.redirects === false || !REDIRECTS.has(status) || location === undefined || location === "") {
    return undefined;
  }
  if (!request.isHtmx || request.boosted) return undefined;
  // "//host/x" (or with backslashes) reads as a path but is another origin: hxplan refuses it.
  if (/^[\\/]{2}/.test(location)) return undefined;
  const { target, sameHost } = resolveLocation(location, requestUrl);
  try {
    const plan =
      settings.redirects === "hx-location" && sameHost ? hx().location(target) : hx().redirect(target);
    return plan.toHeaders();
  } catch (error) {
    if (isHxError(error)) return undefined;
    throw error;
  }
}

/** The first value of a header as a target returns it. */
export function headerText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value) && typeof value[0] === "string") return value[0];
  return undefined;
}

/** The reason phrase django-htmx sends with 286. */
export const STOP_POLLING_REASON = "Stop Polling";

// --- Fetch Responses (hxplan/fetch, hxplan/hono) -----------------------------------------------

/** A Response with other headers or status; a Response's own headers may be immutable. */
function rebuilt(
  response: Response,
  status: number,
  statusText: string,
  headers: Headers,
  body: boolean,
): Response {
  return new Response(body ? response.body : null, { status, statusText, headers });
}

/** Sets a header on a Response, copying the Response when its headers are immutable. */
export function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const headers = new Headers(response.headers);
    headers.set(name, value);
    return rebuilt(response, response.status, response.statusText, headers, true);
  }
}

/** The send-time work on a handler's Response (Fetch, Hono): redirects, Vary, Stop Polling. */
export function finishResponse(
  response: Response,
  request: HxRequest | undefined,
  settings: MiddlewareSettings,
  url: string,
): Response {
  let out = response;
  if (request !== undefined) {
    const converted = redirectHeader(
      settings,
      request,
      out.status,
      out.headers.get("Location") ?? undefined,
      url,
    );
    if (converted !== undefined) {
      const headers = new Headers(out.headers);
      headers.delete("Location");
      headers.delete("Content-Length");
      for (const [name, value] of Object.entries(converted)) headers.set(name, value);
      out = rebuilt(out, 200, "", headers, false);
    }
    const names = varyNames(request, settings);
    if (names.length > 0) {
      const headers = new Headers(out.headers);
      try {
        hx()
          .vary(...names)
          .applyTo(headers);
        const vary = headers.get("Vary");
        if (vary !== null) out = withHeader(out, "Vary", vary);
      } catch {
        // An existing Vary that is not a list of tokens is left as it is.
      }
    }
  }
  if (out.status === 286 && out.statusText === "") {
    out = rebuilt(out, 286, STOP_POLLING_REASON, out.headers, true);
  }
  return out;
}

/** A rendered polling-tag Response: `HX-PTag` and `Cache-Control` added unless it has its own. */
export function taggedResponse(response: Response, tag: string): Response {
  let out = response;
  if (!out.headers.has("HX-PTag")) out = withHeader(out, "HX-PTag", tag);
  if (!out.headers.has("Cache-Control")) out = withHeader(out, "Cache-Control", PTAG_CACHE_CONTROL);
  return out;
}
