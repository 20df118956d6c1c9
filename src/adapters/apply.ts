// applyTo(): merging a plan into what a response already holds, for every target shape.
// Everything is computed and validated first; only then is anything written, so on any error
// the target is unchanged.
import { fail, type Site } from "../encode.js";
import { unionNames } from "../names.js";
import {
  checkSize,
  HISTORY_HEADERS,
  hasHxHeader,
  LINE_HEADERS,
  type Lines,
  linePairs,
  NAVIGATION_HEADERS,
  OTHERS,
  probeNames,
  type State,
} from "../plan.js";
import { type Events, eventsText, mergeEvents, parseExistingEvents, TRIGGER_HEADERS } from "../trigger.js";

/**
 * A Node `ServerResponse`-like object: node:http, Express's `res`, Koa's `ctx.res`, Fastify's
 * `reply.raw`.
 *
 * @see https://htmx.org/reference/#response_headers
 */
export interface NodeResponseLike {
  /**
   * Sets a header, replacing any value it had.
   *
   * @param name - the header name
   * @param value - the value, or one value per header line
   * @returns anything (Node returns the response)
   */
  setHeader(name: string, value: string | number | readonly string[]): unknown;
  /**
   * Reads a header set earlier, to merge with it.
   *
   * @param name - the header name, in any case
   * @returns the value, or `undefined` when the header is not set
   */
  getHeader(name: string): string | number | readonly string[] | undefined;
  /**
   * Removes a header (the other member of an exclusive group, such as `HX-Redirect`).
   *
   * @param name - the header name
   * @returns anything
   */
  removeHeader(name: string): unknown;
  /** The names of the headers set so far (node:http has it); used to refuse a 3xx over HX-* headers. */
  getHeaderNames?(): string[];
  /** The response status: read to refuse `HX-*` headers on a 3xx, written with the plan's status. */
  statusCode?: number;
  /** When true, applying a plan throws `headers_sent`: headers written now would never be sent. */
  readonly headersSent?: boolean;
}

/**
 * A plain header record; keys are matched case-insensitively and an existing key keeps its
 * spelling. A `string[]` value stands for several header lines.
 *
 * @see https://htmx.org/reference/#response_headers
 */
export type HeaderRecord = Record<string, string | number | readonly string[] | undefined>;

/**
 * What `applyTo` accepts: a Node `ServerResponse`-like object, a Fetch `Headers`, a Fetch
 * `Response` (its headers), or a plain header record.
 *
 * @see https://htmx.org/reference/#response_headers
 */
export type HeaderTarget = NodeResponseLike | Headers | Response | HeaderRecord;

type Existing = string | number | readonly string[] | undefined;

/** The writes that applying a plan makes, computed before any of them is made. */
export interface Writes {
  /** The lines to set, name then value. */
  readonly lines: Lines;
  readonly remove: readonly string[];
}

const NO_REMOVALS: readonly string[] = [];

/**
 * True when the target holds nothing the plan merges with (its trigger and list headers) or
 * replaces (the other members of its exclusive groups): then its lines are written as they are.
 */
function untouched(state: State, get: (name: string) => Existing): boolean {
  const probes = probeNames(state);
  for (let i = 0; i < probes.length; i++) if (get(probes[i]!) !== undefined) return false;
  return true;
}

const TIMING_OF: Readonly<Record<string, "receive" | "swap" | "settle">> = {
  [TRIGGER_HEADERS.receive]: "receive",
  [TRIGGER_HEADERS.swap]: "swap",
  [TRIGGER_HEADERS.settle]: "settle",
};

function linesOf(value: Existing): string[] {
  if (value === undefined) return [];
  if (typeof value === "number") return [String(value)];
  if (typeof value === "string") return [value];
  return value.map(String);
}

function listNames(value: Existing): string[] {
  const out: string[] = [];
  for (const line of linesOf(value)) {
    for (const part of line.split(",")) {
      const name = part.trim();
      if (name !== "") out.push(name);
    }
  }
  return out;
}

/** Computes the merged header values; throws before anything is written. */
export function computeWrites(
  state: State,
  lines: Lines,
  get: (name: string) => Existing,
  method: string,
): Writes {
  // The common case, nothing to merge: the plan's own lines as they are, whose size every
  // change to the plan checked already (checkPlanSize).
  if (untouched(state, get)) return { lines, remove: NO_REMOVALS };
  const out: string[] = [];
  const remove: string[] = [];
  for (let i = 0; i < lines.length; i += 2) {
    const name = lines[i]!;
    const value = lines[i + 1]!;
    const site: Site = { method, header: name };
    const timing = TIMING_OF[name];
    if (timing !== undefined) {
      const existing = linesOf(get(name));
      if (existing.length === 0) {
        out.push(name, value);
        continue;
      }
      let merged: Events | undefined;
      for (const line of existing) merged = mergeEvents(merged, parseExistingEvents(line, site));
      out.push(name, eventsText(mergeEvents(merged, state.triggers[timing])!));
    } else if (name === "Vary" || name === "Access-Control-Expose-Headers") {
      const existing = listNames(get(name));
      out.push(name, existing.length === 0 ? value : unionNames(existing, value.split(", ")).join(", "));
    } else {
      out.push(name, value);
      for (const other of OTHERS[name] ?? NO_REMOVALS) if (get(other) !== undefined) remove.push(other);
    }
  }
  checkSize(linePairs(out), state.options.maxHeaderBytes, { method, header: "(plan)" });
  return { lines: out, remove };
}

/** The HX-* response headers any htmx version reads, for targets that cannot list theirs. */
const RESPONSE_HX_HEADERS: readonly string[] = [
  ...Object.values(TRIGGER_HEADERS),
  ...NAVIGATION_HEADERS,
  ...HISTORY_HEADERS,
  "HX-Push",
  ...Object.values(LINE_HEADERS),
];

/** True when some header name is an `HX-*` one. */
function anyHx(names: Iterable<string>): boolean {
  for (const name of names) if (name.length > 3 && name.slice(0, 3).toLowerCase() === "hx-") return true;
  return false;
}

/**
 * htmx never sees headers on a redirect: the browser follows it first. Refused both ways: a
 * plan with HX-* headers onto a 3xx response, and a plan's 3xx status onto a response that
 * already holds HX-* headers.
 */
export function checkRedirectStatus(
  state: State,
  current: number | undefined,
  method: string,
  targetNames: () => Iterable<string>,
): void {
  const own = state.status;
  // 304 is not a redirect: the browser hands it to htmx with its headers (HX-PTag).
  if (own !== undefined && own >= 300 && own < 400 && own !== 304 && anyHx(targetNames())) {
    fail(
      "status_conflict",
      { method, header: "(status)" },
      `the plan sets status ${own}, a redirect, but the response already holds HX-* headers, which htmx would never see; use status 200 with redirect() or location()`,
    );
  }
  if (
    state.status === undefined &&
    current !== undefined &&
    current >= 300 &&
    current < 400 &&
    current !== 304 &&
    hasHxHeader(state)
  ) {
    fail(
      "status_conflict",
      { method, header: "(status)" },
      `the response has status ${current}, a redirect: browsers follow it and htmx never sees HX-* headers on it; set status 200 (or give the plan a status) and use redirect() or location()`,
    );
  }
}

function isHeaders(value: unknown): value is Headers {
  const h = value as Partial<Headers> | null;
  // The shape first: reading the global `Headers` costs more than these checks, and a Node
  // response fails them at its first property.
  if (
    typeof h === "object" &&
    h !== null &&
    typeof h.get === "function" &&
    typeof h.set === "function" &&
    typeof h.append === "function" &&
    typeof h.delete === "function" &&
    typeof h.has === "function"
  )
    return true;
  return typeof Headers !== "undefined" && value instanceof Headers;
}

function isNodeResponse(value: unknown): value is NodeResponseLike {
  const r = value as Partial<NodeResponseLike> | null;
  return (
    typeof r === "object" &&
    r !== null &&
    typeof r.setHeader === "function" &&
    typeof r.getHeader === "function" &&
    typeof r.removeHeader === "function"
  );
}

function immutableHeaders(method: string, cause: unknown): never {
  return fail(
    "headers_sent",
    { method, header: "(headers)" },
    "the Headers object is immutable (a fetched or already-sent response); build a new Response with plan.toResponse()",
    cause,
  );
}

/** Writes onto a Fetch `Headers`; an immutable one is refused before anything changes. */
export function applyToHeaders(
  state: State,
  lines: Lines,
  headers: Headers,
  method: string,
  get: (name: string) => Existing = (name) => headers.get(name) ?? undefined,
): void {
  const writes = computeWrites(state, lines, get, method);
  const { remove } = writes;
  const out = writes.lines;
  if (out.length === 0 && remove.length === 0) {
    // Nothing to write, but an immutable Headers is still refused, as when there is: deleting
    // a name that is not there changes nothing on a mutable one.
    try {
      headers.delete("x-hxplan-probe");
    } catch (cause) {
      immutableHeaders(method, cause);
    }
    return;
  }
  // An immutable Headers (a fetched or already-returned Response) throws on its first change,
  // so nothing has changed when that one throws; the values were all checked before.
  let written = 0;
  try {
    for (; written < remove.length; written++) headers.delete(remove[written]!);
    for (let i = 0; i < out.length; i += 2, written++) headers.set(out[i]!, out[i + 1]!);
  } catch (cause) {
    if (written === 0) immutableHeaders(method, cause);
    throw cause;
  }
}

const REDIRECT_MIN = 300;
const REDIRECT_MAX = 399;

function applyToNode(state: State, lines: Lines, res: NodeResponseLike): void {
  const method = "applyTo()";
  if (res.headersSent === true) {
    fail(
      "headers_sent",
      { method, header: "(response)" },
      "the response headers were already sent; apply the plan before writing the body",
    );
  }
  const current = res.statusCode;
  // Only a status (the plan's or a 3xx already set) can conflict with the headers.
  if (
    state.status !== undefined ||
    (current !== undefined && current >= REDIRECT_MIN && current <= REDIRECT_MAX)
  ) {
    checkRedirectStatus(
      state,
      current,
      method,
      () => res.getHeaderNames?.() ?? RESPONSE_HX_HEADERS.filter((name) => res.getHeader(name) !== undefined),
    );
  }
  // The common case, nothing to merge: the plan's lines as they are, no closure, no copy.
  const probes = probeNames(state);
  let fresh = true;
  for (let i = 0; i < probes.length && fresh; i++) fresh = res.getHeader(probes[i]!) === undefined;
  if (fresh) {
    for (let i = 0; i < lines.length; i += 2) res.setHeader(lines[i]!, lines[i + 1]!);
  } else {
    const writes = computeWrites(state, lines, (name) => res.getHeader(name), method);
    for (const name of writes.remove) res.removeHeader(name);
    for (let i = 0; i < writes.lines.length; i += 2) res.setHeader(writes.lines[i]!, writes.lines[i + 1]!);
  }
  if (state.status !== undefined) {
    res.statusCode = state.status;
    if (state.status === STOP_POLLING) setStopPolling(res);
  }
}

const STOP_POLLING = 286;

/**
 * The reason phrase of 286, as django-htmx sends it: Node would write "unknown". Set on a Node
 * response (one with `statusMessage` or `writeHead`); other targets carry no reason phrase.
 */
function setStopPolling(res: object): void {
  const node = res as { statusMessage?: unknown; writeHead?: unknown };
  if ("statusMessage" in node || typeof node.writeHead === "function") node.statusMessage = "Stop Polling";
}

function applyToResponse(state: State, lines: Lines, response: Response): void {
  const method = "applyTo()";
  if (state.status !== undefined && state.status !== response.status) {
    fail(
      "status_conflict",
      { method, header: "(status)" },
      `the plan sets status ${state.status} but a Response's status (${response.status}) cannot change; use plan.toResponse(body, init)`,
    );
  }
  checkRedirectStatus(state, response.status, method, () => response.headers.keys());
  applyToHeaders(state, lines, response.headers, method);
}

function applyToRecord(state: State, lines: Lines, record: HeaderRecord): void {
  const method = "applyTo()";
  if (Object.isFrozen(record)) {
    fail("headers_sent", { method, header: "(headers)" }, "the header record is frozen; pass a mutable copy");
  }
  checkRedirectStatus(state, undefined, method, () => Object.keys(record));
  const keysOf = (name: string): string[] => {
    const lower = name.toLowerCase();
    return Object.keys(record).filter((key) => key.toLowerCase() === lower && record[key] !== undefined);
  };
  const writes = computeWrites(
    state,
    lines,
    (name) => {
      const keys = keysOf(name);
      if (keys.length === 0) return undefined;
      if (keys.length === 1) return record[keys[0]!];
      return keys.flatMap((key) => linesOf(record[key]));
    },
    method,
  );
  for (const name of writes.remove) for (const key of keysOf(name)) delete record[key];
  for (let i = 0; i < writes.lines.length; i += 2) {
    const name = writes.lines[i]!;
    const [first, ...rest] = keysOf(name);
    for (const key of rest) delete record[key];
    record[first ?? name] = writes.lines[i + 1]!;
  }
}

/** Applies a plan to any supported target; see `Hx.applyTo`. */
export function applyPlan<T extends HeaderTarget>(state: State, lines: Lines, target: T): T {
  // A Node response first: the busiest target, and it fails the other shapes' checks anyway.
  if (isNodeResponse(target)) {
    applyToNode(state, lines, target);
  } else if (isHeaders(target)) {
    checkRedirectStatus(state, undefined, "applyTo()", () => target.keys());
    applyToHeaders(state, lines, target, "applyTo()");
  } else if (
    typeof target === "object" &&
    target !== null &&
    typeof (target as { status?: unknown }).status === "number" &&
    isHeaders((target as { headers?: unknown }).headers)
  ) {
    applyToResponse(state, lines, target as Response);
  } else if (typeof target === "object" && target !== null && !Array.isArray(target)) {
    applyToRecord(state, lines, target as HeaderRecord);
  } else {
    fail(
      "invalid_option",
      { method: "applyTo()", header: "(target)" },
      "applyTo() takes a ServerResponse, a Fetch Headers or Response, or a header record",
    );
  }
  return target;
}
