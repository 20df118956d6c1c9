/**
 * Hono 4: write plans into the context (`c.header()`, `c.status()`), so they merge with the
 * headers middleware set before or after, and `c.html()`/`c.body()` send them.
 *
 * Returning `plan.toResponse()` from a Hono handler is fine when nothing else sets headers,
 * but Hono drops the headers a middleware set with `c.header()` before `next()` when a handler
 * returns a fresh `Response`, and overwrites same-named headers when one was already built.
 * This subpath imports nothing from Hono at run time, so it runs wherever Hono runs.
 *
 * @module hxplan/hono
 */
import type { Context, MiddlewareHandler } from "hono";
import type { StatusCode } from "hono/utils/http-status";
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
 * The Node-response shape `plan.applyTo()` accepts, backed by a Hono context.
 *
 * @see https://htmx.org/reference/#response_headers
 */
export interface HonoContextTarget {
  /**
   * Reads a header already set, from `c.res.headers`, so the plan merges with it.
   *
   * @param name - the header name, in any case
   * @returns the value, or `undefined` when the header is not set
   */
  getHeader(name: string): string | undefined;
  /**
   * Sets a header with `c.header()`.
   *
   * @param name - the header name
   * @param value - the value, or one value per header line
   */
  setHeader(name: string, value: string | number | readonly string[]): void;
  /**
   * Removes a header with `c.header(name, undefined)` (the other member of an exclusive group, such as `HX-Redirect`).
   *
   * @param name - the header name
   */
  removeHeader(name: string): void;
  /** The response status, read and written through `c.status()`. */
  statusCode: number;
  /** Always false: Hono sends nothing before the handler returns. */
  readonly headersSent: boolean;
}

/**
 * A view of a Hono context as a header target for `plan.applyTo()`: existing headers are read
 * from `c.res.headers` and merged, new ones are written with `c.header()`, the status with
 * `c.status()`. Applied after `await next()` in a middleware, it updates the finished response.
 *
 * @param c - the Hono context.
 * @returns a target for `plan.applyTo()`.
 * @example
 * ```ts
 * import { hx } from "hxplan";
 * import { honoContext } from "hxplan/hono";
 *
 * app.post("/todos", (c) => {
 *   hx().trigger("todo-added").status(201).applyTo(honoContext(c));
 *   return c.html("<li>…</li>");
 * });
 * ```
 * @see https://htmx.org/reference/#response_headers
 */
export function honoContext(c: Context): HonoContextTarget {
  // Hono keeps the pending status private; remember what we set, else report the response's.
  let status: number | undefined;
  return {
    getHeader: (name) => c.res.headers.get(name) ?? undefined,
    setHeader: (name, value) => {
      if (typeof value === "object") {
        c.header(name, undefined);
        for (const line of value) c.header(name, line, { append: true });
      } else {
        c.header(name, String(value));
      }
    },
    removeHeader: (name) => {
      c.header(name, undefined);
    },
    get statusCode() {
      return status ?? c.res.status;
    },
    set statusCode(code: number) {
      if (c.finalized) {
        // After the handler: rebuild the response with the new status (Hono keeps the headers).
        c.res = new Response(c.res.body, { status: code, statusText: "", headers: c.res.headers });
      } else {
        c.status(code as StatusCode);
      }
      // Remembered once set, so a status that failed to change is not reported (nor put back).
      status = code;
    },
    get headersSent() {
      return false;
    },
  };
}

/**
 * The variables the {@link htmx} middleware adds to the Hono context.
 *
 * @see https://htmx.org/reference/#request_headers
 */
export interface HtmxVariables {
  /** The request's htmx headers, read lazily (see `hxRequest`); reads become `Vary`. */
  htmx: HxRequest;
  /** `hx(options)` with the request's htmx version (the `htmx` option, or `htmx.version ?? 2`). */
  hx: BoundHx;
  /**
   * The polling-tag flow of htmx 4's `hx-ptag`: on GET/HEAD with `HX-PTag: tag`, returns a 304
   * with `HX-PTag` and no body and never calls `render`; otherwise returns `render()`'s Response
   * with `HX-PTag` added unless it has one.
   */
  ptag: (tag: string, render: () => Response | Promise<Response>) => Promise<Response>;
}

/**
 * Hono middleware: puts the request's htmx headers in `c.var.htmx`, a plan factory bound to
 * the request's htmx version in `c.var.hx` and the polling-tag flow in `c.var.ptag`. Once the
 * handler (or `app.onError`) has made the response, `Vary` gains the `HX-*` request headers
 * that were read, a redirect answering a plain htmx request is converted (option `redirects`),
 * and 286 gets the status text `Stop Polling`.
 *
 * @param options - `vary` (default true), `redirects` (default false), `htmx` (default `request.version ?? 2`)
 * @returns the middleware.
 * @throws HxError `invalid_option` for bad options
 * @example
 * ```ts
 * import { Hono } from "hono";
 * import { type HtmxVariables, honoContext, htmx } from "hxplan/hono";
 *
 * const app = new Hono<{ Variables: HtmxVariables }>();
 * app.use(htmx({ redirects: "hx-location" }));
 * app.get("/news", (c) => c.var.ptag(news.tag, () => c.html(newsHtml()))); // 304 when unchanged
 * app.get("/todos", (c) => {
 *   c.var.hx().trigger("loaded").applyTo(honoContext(c));
 *   return c.html(c.var.htmx.isHtmx ? rows() : page(rows())); // Vary: HX-Request, …
 * });
 * ```
 * @see https://htmx.org/reference/#request_headers
 */
export function htmx(options?: HtmxMiddlewareOptions): MiddlewareHandler<{ Variables: HtmxVariables }> {
  const settings = middlewareSettings(options);
  return async (c, next) => {
    const request = hxRequest(c.req.raw);
    c.set("htmx", request);
    c.set(
      "hx",
      boundHx(() => request, settings),
    );
    c.set("ptag", (tag, render) => ptagResponse(request, c.req.method, tag, render));
    await next();
    const out = finishResponse(c.res, request, settings, c.req.url);
    if (out !== c.res) {
      // Unset first: assigning over a response copies its headers (Location included) across.
      c.res = undefined;
      c.res = out;
    }
  };
}
