// HX-Trigger, HX-Trigger-After-Swap, HX-Trigger-After-Settle: the per-timing event maps, how
// they merge, how htmx 4 folds them, and their ASCII-only JSON encoding.
import {
  asciiJson,
  describeType,
  type Encoder,
  encodeJson,
  fail,
  jsonString,
  rejectControl,
  type Site,
  selector,
} from "./encode.js";
import { describeChar, quote } from "./errors.js";

/** When an event fires: on receipt (before the swap), after the swap, or after settling. */
export type Timing = "receive" | "swap" | "settle";

/** The header that carries each timing in htmx 2. */
export const TRIGGER_HEADERS: Readonly<Record<Timing, string>> = {
  receive: "HX-Trigger",
  swap: "HX-Trigger-After-Swap",
  settle: "HX-Trigger-After-Settle",
};

/** One event: its name, its JSON key (`"name":`), its detail as JSON text, whether the detail has a target. */
export interface EventEntry {
  readonly name: string;
  readonly key: string;
  readonly detail: string;
  readonly targeted: boolean;
}

/**
 * Events of one timing, one per name, in first-call order. An array rather than a Map: plans
 * hold a handful of events, and a Map's allocation and iterators cost more than a scan.
 */
export type Events = readonly EventEntry[];

/**
 * Puts each of `entries` in `out`: over the entry of the same name (keeping its position), or
 * last. Linear in both: the names are indexed (a Map from name to position), so merging
 * thousands of events (an existing HX-Trigger of a megabyte) stays linear.
 */
function putAll(out: EventEntry[], entries: Events): void {
  const index = new Map<string, number>();
  for (let i = 0; i < out.length; i++) index.set(out[i]!.name, i);
  for (const entry of entries) {
    const at = index.get(entry.name);
    if (at === undefined) index.set(entry.name, out.push(entry) - 1);
    else out[at] = entry;
  }
}

/** Same name again: the later detail wins, the first position is kept. */
export function mergeEvents(a: Events | undefined, b: Events | undefined): Events | undefined {
  if (a === undefined || a.length === 0) return b;
  if (b === undefined || b.length === 0) return a;
  const out = a.slice();
  putAll(out, b);
  return out;
}

/** Adds one event to a timing's events, returning new events. */
export function addEvent(events: Events | undefined, entry: EventEntry): Events {
  return mergeEvents(events, [entry])!;
}

/**
 * The header value: one compact JSON object. Events with a target come last, because htmx
 * 2.0.2+ keeps a detail's target for every later event in the same header. The maps keep call
 * order (that keeps merge associative); the partition happens only here.
 */
export function eventsText(events: Events): string {
  // One event (the usual case): nothing to partition.
  if (events.length === 1) return `{${events[0]!.key}:${events[0]!.detail}}`;
  let head = "";
  let tail = "";
  for (let i = 0; i < events.length; i++) {
    const entry = events[i]!;
    const part = `,${entry.key}:${entry.detail}`;
    if (entry.targeted) tail += part;
    else head += part;
  }
  return `{${(head + tail).slice(1)}}`;
}

// The top-level keys of a detail that the rules below look at. `target` is taken out of the
// detail's text: it is written last.
const WATCHED: ReadonlySet<string> = new Set(["target", "elt", "cancelled"]);

const FALSY_JSON: ReadonlySet<string> = new Set(["false", "0", "null", '""']);

// Names of ASCII word characters, dots, colons and dashes (`saved`, `item:saved`): nothing to
// refuse, and JSON writes them as they are.
// Tested with a loop: for names this short it is faster than a regular expression.
function isSimpleName(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    // a-z, A-Z, 0-9 and ":", "_", ".", "-"
    if (
      !(
        (c >= 97 && c <= 122) ||
        (c >= 65 && c <= 90) ||
        (c >= 48 && c <= 58) ||
        c === 95 ||
        c === 46 ||
        c === 45
      )
    ) {
      return false;
    }
  }
  return true;
}
const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;

/**
 * Checks an event name (non-empty, no outer whitespace, no control characters) and returns it
 * as an ASCII-only JSON string, `"name"`.
 */
export function eventKey(name: unknown, site: Site): string {
  if (typeof name === "string" && isSimpleName(name)) return `"${name}"`;
  if (typeof name !== "string") {
    return fail("invalid_event_name", site, `event name must be a string, got ${describeType(name)}`);
  }
  if (name === "") fail("invalid_event_name", site, "event name is empty");
  rejectControl(name, "invalid_event_name", site, "event name");
  if (name.trim() !== name) {
    const index = name.trimStart() === name ? name.length - 1 : 0;
    fail(
      "invalid_event_name",
      site,
      `event name ${quote(name)} has outer whitespace ${describeChar(name, index)}; htmx would not match it`,
    );
  }
  return jsonString(name);
}

/**
 * Builds the entry for `trigger(name, params, { target })`, given the name's checked JSON key
 * (`eventKey`). Params are encoded now, in one pass that reads each property once, and the
 * rules are checked on what that pass wrote: later changes to the object change nothing, and
 * a getter or Proxy cannot show the checks one value and the header another. A non-object
 * result becomes `{"value":…}`, so `event.detail.value` reads the same in htmx 2 (which wraps
 * null and arrays) and htmx 4.
 */
export function buildEvent(
  name: string,
  key: string,
  params: unknown,
  target: string | undefined,
  htmx: 2 | 4,
  encoder: Encoder | undefined,
  site: Site,
  budget: number,
): EventEntry {
  let detail = "{}";
  let found: Readonly<Record<string, string>> | undefined;
  if (params !== undefined) {
    const encoded = encodeJson(params, encoder, site, "params", budget, WATCHED, "target");
    if (encoded.isObject) {
      detail = encoded.text;
      found = encoded.found;
    } else {
      detail = `{"value":${encoded.text}}`;
    }
  }
  // The common case: no target given, and none of the watched keys in params.
  if (found === undefined && target === undefined) return { name, key, detail, targeted: false };
  let chosen = target === undefined ? undefined : selector(target, "json", site, "trigger target");
  const fromParams = found?.target;
  if (fromParams !== undefined) {
    if (chosen !== undefined) {
      fail("invalid_option", site, "both options.target and params.target are set; give the target once");
    }
    // The member's own JSON text, parsed back: a string is a selector, anything else is refused.
    chosen = selector(JSON.parse(fromParams), "json", site, "params.target");
  }
  if (htmx === 2) {
    if (found?.elt !== undefined) {
      fail(
        "invalid_option",
        site,
        'params has an "elt" key, which htmx 2 overwrites with the element; rename it',
      );
    }
    if (chosen !== undefined && ARRAY_INDEX.test(name) && Number(name) < 4294967295) {
      fail(
        "invalid_event_name",
        site,
        `event name ${quote(name)} is an array index, which clients dispatch first, and htmx 2 would send every later event to its target; rename it`,
      );
    }
  }
  if (htmx === 4) {
    // htmx 4.0.1 dispatches with `!detail?.cancelled && target.dispatchEvent(evt)`: the event
    // would silently never fire (seen in Chromium, test/e2e/triggers.test.ts).
    const cancelled = found?.cancelled;
    if (cancelled !== undefined && !FALSY_JSON.has(cancelled)) {
      fail(
        "invalid_option",
        site,
        'params has a truthy "cancelled" key, and htmx 4 never fires an event whose detail says cancelled; rename it',
      );
    }
  }
  if (chosen !== undefined) {
    detail = `${detail.length === 2 ? "{" : `${detail.slice(0, -1)},`}"target":${jsonString(chosen)}}`;
  }
  return { name, key, detail, targeted: chosen !== undefined };
}

const LIST_FORBIDDEN = /[{}[\]"\u0000-\u001f\u007f]/;

/**
 * Splits on the commas outside JSON strings and braces: a list, JSON, or lines joined by ", ".
 * With `compact`, the JSON whitespace outside strings is left out of the parts.
 */
function topLevelParts(value: string, compact = false): string[] {
  const parts: string[] = [];
  let part = "";
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "{" || ch === "[") depth++;
    else if (ch === "}" || ch === "]") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(part + value.slice(start, i));
      part = "";
      start = i + 1;
    } else if (compact && (ch === " " || ch === "\t" || ch === "\n" || ch === "\r")) {
      part += value.slice(start, i);
      start = i + 1;
    }
  }
  parts.push(part + value.slice(start));
  return parts;
}

const JSON_KEY = /^"[^"\\]*(?:\\.[^"\\]*)*"/;

/**
 * Merges a timing's events into an `HX-Trigger*` already on a response (one string per header
 * line): each line a JSON object, a comma list of names (each with the detail `{}`), or several
 * of those joined with ", " by a runtime that merged repeated lines; anything else is
 * `invalid_existing_header`. Time linear in the lines' length whatever they hold: the same name
 * many times, many names, deep nesting.
 */
export function mergeExistingEvents(lines: readonly string[], events: Events, site: Site): Events {
  const entries: EventEntry[] = [];
  for (const value of lines) {
    const refuse = (cause?: unknown): never =>
      fail(
        "invalid_existing_header",
        site,
        `the response already holds ${quote(value)}, neither a JSON object nor a comma list of names`,
        cause,
      );
    for (const part of topLevelParts(value)) {
      const text = part.trim();
      if (text === "") continue;
      if (text[0] !== "{") {
        if (LIST_FORBIDDEN.test(text)) refuse();
        entries.push({ name: text, key: jsonString(text), detail: "{}", targeted: false });
        continue;
      }
      try {
        JSON.parse(text);
      } catch (cause) {
        refuse(cause);
      }
      // The members as written, made compact: no nesting depth overflows the stack, and a
      // detail keeps its meaning (no number goes through a double). The text is valid JSON, so
      // each member is a key string, a colon and a value.
      for (const member of topLevelParts(text.slice(1, -1), true)) {
        if (member === "") continue;
        const key = JSON_KEY.exec(member)![0];
        const detail = member.slice(key.length + 1);
        // Only a detail that spells "target" (maybe escaped) can carry one: parse just those.
        const targeted =
          detail[0] === "{" &&
          /target|\\/.test(detail) &&
          typeof (JSON.parse(detail) as { target?: unknown }).target === "string";
        entries.push({
          name: key.includes("\\") ? (JSON.parse(key) as string) : key.slice(1, -1),
          key: asciiJson(key),
          detail: asciiJson(detail),
          targeted,
        });
      }
    }
  }
  entries.push(...events);
  const out: EventEntry[] = [];
  putAll(out, entries);
  return out;
}
