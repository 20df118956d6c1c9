/**
 * Build correct htmx response headers (`HX-Trigger`, `HX-Push-Url`, `HX-Reswap`, …) for htmx 2
 * and htmx 4: an immutable plan, validated when each method is called, written as printable
 * ASCII onto a Node response, a Fetch `Headers`/`Response` or a plain record. The middleware
 * for each framework lives in the `hxplan/express`, `hxplan/fastify`, `hxplan/koa`,
 * `hxplan/hono`, `hxplan/node` and `hxplan/fetch` subpaths.
 *
 * @example
 * ```ts
 * import { hx, hxRequest } from "hxplan";
 *
 * const request = hxRequest(req); // Node IncomingMessage, Fetch Request or Headers
 * const plan = request.isHtmx ? hx().trigger("saved", { id: 7 }).pushUrl("/items/7") : hx();
 * plan.vary(...request.consulted).applyTo(res); // Vary: HX-Request, HX-History-Restore-Request
 * ```
 * @see https://htmx.org/reference/#response_headers
 * @module hxplan
 */
// The only barrel: every public name, explicitly.
export type { HeaderRecord, HeaderTarget, NodeResponseLike } from "./adapters/apply.js";
export type { ResponseBody } from "./adapters/fetch.js";
export { HxError, type HxErrorCode, type HxErrorOptions, isHxError } from "./errors.js";
export { HTMX_STOP_POLLING, Hx, hx } from "./hx.js";
export type { HxRequest, IncomingMessageLike, RequestHeaderRecord } from "./request.js";
export { hxRequest } from "./request.js";
export type {
  CheckedModifiers,
  CheckedSwapSpec,
  Duration,
  Htmx2SwapStyle,
  HtmxVersion,
  HxOptions,
  LocationOptions,
  LocationSwap,
  PartialOptions,
  StylesOf,
  SwapModifiers,
  SwapStyle,
  SwapStyleOf,
  TriggerOptions,
  VersionOf,
} from "./types.js";
