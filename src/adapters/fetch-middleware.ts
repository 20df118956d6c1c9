/**
 * Fetch handlers (`(request) => Response`: Deno, Bun, Cloudflare Workers, Node through a
 * bridge): `htmx(handler, options?)` wraps one, giving it the request's htmx headers, a plan
 * factory bound to the request's htmx version and the polling-tag flow, and doing the
 * send-time work (Vary, redirects, the 286 reason phrase) on the Response it returns.
 *
 * @module hxplan/fetch
 */
import { type HxRequest, hxRequest } from "../request.js";
import {
  type BoundHx,
  boundHx,
  finishResponse,
  type HtmxMiddlewareOptions,
  middlewareSettings,
  ptagResponse,
} from "./middleware.js";

export type { BoundHx, HtmxMiddlewareOptions } from "./middleware.js";

/**
 * What a wrapped Fetch handler gets as its second argument.
 *
 * @see https://htmx.org/reference/#request_headers
 */
export interface HtmxFetchContext {
  /** The request's htmx headers, read lazily (see `hxRequest`); reads become `Vary`. */
  readonly htmx: HxRequest;
  /** `hx(options)` with the request's htmx version (the `htmx` option, or `htmx.version ?? 2`). */
  readonly hx: BoundHx;
  /**
   * The polling-tag flow of htmx 4's `hx-ptag`: on GET/HEAD, when the request's `HX-PTag` is
   * `tag`, returns a 304 with `HX-PTag` and no body and never calls `render`; otherwise returns
   * `render()`'s Response with `HX-PTag: tag` added unless it has one.
   *
   * @param tag - the tag of the content `render` would return (printable ASCII, 1–512 characters)
   * @param render - builds the Response as usual
   * @returns the Response to return
   * @throws HxError `invalid_option` for a bad tag
   */
  ptag(tag: string, render: () => Response | Promise<Response>): Promise<Response>;
}

/**
 * Wraps a Fetch handler: it is called as `handler(request, { htmx, hx, ptag }, ...rest)`, the
 * runtime's other arguments (Workers' `env` and `ctx`, Deno's `info`) forwarded. On the
 * Response it returns, `Vary` gains the `HX-*` request headers that were read, a redirect
 * answering a plain htmx request is converted (option `redirects`), and 286 gets the status
 * text `Stop Polling`. An error the handler throws propagates unchanged (the error response is
 * the runtime's, or the caller's around this wrapper).
 *
 * @param handler - the Fetch handler
 * @param options - `vary` (default true), `redirects` (default false), `htmx` (default `request.version ?? 2`)
 * @returns the wrapped handler
 * @throws HxError `invalid_option` for bad options (when wrapping)
 * @example
 * ```ts
 * import { htmx } from "hxplan/fetch";
 *
 * export default {
 *   fetch: htmx(async (request, { htmx, hx, ptag }) => {
 *     if (new URL(request.url).pathname === "/news")
 *       return ptag(news.tag, () => new Response(newsHtml())); // 304 when unchanged
 *     return hx().trigger("loaded").toResponse(htmx.isHtmx ? rows() : page(rows()));
 *   }, { redirects: "hx-location" }),
 * };
 * ```
 * @see https://htmx.org/docs/#caching
 */
export function htmx<Rest extends unknown[]>(
  handler: (request: Request, context: HtmxFetchContext, ...rest: Rest) => Response | Promise<Response>,
  options?: HtmxMiddlewareOptions,
): (request: Request, ...rest: Rest) => Promise<Response> {
  const settings = middlewareSettings(options);
  return async (request, ...rest) => {
    let read: HxRequest | undefined;
    const htmx = (): HxRequest => {
      read ??= hxRequest(request);
      return read;
    };
    const context: HtmxFetchContext = {
      get htmx() {
        return htmx();
      },
      hx: boundHx(htmx, settings),
      ptag: (tag, render) => ptagResponse(htmx(), request.method, tag, render),
    };
    const response = await handler(request, context, ...rest);
    // Redirects must read the request to decide; otherwise only what the handler read counts.
    return finishResponse(response, settings.redirects === false ? read : htmx(), settings, request.url);
  };
}
