// Fetch outputs: a ResponseInit or a Response carrying the plan.

import type { Lines, State } from "../plan.js";
import { applyToHeaders, checkRedirectStatus } from "./apply.js";

/**
 * A body `new Response()` accepts. Spelled through `Response` rather than the DOM's `BodyInit`,
 * which Node-only projects (no DOM lib, types from @types/node) do not declare.
 */
export type ResponseBody = ConstructorParameters<typeof Response>[0];

/** See `Hx.toResponseInit`. */
export function toResponseInit(
  state: State,
  lines: Lines,
  init: ResponseInit | undefined,
  method = "toResponseInit()",
): ResponseInit {
  const headers = new Headers(init?.headers);
  checkRedirectStatus(state, init?.status, method, () => headers.keys());
  // Repeated pairs in an array are separate lines: read them apart, as applyTo reads a
  // string[], instead of through Headers, which joins them with ", ".
  const given = init?.headers;
  const get = Array.isArray(given)
    ? (name: string) => {
        const lower = name.toLowerCase();
        const found = (given as ReadonlyArray<readonly [string, string]>)
          .filter(([key]) => key.toLowerCase() === lower)
          .map(([, value]) => value);
        return found.length === 0 ? undefined : found;
      }
    : undefined;
  // A Headers made here: no one else holds it, so a failure needs nothing put back.
  applyToHeaders(state, lines, headers, method, get, true);
  const out: ResponseInit = { ...init, headers };
  const status = state.status ?? init?.status;
  if (status !== undefined) out.status = status;
  return out;
}

/** See `Hx.toResponse`. */
export function toResponse(
  state: State,
  lines: Lines,
  body: ResponseBody,
  init: ResponseInit | undefined,
): Response {
  const out = toResponseInit(state, lines, init, "toResponse()");
  // 286's reason phrase, as django-htmx sends it (a caller's own statusText is kept).
  if (out.status === 286 && init?.statusText === undefined) out.statusText = "Stop Polling";
  return new Response(body ?? null, out);
}
