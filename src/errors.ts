/**
 * Every way a plan can be refused. Callers branch on these codes, never on messages.
 *
 * @see https://htmx.org/reference/#response_headers
 */
export type HxErrorCode =
  | "invalid_event_name"
  | "invalid_url"
  | "unsafe_url"
  | "invalid_selector"
  | "invalid_swap"
  | "unserializable"
  | "header_too_large"
  | "status_conflict"
  | "unsupported_in_version"
  | "invalid_existing_header"
  | "headers_sent"
  | "version_mismatch"
  | "invalid_option"
  | "target_failed";

const CODES: ReadonlySet<string> = new Set<HxErrorCode>([
  "invalid_event_name",
  "invalid_url",
  "unsafe_url",
  "invalid_selector",
  "invalid_swap",
  "unserializable",
  "header_too_large",
  "status_conflict",
  "unsupported_in_version",
  "invalid_existing_header",
  "headers_sent",
  "version_mismatch",
  "invalid_option",
  "target_failed",
]);

/**
 * Options of the {@link HxError} constructor.
 *
 * @see https://htmx.org/reference/#response_headers
 */
export interface HxErrorOptions {
  /** The response header the error is about, in its canonical spelling (`"HX-Trigger"`). */
  readonly header?: string | undefined;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * The one error hxplan throws. Thrown eagerly by the builder method that received the bad
 * input, so the stack trace points at the call that was wrong; nothing is ever written half-way.
 *
 * @example
 * ```ts
 * import { hx, HxError } from "hxplan";
 *
 * try {
 *   hx().pushUrl("javascript:alert(1)");
 * } catch (error) {
 *   if (error instanceof HxError && error.code === "unsafe_url") {
 *     console.log(error.header); // "HX-Push-Url"
 *   }
 * }
 * ```
 * @see https://htmx.org/reference/#response_headers
 */
export class HxError extends Error {
  /** Always `"HxError"`; with `code`, what {@link isHxError} recognises across copies of hxplan. */
  override readonly name: "HxError" = "HxError";
  /** A stable machine-readable code. */
  readonly code: HxErrorCode;
  /** The response header concerned, when there is one. */
  readonly header?: string;

  /**
   * Creates an error; hxplan throws these itself, so user code rarely needs to.
   *
   * @param code - the error code
   * @param message - a message for humans: method, header, offending input and how to fix it
   * @param options - the header concerned and the cause
   */
  constructor(code: HxErrorCode, message: string, options?: HxErrorOptions) {
    // Never throws, whatever it is given: a message or options that throw when read are
    // replaced, so building the error cannot raise another one.
    let cause: unknown;
    let header: unknown;
    try {
      cause = options?.cause;
      header = options?.header;
    } catch {
      cause = undefined;
      header = undefined;
    }
    super(
      typeof message === "string" ? message : safeString(message),
      cause === undefined ? undefined : { cause },
    );
    this.code = code;
    if (typeof header === "string") this.header = header;
  }
}

/**
 * Type guard for {@link HxError}, also true for an `HxError` thrown by another copy of
 * hxplan (another realm or a duplicated install), recognised by its `name` and `code`.
 *
 * @param value - anything caught
 * @returns whether `value` is an `HxError`
 * @example
 * ```ts
 * import { hx, isHxError } from "hxplan";
 *
 * try {
 *   hx().retarget("");
 * } catch (error) {
 *   if (isHxError(error)) console.log(error.code); // "invalid_selector"
 * }
 * ```
 * @see https://htmx.org/reference/#response_headers
 */
export function isHxError(value: unknown): value is HxError {
  if (typeof value !== "object" || value === null) return false;
  try {
    // By name and code only: `instanceof` would believe a Proxy that claims HxError.prototype.
    const candidate = value as { name?: unknown; code?: unknown };
    return candidate.name === "HxError" && typeof candidate.code === "string" && CODES.has(candidate.code);
  } catch {
    return false; // a Proxy or a getter that throws is not an error hxplan threw
  }
}

/** `String(value)` for a message, or a placeholder when converting it throws. */
function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return "(a message that cannot be converted to a string)";
  }
}

/** Formats a character for a message: `"é" (U+00E9)`. */
export function describeChar(text: string, index: number): string {
  const cp = text.codePointAt(index) ?? 0;
  const hex = cp.toString(16).toUpperCase().padStart(4, "0");
  const shown = cp < 0x20 || cp === 0x7f ? "" : `"${String.fromCodePoint(cp)}" `;
  return `${shown}(U+${hex}) at index ${index}`;
}

/** Shortens user input for a message. */
export function quote(value: unknown): string {
  const text = typeof value === "string" ? value : safeString(value);
  const json = JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
  return json;
}

// hxplan's own folder (dist/ when installed, src/ under the tests), as it appears in a stack
// frame. Only while this file is still `errors.js`/`errors.ts`: inside a user's bundle every
// frame shares the bundle's URL, and trimming by it would hide the user's own frames too.
const OWN: string | undefined = /* @__PURE__ */ (() => {
  const url = import.meta.url;
  return /\/errors\.[jt]s$/.test(url) ? new URL(".", url).pathname : undefined;
})();

/**
 * Makes an error's stack trace start at the caller's frame: the frames inside hxplan (the
 * setter, the validator, `fail`) are dropped, so the first frame shown is the user's call that
 * was wrong. A stack with no frame outside hxplan is left as it is.
 */
export function fromCaller<E extends Error>(error: E): E {
  try {
    const limit = Error.stackTraceLimit;
    if (OWN === undefined || !(limit < 99)) return error;
    // Captured again with room for hxplan's own frames (at most about eight) above the usual limit.
    Error.stackTraceLimit = limit + 8;
    Error.captureStackTrace?.(error, fromCaller);
    Error.stackTraceLimit = limit;
    const lines = (error.stack ?? "").split("\n");
    let at = lines.findIndex((line) => line.startsWith("    at "));
    const head = lines.slice(0, at);
    while (lines[at]?.includes(OWN)) at++;
    if (at > head.length && at < lines.length) {
      Object.defineProperty(error, "stack", {
        value: [...head, ...lines.slice(at, at + limit)].join("\n"),
        writable: true,
        configurable: true,
      });
    }
  } catch {
    // A frozen Error or stackTraceLimit (a hardened realm) keeps the original stack.
  }
  return error;
}
