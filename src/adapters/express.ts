/**
 * Express 5 (and connect-style `(req, res, next)` stacks): `app.use(htmx(options?))` gives
 * every handler `req.htmx`, `req.hx()`, `res.hx(plan)` and `res.ptag(tag, render)`, and does
 * the send-time work (Vary, redirects, the 286 reason phrase) on every response, error
 * responses included. Imports nothing from Express at run time.
 *
 * @module hxplan/express
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Hx } from "../hx.js";
import type { HxRequest } from "../request.js";
import { type BoundHx, type HtmxMiddlewareOptions, middlewareSettings } from "./middleware.js";
import { attach } from "./node-response.js";

export type { BoundHx, HtmxMiddlewareOptions } from "./middleware.js";

declare global {
  // Express's own types merge their Request/Response with these global interfaces.
  namespace Express {
    interface Request {
      /** The request's htmx headers, read lazily; added by `hxplan/express`. Reads become `Vary`. */
      readonly htmx: HxRequest;
      /** `hx(options)` with the request's htmx version; added by `hxplan/express`. */
      hx: BoundHx;
    }
    interface Response {
      /**
       * Merges a plan into this response (`plan.applyTo(res)`) and returns the response, so
       * calls chain: `res.hx(plan).send(html)`. Added by `hxplan/express`.
       *
       * @throws HxError when the plan cannot be merged; the response is then unchanged.
       */
      hx(plan: Pick<Hx, "applyTo">): this;
      /**
       * The polling-tag flow (htmx 4 `hx-ptag`): on GET/HEAD with `HX-PTag: tag`, answers 304
       * with `HX-PTag` and never calls `render`; otherwise sets `HX-PTag` (unless set) and
       * returns `render()`. Added by `hxplan/express`.
       */
      ptag<T>(tag: string, render: () => T): T | undefined;
    }
  }
}

/** The request and response as this middleware sees them: Node's, plus what it adds. */
type Req = IncomingMessage & { htmx?: HxRequest; hx?: BoundHx };
type Res = ServerResponse & {
  hx?: (plan: Pick<Hx, "applyTo">) => Res;
  ptag?: <T>(tag: string, render: () => T) => T | undefined;
};

/**
 * Express 5 / connect middleware: adds `req.htmx` (the request's htmx headers, read lazily),
 * `req.hx()` (a plan factory bound to the request's htmx version), `res.hx(plan)` (applies a
 * plan, chainable) and `res.ptag(tag, render)` (the htmx 4 polling-tag flow). When the
 * response is sent, whoever sends it (a handler, `res.redirect()`, the error handler), `Vary`
 * gains the `HX-*` request headers that were read, a redirect answering a plain htmx request
 * is converted (option `redirects`), and 286 gets the reason phrase `Stop Polling`.
 *
 * @param options - `vary` (default true), `redirects` (default false), `htmx` (default `req.htmx.version ?? 2`)
 * @returns the middleware
 * @throws HxError `invalid_option` for bad options
 * @example
 * ```ts
 * import express from "express";
 * import { htmx } from "hxplan/express";
 *
 * const app = express();
 * app.use(htmx({ redirects: "hx-redirect" }));
 * app.post("/todos", (req, res) => res.redirect(303, "/todos")); // htmx: 200 + HX-Redirect
 * app.get("/todos", (req, res) =>
 *   res.hx(req.hx().trigger("loaded")).send(req.htmx.isHtmx ? rows() : page(rows())),
 * );
 * app.get("/news", (req, res) => res.ptag(news.tag, () => res.send(newsHtml()))); // 304 when unchanged
 * ```
 * @see https://htmx.org/docs/#caching
 */
export function htmx(
  options?: HtmxMiddlewareOptions,
): (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void {
  const settings = middlewareSettings(options);
  return (req: Req, res: Res, next) => {
    const context = attach(req, res, settings);
    Object.defineProperty(req, "htmx", { get: () => context.htmx, configurable: true, enumerable: true });
    req.hx = context.hx;
    res.hx = (plan) => {
      plan.applyTo(res);
      return res;
    };
    res.ptag = context.ptag;
    next();
  };
}
