/**
 * node:http: `htmx(handler, options?)` wraps a request handler, giving it the request's htmx
 * headers, a plan factory bound to the request's htmx version and the polling-tag flow, and
 * doing the send-time work (Vary, redirects, the 286 reason phrase) on whatever response the
 * handler, or the error path around it, writes. Imports nothing at run time but hxplan.
 *
 * @module hxplan/node
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type HtmxMiddlewareOptions, middlewareSettings } from "./middleware.js";
import { attach, type HtmxContext } from "./node-response.js";

export type { BoundHx, HtmxMiddlewareOptions } from "./middleware.js";
export type { HtmxContext } from "./node-response.js";

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
