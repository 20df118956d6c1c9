// The plan data: which headers, which status, and their serialisation to header pairs.
// A plan never changes, so its serialisation is computed once and reused.
import { type Encoder, fail, type Site } from "./encode.js";
import { type Events, eventsText, type Timing, TRIGGER_HEADERS } from "./trigger.js";

/** The headers of the navigation group; the clients disagree on their precedence. */
export type NavigationHeader = "HX-Location" | "HX-Redirect" | "HX-Refresh";
/** The headers of the history group; htmx 2 reads only one of them. */
export type HistoryHeader = "HX-Push-Url" | "HX-Replace-Url";

export const NAVIGATION_HEADERS: readonly NavigationHeader[] = ["HX-Location", "HX-Redirect", "HX-Refresh"];
export const HISTORY_HEADERS: readonly HistoryHeader[] = ["HX-Push-Url", "HX-Replace-Url"];
export const TIMINGS: readonly Timing[] = ["receive", "swap", "settle"];

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
  readonly status: number | undefined;
  readonly vary: readonly string[];
  readonly expose: boolean;
}

export function emptyState(options: PlanOptions): State {
  return {
    options,
    triggers: { receive: undefined, swap: undefined, settle: undefined },
    navigation: undefined,
    history: undefined,
    retarget: undefined,
    reswap: undefined,
    reselect: undefined,
    status: undefined,
    vary: [],
    expose: false,
  };
}

/** Header pairs in canonical order, given the trigger values to use. */
export function headerPairs(
  state: State,
  triggerValue: (timing: Timing, events: Events) => string = (_, events) => eventsText(events),
): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const timing of TIMINGS) {
    const events = state.triggers[timing];
    if (events !== undefined && events.size > 0)
      pairs.push([TRIGGER_HEADERS[timing], triggerValue(timing, events)]);
  }
  if (state.navigation !== undefined) pairs.push([state.navigation.name, state.navigation.value]);
  if (state.history !== undefined) pairs.push([state.history.name, state.history.value]);
  if (state.retarget !== undefined) pairs.push(["HX-Retarget", state.retarget]);
  if (state.reswap !== undefined) pairs.push(["HX-Reswap", state.reswap]);
  if (state.reselect !== undefined) pairs.push(["HX-Reselect", state.reselect]);
  if (state.expose && pairs.length > 0) {
    pairs.push(["Access-Control-Expose-Headers", pairs.map(([name]) => name).join(", ")]);
  }
  if (state.vary.length > 0) pairs.push(["Vary", state.vary.join(", ")]);
  return pairs;
}

/** True when the plan sets any `HX-*` header. */
export function hasHxHeader(state: State): boolean {
  return (
    state.navigation !== undefined ||
    state.history !== undefined ||
    state.retarget !== undefined ||
    state.reswap !== undefined ||
    state.reselect !== undefined ||
    TIMINGS.some((t) => (state.triggers[t]?.size ?? 0) > 0)
  );
}

/** Enforces `maxHeaderBytes` over name + ": " + value + CRLF of every line. */
export function checkSize(pairs: ReadonlyArray<readonly [string, string]>, max: number, site: Site): void {
  if (max === Number.POSITIVE_INFINITY) return;
  let total = 0;
  let biggest: readonly [string, string] | undefined;
  for (const pair of pairs) {
    total += pair[0].length + pair[1].length + 4;
    if (biggest === undefined || pair[1].length > biggest[1].length) biggest = pair;
  }
  if (total > max && biggest !== undefined) {
    throw fail(
      "header_too_large",
      { method: site.method, header: biggest[0] },
      `the plan's headers take ${total} bytes, over maxHeaderBytes ${max}; the biggest is ${biggest[0]} (${biggest[1].length + biggest[0].length + 4} bytes)`,
    );
  }
}

/**
 * Checks `maxHeaderBytes` for a plan without building its header lines: the same sum as
 * `checkSize(headerPairs(state))`, which runs only when the sum is over, for its message.
 */
export function checkPlanSize(state: State, site: Site): void {
  const max = state.options.maxHeaderBytes;
  if (max === Number.POSITIVE_INFINITY) return;
  // Per line: name + ": " + value + CRLF. `names` and `count` feed Access-Control-Expose-Headers.
  let total = 0;
  let names = 0;
  let count = 0;
  for (let i = 0; i < 3; i++) {
    const timing = TIMINGS[i]!;
    const events = state.triggers[timing];
    if (events === undefined || events.size === 0) continue;
    const name = TRIGGER_HEADERS[timing];
    // The value is `{` + the members joined by `,` + `}`.
    total += name.length + 4 + 1 + events.size;
    for (const entry of events.values()) total += entry.head.length + entry.detail.length;
    names += name.length;
    count++;
  }
  if (state.navigation !== undefined) {
    total += state.navigation.name.length + state.navigation.value.length + 4;
    names += state.navigation.name.length;
    count++;
  }
  if (state.history !== undefined) {
    total += state.history.name.length + state.history.value.length + 4;
    names += state.history.name.length;
    count++;
  }
  if (state.retarget !== undefined) {
    total += "HX-Retarget".length + state.retarget.length + 4;
    names += "HX-Retarget".length;
    count++;
  }
  if (state.reswap !== undefined) {
    total += "HX-Reswap".length + state.reswap.length + 4;
    names += "HX-Reswap".length;
    count++;
  }
  if (state.reselect !== undefined) {
    total += "HX-Reselect".length + state.reselect.length + 4;
    names += "HX-Reselect".length;
    count++;
  }
  if (state.expose && count > 0)
    total += "Access-Control-Expose-Headers".length + 4 + names + 2 * (count - 1);
  if (state.vary.length > 0) {
    total += "Vary".length + 4 + 2 * (state.vary.length - 1);
    for (const name of state.vary) total += name.length;
  }
  if (total > max) checkSize(headerPairs(state), max, site);
}

/** Rules that involve two parts of a plan; checked after every change. */
export function checkConsistency(state: State, site: Site): void {
  const status = state.status;
  if (status !== undefined && status >= 300 && status < 400 && hasHxHeader(state)) {
    fail(
      "status_conflict",
      { method: site.method, header: site.header },
      `status ${status} is a redirect: browsers follow it and htmx never sees HX-* headers on it; use status 200 with redirect() or location()`,
    );
  }
  if (state.options.htmx === 2) {
    const late = (state.triggers.swap?.size ?? 0) > 0 || (state.triggers.settle?.size ?? 0) > 0;
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
