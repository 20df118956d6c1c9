// The plan data: which headers, which status, and their serialisation to header pairs.
// A plan never changes, so its serialisation is computed once and reused.
import { type Encoder, fail, type Site } from "./encode.js";
import type { PartialEntry } from "./partial.js";
import { type Events, eventsText, type Timing, TRIGGER_HEADERS } from "./trigger.js";

/** The headers of the navigation group; the clients disagree on their precedence. */
export type NavigationHeader = "HX-Location" | "HX-Redirect" | "HX-Refresh";
/** The headers of the history group; htmx 2 reads only one of them. */
export type HistoryHeader = "HX-Push-Url" | "HX-Replace-Url";

export const NAVIGATION_HEADERS: readonly NavigationHeader[] = ["HX-Location", "HX-Redirect", "HX-Refresh"];
export const HISTORY_HEADERS: readonly HistoryHeader[] = ["HX-Push-Url", "HX-Replace-Url"];
export const TIMINGS: readonly Timing[] = ["receive", "swap", "settle"];

/** The headers whose value is one string, by their state field, in canonical order. */
export const LINE_HEADERS = {
  retarget: "HX-Retarget",
  reswap: "HX-Reswap",
  reselect: "HX-Reselect",
  ptag: "HX-PTag",
} as const;

/** Resolved `hx()` options. */
export interface PlanOptions {
  readonly htmx: 2 | 4;
  readonly encoder: Encoder | undefined;
  readonly extraStyles: ReadonlySet<string>;
  readonly maxHeaderBytes: number;
}

/** A header whose value is one string, set by the last call. */
export interface Single<N extends string> {
  readonly name: N;
  readonly value: string;
}

/** Everything a plan holds. */
export interface State {
  readonly options: PlanOptions;
  readonly triggers: Readonly<Record<Timing, Events | undefined>>;
  readonly navigation: Single<NavigationHeader> | undefined;
  readonly history: Single<HistoryHeader> | undefined;
  readonly retarget: string | undefined;
  readonly reswap: string | undefined;
  readonly reselect: string | undefined;
  /** `HX-PTag` (htmx 4 `hx-ptag` extension). */
  readonly ptag: string | undefined;
  readonly status: number | undefined;
  readonly vary: readonly string[];
  readonly expose: boolean;
  /** The partials (`partial()`), in call order; they are body markup, not headers. */
  readonly partials: readonly PartialEntry[];
}

export function emptyState(options: PlanOptions): State {
  // Through `copy`, so that every state has one shape: the fields not given are undefined.
  return copy({
    options,
    triggers: { receive: undefined, swap: undefined, settle: undefined },
    vary: [],
    expose: false,
    partials: [],
  } as Partial<State> as State);
}

/**
 * A plan's header lines as one flat array, name then value: `[name0, value0, name1, value1, …]`.
 * One array rather than pairs: a dynamic plan is usually applied once, and each allocation
 * shows on the benchmark.
 */
export type Lines = readonly string[];

/** For each member of an exclusive group, the other members, which a write of it removes. */
export const OTHERS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  [NAVIGATION_HEADERS, HISTORY_HEADERS].flatMap((group: readonly string[]) =>
    group.map((name) => [name, group.filter((other) => other !== name)]),
  ),
);

/** The header lines of a plan, in canonical order. */
export function compilePlan(state: State): Lines {
  const lines: string[] = [];
  const { receive, swap, settle } = state.triggers;
  if (receive !== undefined && receive.length > 0) lines.push(TRIGGER_HEADERS.receive, eventsText(receive));
  if (swap !== undefined && swap.length > 0) lines.push(TRIGGER_HEADERS.swap, eventsText(swap));
  if (settle !== undefined && settle.length > 0) lines.push(TRIGGER_HEADERS.settle, eventsText(settle));
  if (state.navigation !== undefined) lines.push(state.navigation.name, state.navigation.value);
  if (state.history !== undefined) lines.push(state.history.name, state.history.value);
  // Written out (not a loop over LINE_HEADERS): this runs once for every dynamic plan.
  if (state.retarget !== undefined) lines.push(LINE_HEADERS.retarget, state.retarget);
  if (state.reswap !== undefined) lines.push(LINE_HEADERS.reswap, state.reswap);
  if (state.reselect !== undefined) lines.push(LINE_HEADERS.reselect, state.reselect);
  if (state.ptag !== undefined) lines.push(LINE_HEADERS.ptag, state.ptag);
  if (impliedReswap(state)) lines.push(LINE_HEADERS.reswap, "none");
  if (state.expose && lines.length > 0) {
    let names = lines[0]!;
    for (let i = 2; i < lines.length; i += 2) names += `, ${lines[i]}`;
    lines.push("Access-Control-Expose-Headers", names);
  }
  if (state.vary.length > 0) lines.push("Vary", state.vary.join(", "));
  return lines;
}

/**
 * htmx 2 swaps a 304's empty body into the target (XHR hands it the 304; htmx 4 lists 304 in
 * `noSwap`): a 304 plan for htmx 2 without a reswap of its own writes `HX-Reswap: none`.
 */
export function impliedReswap(state: State): boolean {
  return state.status === 304 && state.reswap === undefined && state.options.htmx === 2;
}

/** Bytes of the implied `HX-Reswap: none` line, 0 when there is none. */
const IMPLIED_RESWAP_BYTES = "HX-Reswap".length + "none".length + 4;

/** True when the plan sets any `HX-*` header. */
export function hasHxHeader(state: State): boolean {
  return hxBytes(state) > 0;
}

/** Enforces `maxHeaderBytes` over name + ": " + value + CRLF of every line. */
export function checkSize(lines: Lines, max: number, site: Site): void {
  if (max === Number.POSITIVE_INFINITY) return;
  let total = 0;
  // The index of the line with the longest value.
  let biggest = 0;
  for (let i = 0; i < lines.length; i += 2) {
    total += lines[i]!.length + lines[i + 1]!.length + 4;
    if (lines[i + 1]!.length > lines[biggest + 1]!.length) biggest = i;
  }
  if (total > max) {
    const name = lines[biggest]!;
    fail(
      "header_too_large",
      { method: site.method, header: name },
      `the plan's headers take ${total} bytes, over maxHeaderBytes ${max}; the biggest is ${name} (${lines[biggest + 1]!.length + name.length + 4} bytes)`,
    );
  }
}

/** Bytes of one header line (name + ": " + value + CRLF), 0 when the header is not set. */
function lineBytes(name: string | undefined, value: string | undefined): number {
  return value === undefined ? 0 : name!.length + value.length + 4;
}

/** Bytes of one trigger line: its value is `{` + the `key:detail` members joined by `,` + `}`. */
function eventsBytes(name: string, events: Events | undefined): number {
  if (events === undefined || events.length === 0) return 0;
  // "{" and "}", n - 1 commas and n colons: 1 + 2n.
  let total = name.length + 4 + 1 + 2 * events.length;
  for (let i = 0; i < events.length; i++) total += events[i]!.key.length + events[i]!.detail.length;
  return total;
}

/**
 * The state with the patch's fields; a field of the patch left `undefined` keeps its value.
 * (The setters, which run on every request, use `withField`.)
 */
export function patchState(s: State, patch: Partial<Omit<State, "options">>): State {
  const next = copy(s) as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) next[key] = value;
  return next as unknown as State;
}

type Draft = { -readonly [K in keyof State]: State[K] };

// Every state is this one literal (one hidden class for every state), copied and then given
// one new field: on the setters' path, faster than a spread or a patch object.
function copy(s: State): Draft {
  return {
    options: s.options,
    triggers: s.triggers,
    navigation: s.navigation,
    history: s.history,
    retarget: s.retarget,
    reswap: s.reswap,
    reselect: s.reselect,
    ptag: s.ptag,
    status: s.status,
    vary: s.vary,
    expose: s.expose,
    partials: s.partials,
  };
}

/** The state with another value of one field. */
export function withField<K extends keyof Draft>(s: State, field: K, value: State[K]): State {
  const next = copy(s);
  next[field] = value;
  return next;
}

/** The state with other trigger maps. */
export function withTriggers(s: State, triggers: State["triggers"]): State {
  return withField(s, "triggers", triggers);
}

/** Bytes of the plan's own HX-* lines (name + ": " + value + CRLF each); 0 when it sets none. */
function hxBytes(state: State): number {
  const { triggers, navigation, history } = state;
  return (
    eventsBytes(TRIGGER_HEADERS.receive, triggers.receive) +
    eventsBytes(TRIGGER_HEADERS.swap, triggers.swap) +
    eventsBytes(TRIGGER_HEADERS.settle, triggers.settle) +
    lineBytes(navigation?.name, navigation?.value) +
    lineBytes(history?.name, history?.value) +
    // Written out (not a loop over LINE_HEADERS): this runs on every change to a plan.
    lineBytes(LINE_HEADERS.retarget, state.retarget) +
    lineBytes(LINE_HEADERS.reswap, state.reswap) +
    lineBytes(LINE_HEADERS.reselect, state.reselect) +
    lineBytes(LINE_HEADERS.ptag, state.ptag)
  );
}

/**
 * Checks `maxHeaderBytes` for a plan, without building its header lines unless it exposes
 * them: the same sum as `checkSize(compilePlan(state))`, which runs when the sum is over, for
 * its message.
 */
export function checkPlanSize(state: State, site: Site): void {
  const max = state.options.maxHeaderBytes;
  if (max === Number.POSITIVE_INFINITY) return;
  // Access-Control-Expose-Headers lists the plan's other lines: an exposing plan is measured
  // by its lines (exposeHeaders() is for cross-origin setups, not the busy path).
  if (state.expose) {
    checkSize(compilePlan(state), max, site);
    return;
  }
  let total = hxBytes(state);
  if (impliedReswap(state)) total += IMPLIED_RESWAP_BYTES;
  if (state.vary.length > 0) {
    total += "Vary".length + 4 + 2 * (state.vary.length - 1);
    for (const name of state.vary) total += name.length;
  }
  if (total > max) checkSize(compilePlan(state), max, site);
}

/** True for a 3xx other than 304: the browser follows it, htmx never sees its headers. */
export function isRedirect(status: unknown): status is number {
  // 304 is not a redirect: the browser hands it to htmx, headers and all (HX-PTag).
  return typeof status === "number" && status >= 300 && status < 400 && status !== 304;
}

/**
 * `status_conflict` for a redirect status with HX-* headers: `whose` says whose status it is
 * and whose headers they are ("" for the plan's own both).
 */
export function redirectConflict(site: Site, status: number, whose: readonly string[] = ["", ""]): never {
  return fail(
    "status_conflict",
    site,
    `${whose[0]}status ${status} is a redirect: browsers follow it and htmx never sees ${whose[1]}HX-* headers on it; use status 200 with redirect() or location()`,
  );
}

/** Rules that involve two parts of a plan; checked after every change. */
export function checkConsistency(state: State, site: Site): void {
  const status = state.status;
  if (isRedirect(status) && hasHxHeader(state)) redirectConflict(site, status);
  // 204, 205 and 3xx responses carry no body that htmx swaps.
  if (state.partials.length > 0 && (status === 204 || status === 205 || (status! >= 300 && status! < 400)))
    fail("invalid_option", site, `status ${status} has no body for the partials`);
  if (state.options.htmx === 2) {
    const late = (state.triggers.swap?.length ?? 0) > 0 || (state.triggers.settle?.length ?? 0) > 0;
    if (late && (state.navigation !== undefined || status === 204)) {
      const why =
        state.navigation !== undefined ? `${state.navigation.name} navigates away` : "status 204 never swaps";
      fail(
        "invalid_option",
        { method: site.method, header: site.header },
        `after-swap/after-settle events would never fire in htmx 2: ${why}; fire them with after: "receive"`,
      );
    }
  }
}
