// The only barrel: every public name, explicitly.
export type { HeaderRecord, HeaderTarget, NodeResponseLike } from "./adapters/apply.js";
export { HxError, type HxErrorCode, type HxErrorOptions, isHxError } from "./errors.js";
export { HTMX_STOP_POLLING, Hx, type HxOptions, hx, type TriggerOptions } from "./hx.js";
export type { LocationOptions, LocationSwap } from "./location.js";
export type { HxRequest } from "./request.js";
export { hxRequest } from "./request.js";
export type { Duration, Htmx2SwapStyle, SwapModifiers, SwapStyle } from "./swap.js";
