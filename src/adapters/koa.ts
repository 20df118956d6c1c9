/**
 * Koa 3: write plans through `ctx.response`, so the status counts as explicit for Koa.
 *
 * `plan.applyTo(ctx.res)` writes the headers correctly, but a status set on the Node response
 * is not "explicit" for Koa: assigning `ctx.body` afterwards resets it to 200, so a plan's 286
 * or 201 would be lost. This subpath imports nothing from Koa, and its types are structural,
 * so `@types/koa` is not needed.
 *
 * @module hxplan/koa
 */
import { type HxRequest, hxRequest, type IncomingMessageLike } from "../request.js";
import {
  type BoundHx,
  boundHx,
  type HtmxMiddlewareOptions,
  middlewareSettings,
  ptagFlow,
} from "./middleware.js";
import { type HookableResponse, hookResponse, nodeRequestUrl } from "./node-response.js";

export type { BoundHx, HtmxMiddlewareOptions } from "./middleware.js";

/**
 * The parts of Koa's `ctx.response` that a plan writes through.
 *
 * @see https://htmx.org/reference/#response_headers
 */
export interface KoaResponseLike {
  /**
   * Reads a response header.
   *
   * @param field - the header name, in any case
   * @returns the value, or something empty when the header is not set
   */
  get(field: string): unknown;
  /**
   * Sets a response header.
   *
   * @param field - the header name
   * @param value - the value, or one value per header line
   */
  set(field: string, value: string | string[]): void;
  /**
   * Removes a response header.
   *
   * @param field - the header name
   */
  remove(field: string): void;
  /** The response status; Koa treats an assigned status as explicit. */
  status: number;
  /** Whether the headers were already sent. */
  readonly headerSent: boolean;
}

/**
 * The Node-response shape `plan.applyTo()` accepts, backed by Koa's `ctx.response`.
 *
 * @see https://htmx.org/reference/#response_headers
 */
export interface KoaResponseTarget {
  /**
   * Reads a header already set, with `ctx.response.get()`, so the plan merges with it.
   *
   * @param name - the header name, in any case
   * @returns the value, or `undefined` when the header is not set
   */
  getHeader(name: string): string | number | string[] | undefined;
  /**
   * Sets a header with `ctx.response.set()`.
   *
   * @param name - the header name
   * @param value - the value, or one value per header line
   */
  setHeader(name: string, value: string | number | readonly string[]): void;
  /**
   * Removes a header with `ctx.response.remove()` (the other member of an exclusive group, such as `HX-Redirect`).
   *
   * @param name - the header name
   */
  removeHeader(name: string): void;
  /** The response status, read and written through `ctx.response.status`. */
  statusCode: number;
  /** `ctx.response.headerSent`: once true, applying a plan throws `headers_sent`. */
  readonly headersSent: boolean;
}

/**
 * A view of a Koa context's response as a header target for `plan.applyTo()`: headers go
 * through `ctx.response.set()`/`remove()`, the status through `ctx.status`, and existing
 * headers (from earlier middleware) are read with `ctx.response.get()` and merged.
 *
 * @param ctx - the Koa context (or anything with a Koa-like `response`).
 * @returns a target for `plan.applyTo()`.
 * @example
 * ```ts
 * import { hx } from "hxplan";
 * import { koaResponse } from "hxplan/koa";
 *
 * router.post("/todos", (ctx) => {
 *   hx().trigger("todo-added").status(201).applyTo(koaResponse(ctx));
 *   ctx.body = "<li>…</li>"; // the 201 stays: Koa sees it as explicit
 * });
 * ```
 * @see https://htmx.org/reference/#response_headers
 */
export function koaResponse(ctx: { readonly response: KoaResponseLike }): KoaResponseTarget {
  const response = ctx.response;
  return {
    getHeader: (name) => {
      const value = response.get(name);
      if (typeof value === "string" || typeof value === "number") return value;
      if (Array.isArray(value)) return value.map(String);
      return undefined;
    },
    setHeader: (name, value) => {
      response.set(name, typeof value === "object" ? [...value] : String(value));
    },
    removeHeader: (name) => {
      response.remove(name);
    },
    get statusCode() {
      return response.status;
    },
    set statusCode(code: number) {
      response.status = code;
    },
    get headersSent() {
      return response.headerSent;
    },
  };
}

/**
 * What the {@link htmx} middleware puts in `ctx.state`: type your app as `new Koa<HtmxState>()`.
 *
 * @see https://htmx.org/reference/#request_headers
 */
export interface HtmxState {
  /** The request's htmx headers, read lazily (see `hxRequest`); reads become `Vary`. */
  htmx: HxRequest;
  /** `hx(options)` with the request's htmx version (the `htmx` option, or `htmx.version ?? 2`). */
  hx: BoundHx;
  /**
   * The polling-tag flow of htmx 4's `hx-ptag`: on GET/HEAD with `HX-PTag: tag`, answers 304
   * with `HX-PTag` and no body and never calls `render`; otherwise sets `HX-PTag` (unless set)
   * and returns `render()` (which sets `ctx.body` as usual).
   */
  ptag: <T>(tag: string, render: () => T) => T | undefined;
}

/**
 * The parts of a Koa context the {@link htmx} middleware uses.
 *
 * @see https://htmx.org/reference/#request_headers
 */
export interface KoaContextLike {
  /** The Node request, whose headers `hxRequest` reads. */
  readonly req: IncomingMessageLike & {
    /** The request path and query, to resolve a relative redirect `Location` against. */
    readonly url?: string | undefined;
  };
  /** The Node response, whose send the middleware hooks (Vary, redirects, 286). */
  readonly res: object;
  /** The request method. */
  readonly method: string;
  /** Koa's response, which `Vary` is merged into. */
  readonly response: KoaResponseLike;
  /** Koa's per-request state; the middleware sets `state.htmx`, `state.hx` and `state.ptag`. */
  state: object;
}

/**
 * Koa middleware: puts the request's htmx headers in `ctx.state.htmx`, a plan factory bound to
 * the request's htmx version in `ctx.state.hx` and the polling-tag flow in `ctx.state.ptag`.
 * When the response is sent (error responses included: Koa's error path goes through the same
 * Node response), `Vary` gains the `HX-*` request headers that were read, a redirect answering
 * a plain htmx request is converted (option `redirects`), and 286 gets the reason phrase
 * `Stop Polling`. Errors from downstream propagate unchanged.
 *
 * @param options - `vary` (default true), `redirects` (default false), `htmx` (default `request.version ?? 2`)
 * @returns the middleware.
 * @throws HxError `invalid_option` for bad options
 * @example
 * ```ts
 * import Koa from "koa";
 * import { type HtmxState, htmx, koaResponse } from "hxplan/koa";
 *
 * const app = new Koa<HtmxState>();
 * app.use(htmx({ redirects: "hx-redirect" }));
 * app.use((ctx) => {
 *   if (ctx.path === "/news") return ctx.state.ptag(news.tag, () => (ctx.body = newsHtml()));
 *   ctx.state.hx().trigger("loaded").applyTo(koaResponse(ctx));
 *   ctx.body = ctx.state.htmx.isHtmx ? rows() : page(rows());
 * }); // Vary: HX-Request, HX-History-Restore-Request
 * ```
 * @see https://htmx.org/reference/#request_headers
 */
export function htmx(
  options?: HtmxMiddlewareOptions,
): (ctx: KoaContextLike, next: () => Promise<unknown>) => Promise<void> {
  const settings = middlewareSettings(options);
  return async (ctx, next) => {
    const request = hxRequest(ctx.req);
    hookResponse(
      ctx.res as HookableResponse,
      settings,
      () => request,
      () => nodeRequestUrl(ctx.req),
    );
    const state = ctx.state as Partial<HtmxState>;
    state.htmx = request;
    state.hx = boundHx(() => request, settings);
    state.ptag = <T>(tag: string, render: () => T): T | undefined =>
      ptagFlow(request, ctx.method, tag, koaResponse(ctx), render, () => undefined);
    await next();
  };
}
