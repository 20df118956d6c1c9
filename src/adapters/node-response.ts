// The send-time work of the Node-backed middleware (node:http, Express, Koa, Fastify): just
// before the status line and headers go out, convert a redirect answering htmx, merge Vary
// and give 286 its reason phrase. Hooked on the response's writeHead/write/end/flushHeaders,
// the one place every framework (and every error path) goes through. Structural types only.
import type { IncomingMessage, ServerResponse } from "node:http";
import { hx } from "../hx.js";
import { type HxRequest, hxRequest } from "../request.js";
import {
  type BoundHx,
  boundHx,
  headerText,
  type MiddlewareSettings,
  ptagFlow,
  redirectHeader,
  STOP_POLLING_REASON,
  varyNames,
} from "./middleware.js";

/** The parts of a Node `ServerResponse` the hook uses and wraps. */
export interface HookableResponse {
  statusCode: number;
  statusMessage?: string | undefined;
  readonly headersSent: boolean;
  setHeader(name: string, value: string | number | readonly string[]): unknown;
  getHeader(name: string): string | number | readonly string[] | undefined;
  removeHeader(name: string): unknown;
  writeHead(...args: unknown[]): unknown;
  write(...args: unknown[]): unknown;
  end(...args: unknown[]): unknown;
  flushHeaders?(...args: unknown[]): unknown;
}

type Headers = Record<string, unknown> | readonly unknown[];

/** Copies the headers given to `writeHead(status, headers)` onto the response. */
function moveHeaders(res: HookableResponse, headers: Headers): void {
  if (Array.isArray(headers)) {
    const lines = new Map<string, string[]>();
    const add = (name: unknown, value: unknown): void => {
      const key = String(name);
      const list = lines.get(key.toLowerCase()) ?? [];
      list.push(String(value));
      lines.set(key.toLowerCase(), list);
    };
    if (headers.length > 0 && Array.isArray(headers[0])) {
      for (const pair of headers as ReadonlyArray<readonly unknown[]>) add(pair[0], pair[1]);
    } else {
      for (let i = 0; i + 1 < headers.length; i += 2) add(headers[i], headers[i + 1]);
    }
    for (const [name, values] of lines) res.setHeader(name, values.length === 1 ? values[0]! : values);
    return;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) res.setHeader(name, value as string | number | readonly string[]);
  }
}

/**
 * Wraps `res` so the middleware's send-time work runs once, right before the headers are
 * written, whichever call writes them. `request()` gives the request's view, or `undefined`
 * when nothing made one (then nothing was read and nothing is converted); `requestUrl()` the
 * request's URL, absolute when its host is known.
 */
export function hookResponse(
  res: HookableResponse,
  settings: MiddlewareSettings,
  request: () => HxRequest | undefined,
  requestUrl: () => string | undefined,
): void {
  let prepared = false;
  let dropBody = false;
  const { writeHead, write, end, flushHeaders } = res;

  function prepare(): void {
    if (prepared) return;
    prepared = true;
    const htmx = request();
    if (htmx === undefined) return;
    const headers = redirectHeader(
      settings,
      htmx,
      res.statusCode,
      headerText(res.getHeader("Location")),
      requestUrl(),
    );
    if (headers !== undefined) {
      res.statusCode = 200;
      res.statusMessage = undefined;
      res.removeHeader("Location");
      res.removeHeader("Transfer-Encoding");
      res.setHeader("Content-Length", "0");
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      dropBody = true;
    }
    const names = varyNames(htmx, settings);
    if (names.length > 0) {
      try {
        hx()
          .vary(...names)
          .applyTo(res);
      } catch {
        // An existing Vary hxplan cannot merge with (not a list of tokens) is left as it is:
        // failing the response at send time would lose it altogether.
      }
    }
  }

  /** Everything that must happen just before the headers go out, whichever call sends them. */
  function beforeHeaders(): void {
    if (res.headersSent) return;
    prepare();
    if (res.statusCode === 286 && !res.statusMessage) res.statusMessage = STOP_POLLING_REASON;
  }

  res.writeHead = function hookedWriteHead(this: HookableResponse, status: unknown, ...rest: unknown[]) {
    let reason = typeof rest[0] === "string" ? (rest.shift() as string) : undefined;
    const headers = rest[0] as Headers | undefined;
    if (!prepared && !res.headersSent) {
      if (typeof status === "number") res.statusCode = status;
      if (headers !== undefined && headers !== null) moveHeaders(res, headers);
      if (reason !== undefined) res.statusMessage = reason;
      beforeHeaders();
      reason = res.statusMessage;
      return reason === undefined
        ? writeHead.call(this, res.statusCode)
        : writeHead.call(this, res.statusCode, reason);
    }
    return writeHead.call(this, status, ...(reason === undefined ? [] : [reason]), ...rest);
  } as HookableResponse["writeHead"];

  res.write = function hookedWrite(this: HookableResponse, ...args: unknown[]) {
    beforeHeaders();
    if (dropBody) {
      const callback = args.find((arg) => typeof arg === "function") as (() => void) | undefined;
      if (callback !== undefined) queueMicrotask(callback);
      return true;
    }
    return write.apply(this, args);
  } as HookableResponse["write"];

  res.end = function hookedEnd(this: HookableResponse, ...args: unknown[]) {
    beforeHeaders();
    if (dropBody) {
      const callback = args.find((arg) => typeof arg === "function");
      return callback === undefined ? end.call(this) : end.call(this, callback);
    }
    return end.apply(this, args);
  } as HookableResponse["end"];

  if (typeof flushHeaders === "function") {
    res.flushHeaders = function hookedFlush(this: HookableResponse, ...args: unknown[]) {
      beforeHeaders();
      return flushHeaders.apply(this, args);
    };
  }
}

/**
 * What a wrapped `node:http` handler gets as its third argument.
 *
 * @see https://htmx.org/reference/#request_headers
 */
export interface HtmxContext {
  /** The request's htmx headers, read lazily (see `hxRequest`); reads become `Vary`. */
  readonly htmx: HxRequest;
  /** `hx(options)` with the request's htmx version (the `htmx` option, or `htmx.version ?? 2`). */
  readonly hx: BoundHx;
  /**
   * The polling-tag flow of htmx 4's `hx-ptag` (django-htmx's `ptag` decorator): on GET/HEAD,
   * when the request's `HX-PTag` is `tag`, answers 304 with `HX-PTag` and no body and never
   * calls `render`; otherwise sets `HX-PTag: tag` (unless the response has one) and returns
   * what `render()` returns.
   *
   * @param tag - the tag of the content `render` would write (printable ASCII, 1–512 characters)
   * @param render - writes the response as usual
   * @returns `render()`'s result, or `undefined` after a 304
   * @throws HxError `invalid_option` for a bad tag (before anything is written)
   */
  ptag<T>(tag: string, render: () => T): T | undefined;
}

/** Node's `ServerResponse` shape as the hook needs it (also Express's `res`). */
type NodeResponse = Pick<
  ServerResponse,
  "statusCode" | "headersSent" | "setHeader" | "getHeader" | "removeHeader"
>;

/** `http://host/path` of a Node request (the scheme does not matter: only the host is compared). */
export function nodeRequestUrl(req: Pick<IncomingMessage, "headers" | "url">): string | undefined {
  const host = req.headers.host ?? req.headers[":authority"];
  const path = req.url ?? "/";
  return typeof host === "string" && host !== "" ? `http://${host}${path}` : path;
}

/** Where a response keeps its context, so a second middleware (an Express sub-app) reuses it. */
const CONTEXT = Symbol.for("hxplan.context");

/**
 * Makes the per-request context and hooks the response, once per response (the first
 * middleware's options win); shared with `hxplan/express`.
 */
export function attach(
  req: Pick<IncomingMessage, "headers" | "method" | "url">,
  res: NodeResponse,
  settings: MiddlewareSettings,
): HtmxContext {
  const existing = (res as { [CONTEXT]?: HtmxContext })[CONTEXT];
  if (existing !== undefined) return existing;
  const context = makeContext(req, res, settings);
  Object.defineProperty(res, CONTEXT, { value: context, configurable: true });
  return context;
}

function makeContext(
  req: Pick<IncomingMessage, "headers" | "method" | "url">,
  res: NodeResponse,
  settings: MiddlewareSettings,
): HtmxContext {
  let request: HxRequest | undefined;
  const htmx = (): HxRequest => {
    request ??= hxRequest(req);
    return request;
  };
  // Redirects must read the request to decide; otherwise only what the handler read counts.
  hookResponse(
    res as unknown as HookableResponse,
    settings,
    () => (settings.redirects === false ? request : htmx()),
    () => nodeRequestUrl(req),
  );
  return {
    get htmx() {
      return htmx();
    },
    hx: boundHx(htmx, settings),
    ptag: <T>(tag: string, render: () => T): T | undefined =>
      ptagFlow(htmx(), req.method, tag, res as unknown as ServerResponse, render, () => {
        (res as unknown as ServerResponse).end();
        return undefined;
      }),
  };
}
