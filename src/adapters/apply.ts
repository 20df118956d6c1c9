// applyTo(): merging a plan into what a response already holds, for every target shape.
// Everything is computed and validated first; only then is anything written, and every write
// remembers what it replaced: if the target throws part-way, what was written is put back, so
// on any error the target is as it was.
import { fail, isToken, type Site } from "../encode.js";
import { describeChar, isHxError, quote } from "../errors.js";
import { unionNames } from "../names.js";
import {
  checkSize,
  HISTORY_HEADERS,
  hasHxHeader,
  isRedirect,
  LINE_HEADERS,
  type Lines,
  NAVIGATION_HEADERS,
  OTHERS,
  redirectConflict,
  type State,
  TIMINGS,
} from "../plan.js";
import { eventsText, mergeExistingEvents, TRIGGER_HEADERS } from "../trigger.js";

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

/** What a target holds for a header: anything, until it is checked (`existingLines`). */
type Existing = unknown;

/** The writes that applying a plan makes, computed before any of them is made. */
export interface Writes {
  /** The lines to set, name then value. */
  readonly lines: Lines;
  readonly remove: readonly string[];
}

const NO_REMOVALS: readonly string[] = [];
/** The headers merged with what the target holds. */
const MERGED: ReadonlySet<string> = new Set([
  ...Object.values(TRIGGER_HEADERS),
  "Vary",
  "Access-Control-Expose-Headers",
]);

/**
 * The lines of a header the plan merges with: a string, a number or a `string[]` (one string
 * per header line). Anything else is `invalid_existing_header`: its `String()` is no header.
 */
function existingLines(value: Existing, site: Site): string[] {
  if (value === undefined) return [];
  if (typeof value === "string") return [value];
  if (typeof value === "number") return [String(value)];
  if (Array.isArray(value) && value.every((line) => typeof line === "string")) return [...value];
  return fail(
    "invalid_existing_header",
    site,
    `the response holds ${value === null ? "null" : typeof value}, not a string, number or string[]`,
  );
}

/**
 * The names of a list header already on the target (`Vary`, `Access-Control-Expose-Headers`):
 * comma-separated, spaces and tabs around each dropped, empty elements skipped. Each is written
 * back, so each must be an HTTP token (`*` is one), else `invalid_existing_header`.
 */
function listNames(value: Existing, site: Site): string[] {
  const out: string[] = [];
  for (const line of existingLines(value, site)) {
    for (const part of line.split(",")) {
      const name = part.replace(/^[ \t]+|[ \t]+$/g, "");
      if (name === "") continue;
      if (!isToken(name)) {
        let bad = 0;
        while (isToken(name[bad]!)) bad++;
        fail(
          "invalid_existing_header",
          site,
          `the response holds ${quote(line)}: ${quote(name)} is no HTTP token, ${describeChar(name, bad)}`,
        );
      }
      out.push(name);
    }
  }
  return out;
}

/**
 * Computes the merged header values; throws before anything is written. `read` is called at
 * most once per name: what the target says then is what is merged.
 */
export function computeWrites(
  state: State,
  lines: Lines,
  read: (name: string) => Existing,
  method: string,
): Writes {
  // Each name that changes a write read once: the trigger and list headers (merged) and the
  // other members of a group (removed). `out` is made at the first line that changes.
  const max = state.options.maxHeaderBytes;
  let out: string[] | undefined;
  let remove: string[] | undefined;
  for (let i = 0; i < lines.length; i += 2) {
    const name = lines[i]!;
    let value = lines[i + 1]!;
    const held = MERGED.has(name) ? read(name) : undefined;
    if (held !== undefined) {
      const site: Site = { method, header: name };
      const timing = TIMINGS.find((t) => TRIGGER_HEADERS[t] === name);
      if (timing !== undefined) {
        const existing = existingLines(held, site);
        // Over the limit already: refused before it is parsed (name + ": " + lines joined + CRLF).
        const bytes = name.length + 4 + existing.join(", ").length;
        if (existing.length > 0 && bytes > max) {
          fail(
            "header_too_large",
            site,
            `the response already holds ${bytes} bytes of it, over maxHeaderBytes ${max}`,
          );
        }
        if (existing.length > 0)
          value = eventsText(mergeExistingEvents(existing, state.triggers[timing]!, site));
      } else {
        const existing = listNames(held, site);
        if (existing.length > 0) value = unionNames(existing, value.split(", ")).join(", ");
      }
      out ??= lines.slice(0, i);
    }
    out?.push(name, value);
    for (const other of OTHERS[name] ?? NO_REMOVALS) {
      if (read(other) !== undefined) {
        remove ??= [];
        remove.push(other);
      }
    }
  }
  // The common case, nothing merged or removed: the plan's own lines as they are, whose size
  // every change to the plan checked already (checkPlanSize).
  if (out === undefined && remove === undefined) return { lines, remove: NO_REMOVALS };
  out ??= lines.slice();
  checkSize(out, max, { method, header: "(plan)" });
  return { lines: out, remove: remove ?? NO_REMOVALS };
}

/** The target threw: `target_failed`, naming what hxplan was doing, the target's error as cause. */
function targetFailed(method: string, what: string, cause: unknown, writing = false): never {
  return fail(
    "target_failed",
    { method, header: what },
    `the target threw while hxplan ${writing ? "wrote it; what was written is put back" : "read it; nothing is written"}`,
    cause,
  );
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
function anyHx(names: Iterable<unknown>): boolean {
  for (const name of names) if (typeof name === "string" && /^hx-./i.test(name)) return true;
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
  targetNames: () => Iterable<unknown>,
): void {
  // The plan's status wins over the response's.
  const own = state.status !== undefined;
  const status = state.status ?? current;
  if (isRedirect(status) && (own ? anyHx(targetNames()) : hasHxHeader(state))) {
    redirectConflict(
      { method, header: "(status)" },
      status,
      own ? ["the plan's ", "the response's "] : ["the response's ", "the plan's "],
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
    typeof h.delete === "function" &&
    typeof h.keys === "function"
  )
    return true;
  return typeof Headers !== "undefined" && value instanceof Headers;
}

/** `headers_sent`: the target takes no more headers (`why`); what it holds stays. */
function sent(method: string, why: string, cause?: unknown): never {
  return fail("headers_sent", { method, header: "(response)" }, `the headers ${why}`, cause);
}

const IMMUTABLE = "are immutable (a fetched or sent Response); use plan.toResponse()";
const PART_WAY = "were sent part-way, by another path; what was sent stays sent";

// biome-ignore lint/suspicious/noExplicitAny: the target shapes, told apart at run time
type Target = any;

/**
 * Makes the writes through a Node-shaped target (`getHeader`/`setHeader`/`removeHeader`; a
 * `Headers` or a record is seen through `view`): the lines set, then the removals, then the
 * status (a Node response's, `node`). What each write replaces is read first, before any
 * write (unless `readFirst` is false: a target known to be empty, whose undo is a removal); on
 * a fresh Node response those reads cost nothing. If the target throws, every write made (and
 * the one that threw) is undone in reverse order, best effort, and the error is
 * `target_failed`; if a Node response's headers become sent, hxplan stops there with
 * `headers_sent`. `fetch`: a `Headers`, whose first change failing means it is immutable.
 */
function commit(
  target: Target,
  lines: Lines,
  remove: readonly string[],
  method: string,
  readFirst: boolean,
  node: boolean,
  fetch?: boolean,
  status?: number,
  current?: unknown,
): void {
  const sets = lines.length / 2;
  const total = sets + remove.length;
  let before: Existing[] | undefined;
  let done = 0;
  let midway = false;
  let what = "";
  // Reading (-1), writing a header or the status (1), or after a write (0).
  let phase = -1;
  let reason: unknown;
  try {
    for (; readFirst && done < total; done++) {
      what = done < sets ? lines[done * 2]! : remove[done - sets]!;
      const value = target.getHeader(what);
      if (value !== undefined) {
        if (before === undefined) before = [];
        before[done] = value;
      }
    }
    done = 0;
    while (done < total) {
      what = done < sets ? lines[done * 2]! : remove[done - sets]!;
      phase = 1;
      if (done < sets) target.setHeader(what, lines[done * 2 + 1]);
      else target.removeHeader(what);
      done++;
      phase = 0;
      if (node && target.headersSent === true) {
        midway = true;
        break;
      }
    }
    if (status !== undefined && !midway) {
      what = "(statusCode)";
      phase = 1;
      target.statusCode = status;
      // 286's reason phrase, as django-htmx sends it (Node would write "unknown"), on a Node
      // response (one with `statusMessage` or `writeHead`); other targets have no reason phrase.
      const res = target as { statusMessage?: unknown; writeHead?: unknown };
      if (status === STOP_POLLING && ("statusMessage" in res || typeof res.writeHead === "function")) {
        what = "(statusMessage)";
        reason = res.statusMessage;
        res.statusMessage = STOP_POLLING_REASON;
      }
    }
  } catch (cause) {
    if (phase < 0) targetFailed(method, what, cause);
    // An immutable Headers (a fetched or already-returned Response) throws on its first change.
    if (fetch && phase > 0 && done === 0) sent(method, IMMUTABLE, cause);
    // node:http throws once the headers are sent: what was sent stays sent.
    let gone = false;
    try {
      gone = node && target.headersSent === true;
    } catch {
      // Unknown: put back what was written.
    }
    if (gone) sent(method, PART_WAY, cause);
    for (let i = phase > 0 && done < total ? done : done - 1; i >= 0; i--) {
      const name = i < sets ? lines[i * 2]! : remove[i - sets]!;
      const value = before?.[i];
      try {
        if (value === undefined) target.removeHeader(name);
        else target.setHeader(name, value);
      } catch {
        // Best effort: put back every other one.
      }
    }
    if (what === "(statusCode)" || what === "(statusMessage)") {
      try {
        if (target.statusCode !== current) target.statusCode = current;
        if (what === "(statusMessage)") (target as { statusMessage?: unknown }).statusMessage = reason;
      } catch {
        // Best effort.
      }
    }
    targetFailed(method, what, cause, phase > 0);
  }
  if (midway) sent(method, PART_WAY);
}

/**
 * Writes onto a Fetch `Headers`. An immutable one (its first change throws) is refused with
 * `headers_sent` before anything changes. `owned`: a `Headers` hxplan made (`toResponseInit`),
 * which needs nothing remembered.
 */
export function applyToHeaders(
  state: State,
  lines: Lines,
  headers: Headers,
  method: string,
  get?: (name: string) => Existing,
  owned = false,
): void {
  const view = {
    getHeader: (name: string) => headers.get(name) ?? undefined,
    setHeader: (name: string, value: string) => headers.set(name, value),
    removeHeader: (name: string) => headers.delete(name),
  };
  const writes = computeWrites(state, lines, get ?? view.getHeader, method);
  // Nothing to write: an immutable Headers is still refused, as when there is, by deleting a
  // name that is not there (which changes nothing on a mutable one).
  const remove = writes.lines.length + writes.remove.length > 0 ? writes.remove : ["x-hxplan-probe"];
  // An empty Headers (the usual case) holds nothing a write replaces: no read before each.
  const empty = owned || headers.keys().next().done === true;
  commit(view, writes.lines, remove, method, !empty, false, true);
}

const STOP_POLLING = 286;
const STOP_POLLING_REASON = "Stop Polling";

function applyToNode(state: State, lines: Lines, res: Target, method: string): void {
  if (res.headersSent === true) sent(method, "were already sent; apply the plan before the body");
  const current: unknown = res.statusCode;
  // Only a status (the plan's or a 3xx already set) can conflict with the headers.
  if (state.status !== undefined || isRedirect(current)) {
    checkRedirectStatus(state, typeof current === "number" ? current : undefined, method, () => {
      const names: unknown = res.getHeaderNames?.();
      return Array.isArray(names)
        ? names
        : RESPONSE_HX_HEADERS.filter((name) => res.getHeader(name) !== undefined);
    });
  }
  const writes = computeWrites(state, lines, (name) => res.getHeader(name), method);
  commit(res, writes.lines, writes.remove, method, true, true, false, state.status, current);
}

function applyToRecord(state: State, lines: Lines, record: Target, method: string): void {
  if (Object.isFrozen(record)) {
    sent(method, "record is frozen; pass a mutable copy");
  }
  // Every value read once, before anything is written.
  const entries: Array<[string, Existing]> = Object.keys(record)
    .map((key): [string, Existing] => [key, record[key]])
    .filter((entry) => entry[1] !== undefined);
  const entriesOf = (name: string) => entries.filter(([key]) => key.toLowerCase() === name.toLowerCase());
  checkRedirectStatus(state, undefined, method, () => entries.map(([key]) => key));
  const writes = computeWrites(
    state,
    lines,
    (name) => {
      const found = entriesOf(name);
      if (found.length < 2) return found[0]?.[1];
      return found.flatMap(([, value]) => existingLines(value, { method, header: name }));
    },
    method,
  );
  // Each header is written to the first key that spells it, and its other spellings removed.
  const out: string[] = [];
  const remove: string[] = [];
  for (const name of writes.remove) for (const [key] of entriesOf(name)) remove.push(key);
  for (let i = 0; i < writes.lines.length; i += 2) {
    const [first, ...rest] = entriesOf(writes.lines[i]!).map(([key]) => key);
    out.push(first ?? writes.lines[i]!, writes.lines[i + 1]!);
    remove.push(...rest);
  }
  // In strict code an assignment or `delete` the record refuses (sealed, read-only, a getter
  // without a setter, a Proxy trap saying no) throws a TypeError.
  const view = {
    getHeader: (key: string) => record[key],
    setHeader: (key: string, value: unknown) => {
      record[key] = value;
    },
    removeHeader: (key: string) => {
      delete record[key];
    },
  };
  commit(view, out, remove, method, true, false);
}

/** Applies a plan to any supported target; see `Hx.applyTo`. */
export function applyPlan<T extends HeaderTarget>(state: State, lines: Lines, target: T): T {
  const method = "applyTo()";
  const t: Target = target;
  try {
    // (Array.isArray throws on a revoked Proxy: inside the try, that is target_failed.)
    if (typeof t !== "object" || t === null || Array.isArray(t)) {
      fail(
        "invalid_option",
        { method, header: "(target)" },
        "applyTo() takes a ServerResponse, a Fetch Headers or Response, or a header record",
      );
    }
    // A Node response first, the busiest target. One with setHeader is written through it,
    // never as a record: the other two methods must be there as well.
    if (typeof t.setHeader === "function") {
      if (typeof t.getHeader !== "function" || typeof t.removeHeader !== "function") {
        const missing = ["getHeader", "removeHeader"].filter((name) => typeof t[name] !== "function");
        fail(
          "invalid_option",
          { method, header: "(target)" },
          `the target has setHeader() but no ${missing.join("() or ")}(), needed to merge and to undo`,
        );
      }
      applyToNode(state, lines, t, method);
    } else if (isHeaders(t)) {
      checkRedirectStatus(state, undefined, method, () => t.keys());
      applyToHeaders(state, lines, t, method);
    } else {
      // A Response (its status and headers read once), else a header record.
      const status: unknown = t.status;
      const headers: unknown = typeof status === "number" ? t.headers : undefined;
      if (!isHeaders(headers)) {
        applyToRecord(state, lines, t, method);
        return target;
      }
      if (state.status !== undefined && state.status !== status) {
        fail(
          "status_conflict",
          { method, header: "(status)" },
          `the plan sets status ${state.status} but a Response's status (${status}) cannot change; use plan.toResponse(body, init)`,
        );
      }
      checkRedirectStatus(state, status as number, method, () => headers.keys());
      applyToHeaders(state, lines, headers, method);
    }
  } catch (cause) {
    // hxplan's own refusals as they are; anything else came from the target (a getter, a
    // Proxy trap, a method that threw while hxplan read it, before any write).
    if (isHxError(cause)) throw cause;
    targetFailed(method, "(target)", cause);
  }
  return target;
}
