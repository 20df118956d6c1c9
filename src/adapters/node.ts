/**
 * node:http: `htmx(handler, options?)` wraps a request handler, giving it the request's htmx
 * headers, a plan factory bound to the request's htmx version and the polling-tag flow, and
 * doing the send-time work (Vary, redirects, the 286 reason phrase) on whatever response the
 * handler, or the error path around it, writes. Imports nothing at run time but hxplan.
 *
 * @module hxplan/node
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type HxRequest, hxRequest } from "../request.js";
import {
  type BoundHx,
  boundHx,
  type HtmxMiddlewareOptions,
  middlewareSettings,
  PTAG_CACHE_CONTROL,
  ptagMatches,
  ptagPlan,
} from "./middleware.js";
import { type HookableResponse, hookResponse } from "./node-response.js";

export type { BoundHx, HtmxMiddlewareOptions } from "./middleware.js";

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

/** Makes the per-request context and hooks the response; shared with `hxplan/express`. */
export function attach(
  req: Pick<IncomingMessage, "headers" | "method" | "url">,
  res: NodeResponse,
  settings: ReturnType<typeof middlewareSettings>,
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
    req.url,
  );
  let bound: BoundHx | undefined;
  return {
    get htmx() {
      return htmx();
    },
    hx: (options) => {
      bound ??= boundHx(htmx(), settings);
      return bound(options);
    },
    ptag<T>(tag: string, render: () => T): T | undefined {
      const plan = ptagPlan(tag);
      if (ptagMatches(htmx(), req.method, tag)) {
        plan.status(304).applyTo(res as unknown as ServerResponse);
        (res as unknown as ServerResponse).end();
        return undefined;
      }
      if (res.getHeader("HX-PTag") === undefined) res.setHeader("HX-PTag", tag);
      if (res.getHeader("Cache-Control") === undefined) res.setHeader("Cache-Control", PTAG_CACHE_CONTROL);
      return render();
    },
  };
}

/**
 * Wraps a `node:http` request handler: it is called as `handler(req, res, { htmx, hx, ptag })`.
 * When the response is sent (by the handler, or by whoever handles its error), `Vary` gains
 * the `HX-*` request headers that were read, a redirect answering a plain htmx request is
 * converted (option `redirects`), and 286 gets the reason phrase `Stop Polling`. An error the
 * handler throws (or rejects with) propagates unchanged.
 *
 * @param handler - the request handler
 * @param options - `vary` (default true), `redirects` (default false), `htmx` (default `request.version ?? 2`)
 * @returns the wrapped handler, for `createServer()`
 * @throws HxError `invalid_option` for bad options (when wrapping, not per request)
 * @example
 * ```ts
 * import { createServer } from "node:http";
 * import { htmx } from "hxplan/node";
 *
 * createServer(
 *   htmx((req, res, { htmx, hx }) => {
 *     hx().trigger("loaded").applyTo(res); // an htmx 2 or 4 plan, as the page runs
 *     res.end(htmx.isHtmx ? "<li>…</li>" : "<!doctype html>…"); // Vary: HX-Request, …
 *   }, { redirects: "hx-redirect" }),
 * ).listen(3000);
 * ```
 * @see https://htmx.org/docs/#caching
 */
export function htmx<
  Req extends IncomingMessage = IncomingMessage,
  Res extends ServerResponse = ServerResponse,
  R = unknown,
>(
  handler: (req: Req, res: Res, context: HtmxContext) => R,
  options?: HtmxMiddlewareOptions,
): (req: Req, res: Res) => R {
  const settings = middlewareSettings(options);
  return (req, res) => handler(req, res, attach(req, res, settings));
}
