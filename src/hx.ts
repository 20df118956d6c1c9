// The immutable builder. Its state lives in one private, never-mutated object; every method
// validates at once and returns a new Hx, so the stack trace of an HxError points at the call
// that was wrong, and two plans branched from one base never see each other's changes.
import { applyPlan, type HeaderTarget } from "./adapters/apply.js";
import { type ResponseBody, toResponse, toResponseInit } from "./adapters/fetch.js";
import {
  describeError,
  describeType,
  type Encoder,
  encodeUrl,
  fail,
  isToken,
  readList,
  type Site,
  selector,
  shown,
} from "./encode.js";
import { describeChar, HxError, quote } from "./errors.js";
import { encodeLocation } from "./location.js";
import { unionNames } from "./names.js";
import { markup, partialEntry, renderBody, renderPartials } from "./partial.js";
import {
  checkConsistency,
  checkPlanSize,
  compilePlan,
  emptyState,
  type HistoryHeader,
  type Lines,
  type NavigationHeader,
  type PlanOptions,
  patchState,
  type State,
  withField,
  withTriggers,
} from "./plan.js";
import { parseHxOptions, parseTriggerOptions } from "./schema.js";
import { reswapValue } from "./swap.js";
import { addEvent, buildEvent, eventKey, mergeEvents, type Timing, TRIGGER_HEADERS } from "./trigger.js";
import type {
  CheckedModifiers,
  CheckedSwapSpec,
  HtmxVersion,
  HxOptions,
  LocationOptions,
  LocationSwap,
  PartialOptions,
  StylesOf,
  SwapModifiers,
  TriggerOptions,
  VersionOf,
} from "./types.js";

const VERSION_2: ReadonlySet<string> = new Set();

/**
 * Passes an `HxError` on; anything else the caller's values threw (a getter, a Proxy trap, a
 * look-alike object) becomes `invalid_option`, with that exception as the cause.
 */
function rethrow(error: unknown, site: Site): never {
  let ours = false;
  try {
    ours = error instanceof HxError;
  } catch {
    // a thrown Proxy whose prototype cannot be read: not ours
  }
  if (ours) throw error;
  return fail("invalid_option", site, `an argument could not be read (${describeError(error)})`, error);
}

/** The `swapStyles` option, read once into a set of checked style names. */
function swapStylesOf(styles: unknown, site: Site): Set<string> {
  const extra = new Set<string>();
  if (styles === undefined) return extra;
  let copy: unknown[] | undefined;
  try {
    copy = readList(styles, 1000);
  } catch (cause) {
    return fail(
      "invalid_option",
      site,
      `hx() option "swapStyles" could not be read (${describeError(cause)})`,
      cause,
    );
  }
  for (const style of copy ?? []) {
    if (typeof style !== "string") {
      fail(
        "invalid_option",
        site,
        `hx() option "swapStyles" must be an array of style names, got ${describeType(style)} in it`,
      );
    }
    if (!/^[A-Za-z][\w-]*$/.test(style)) {
      const bad = /^[^A-Za-z]|[^\w-]/.exec(style);
      const where = bad === null ? " (empty)" : `: ${describeChar(style, bad.index)}`;
      fail("invalid_option", site, `swapStyles entry ${quote(style)} is not a swap style name${where}`);
    }
    extra.add(style);
  }
  return extra;
}

function resolveOptions(options: HxOptions | undefined): PlanOptions {
  if (options === undefined) return DEFAULT_OPTIONS;
  const site: Site = { method: "hx()", header: "(options)" };
  const o = parseHxOptions(options, site);
  const extra = swapStylesOf(o.swapStyles, site);
  return {
    htmx: o.htmx ?? 2,
    encoder: o.encoder as Encoder | undefined,
    extraStyles: extra.size > 0 ? extra : VERSION_2,
    maxHeaderBytes: o.maxHeaderBytes ?? 8192,
  };
}

const DEFAULT_OPTIONS: PlanOptions = {
  htmx: 2,
  encoder: undefined,
  extraStyles: VERSION_2,
  maxHeaderBytes: 8192,
};

// States are never changed, so every `hx()` without options starts from this one.
const DEFAULT_STATE: State = /* @__PURE__ */ emptyState(DEFAULT_OPTIONS);

// The sites of the busiest setters, made once: a setter runs on every request.
const TRIGGER_SITES: Readonly<Record<Timing, Site>> = {
  receive: { method: "trigger()", header: TRIGGER_HEADERS.receive },
  swap: { method: "trigger()", header: TRIGGER_HEADERS.swap },
  settle: { method: "trigger()", header: TRIGGER_HEADERS.settle },
};
const PUSH_SITE: Site = { method: "pushUrl()", header: "HX-Push-Url" };
const REPLACE_SITE: Site = { method: "replaceUrl()", header: "HX-Replace-Url" };
const RETARGET_SITE: Site = { method: "retarget()", header: "HX-Retarget" };
const RESWAP_SITE: Site = { method: "reswap()", header: "HX-Reswap" };

/** What the compiler says when `stopPolling()` is called on an `Hx<4>`: htmx 4 has no stop-polling status. */
interface StopPollingIsHtmx2Only {
  readonly "stopPolling() is htmx 2 only: htmx 4 keeps polling on 286": never;
}
/** What the compiler says when `ptag()` is called on an `Hx<2>`: `hx-ptag` is an htmx 4 extension. */
interface PtagIsHtmx4Only {
  readonly "ptag() is htmx 4 only: use hx({ htmx: 4 })": never;
}

// The private construction path: only this module holds the key, so only `#next` can hand the
// constructor a prepared state (its public signature stays `(options?)`).
const PRIVATE_KEY: object = {};

/**
 * An immutable plan of htmx response headers and status. Every method returns a new `Hx` and
 * never changes the receiver. Create one with {@link hx}.
 *
 * @example
 * ```ts
 * import { hx } from "hxplan";
 *
 * const plan = hx().trigger("saved", { id: 7 }).pushUrl("/items/7");
 * plan.toHeaders(); // { "HX-Trigger": '{"saved":{"id":7}}', "HX-Push-Url": "/items/7" }
 * ```
 * @see https://htmx.org/reference/#response_headers
 */
export class Hx<V extends HtmxVersion = HtmxVersion, X extends string = never> {
  readonly #state: State;
  #lines: Lines | undefined;
  #headers: Readonly<Record<string, string>> | undefined;

  /**
   * Creates an empty plan; the same as {@link hx}.
   *
   * @param options - the htmx version and encoding options
   * @throws {@link HxError} `invalid_option` on unknown or malformed options
   */
  constructor(options?: HxOptions);
  constructor(options?: HxOptions, key?: object, state?: State) {
    if (key === PRIVATE_KEY && state !== undefined) this.#state = state;
    else this.#state = options === undefined ? DEFAULT_STATE : emptyState(resolveOptions(options));
    // Not frozen: every field is private and never reassigned, so a plan cannot change, and
    // Object.freeze on each of the five plans of a typical chain cost 0.15x of the hand-written
    // time on the dynamic-plan benchmark (bench/micro.js).
  }

  /** The plan of `state` (this plan's state with one change), checked as a whole. */
  #next(state: State, site: Site): Hx<V, X> {
    checkConsistency(state, site);
    // The header lines themselves are built once, when the plan is applied.
    checkPlanSize(state, site);
    return new (Hx as unknown as new (o: undefined, key: object, state: State) => Hx<V, X>)(
      undefined,
      PRIVATE_KEY,
      state,
    );
  }

  /** The htmx major version this plan is built for. */
  get htmx(): V {
    return this.#state.options.htmx as V;
  }

  /**
   * Fires a client-side event when htmx receives the response (or after the swap or settle).
   * Several events merge into one header line per timing; the same name again keeps its first
   * position and takes the later params.
   *
   * @param name - the event name (any string without outer whitespace or control characters)
   * @param params - the event detail: an object becomes `event.detail`; anything else
   *   becomes `event.detail.value`. Encoded now, as ASCII-only JSON.
   * @param options - `after` (timing), `target` (selector to dispatch on), `encoder`
   * @returns a new plan
   * @throws {@link HxError} `invalid_event_name`, `unserializable`, `invalid_selector`,
   *   `invalid_option` (also: after-swap/settle events with a navigation or status 204 under
   *   htmx 2, which never fire), `status_conflict` (the plan has a 3xx status), `header_too_large`
   * @example
   * ```ts
   * import { hx } from "hxplan";
   *
   * hx().trigger("toast", { text: "Grüße 👋" }).trigger("refreshList", null, { after: "settle" });
   * ```
   * @see https://htmx.org/headers/hx-trigger/
   */
  trigger(name: string, params?: unknown, options?: TriggerOptions): Hx<V, X> {
    const state = this.#state;
    const { htmx } = state.options;
    let { encoder } = state.options;
    let timing: Timing = "receive";
    let target: string | undefined;
    if (options !== undefined) {
      const opts = parseTriggerOptions(options, TRIGGER_SITES.receive);
      // htmx 4 reads HX-Trigger only: every timing is folded into it.
      if (opts.after !== undefined && htmx !== 4) timing = opts.after;
      target = opts.target;
      if (opts.encoder !== undefined) encoder = opts.encoder;
    }
    const site = TRIGGER_SITES[timing];
    const key = eventKey(name, site);
    const entry = buildEvent(name, key, params, target, htmx, encoder, site, state.options.maxHeaderBytes);
    const t = state.triggers;
    const events = addEvent(t[timing], entry);
    const triggers = {
      receive: timing === "receive" ? events : t.receive,
      swap: timing === "swap" ? events : t.swap,
      settle: timing === "settle" ? events : t.settle,
    };
    return this.#next(withTriggers(state, triggers), site);
  }

  #history(site: Site, url: string | URL | false): Hx<V, X> {
    const header = site.header as HistoryHeader;
    let value: string;
    if (url === false) value = "false";
    else if (url === "true" || url === "false") {
      return fail(
        "invalid_url",
        site,
        `${quote(url)} would be pushed as a relative URL by htmx 2; pass the boolean false, or a URL`,
      );
    } else {
      try {
        value = encodeUrl(url, site);
      } catch (error) {
        rethrow(error, site);
      }
    }
    return this.#next(withField(this.#state, "history", { name: header, value }), site);
  }

  /**
   * Pushes a URL into the browser history (`HX-Push-Url`); `false` prevents a push. Replaces a
   * `replaceUrl()` of the same plan (htmx 2 reads only one of the two).
   *
   * @param url - a path or an http(s) URL; spaces and non-ASCII are percent-encoded
   * @returns a new plan
   * @throws {@link HxError} `invalid_url` (also for the strings `"true"` and `"false"`), `unsafe_url`,
   *   `status_conflict` (the plan has a 3xx status), `header_too_large`
   * @example
   * ```ts
   * import { hx } from "hxplan";
   *
   * hx().pushUrl("/items/7");
   * ```
   * @see https://htmx.org/headers/hx-push-url/
   */
  pushUrl(url: string | URL | false): Hx<V, X> {
    return this.#history(PUSH_SITE, url);
  }

  /**
   * Replaces the current history entry (`HX-Replace-Url`); `false` prevents it. Replaces a
   * `pushUrl()` of the same plan.
   *
   * @param url - a path or an http(s) URL; spaces and non-ASCII are percent-encoded
   * @returns a new plan
   * @throws {@link HxError} `invalid_url` (also for the strings `"true"` and `"false"`), `unsafe_url`,
   *   `status_conflict` (the plan has a 3xx status), `header_too_large`
   * @example
   * ```ts
   * import { hx } from "hxplan";
   *
   * hx().replaceUrl("/search?q=htmx");
   * ```
   * @see https://htmx.org/headers/hx-replace-url/
   */
  replaceUrl(url: string | URL | false): Hx<V, X> {
    return this.#history(REPLACE_SITE, url);
  }

  #navigate(name: NavigationHeader, value: string, site: Site): Hx<V, X> {
    return this.#next(withField(this.#state, "navigation", { name, value }), site);
  }

  /**
   * Makes the client navigate to a URL with a full page load (`HX-Redirect`). Replaces a
   * `refresh()` or `location()` of the same plan.
   *
   * @param url - a path or an http(s) URL
   * @returns a new plan
   * @throws {@link HxError} `invalid_url`, `unsafe_url`, `invalid_option` (after-swap/settle
   *   events under htmx 2 would never fire), `status_conflict` (the plan has a 3xx status), `header_too_large`
   * @example
   * ```ts
   * import { hx } from "hxplan";
   *
   * hx().redirect("/login");
   * ```
   * @see https://htmx.org/headers/hx-redirect/
   */
  redirect(url: string | URL): Hx<V, X> {
    const site: Site = { method: "redirect()", header: "HX-Redirect" };
    let value: string;
    try {
      value = encodeUrl(url, site);
    } catch (error) {
      rethrow(error, site);
    }
    return this.#navigate("HX-Redirect", value, site);
  }

  /**
   * Makes the client reload the page (`HX-Refresh: true`). Replaces a `redirect()` or
   * `location()` of the same plan.
   *
   * @param args - nothing: `refresh()` takes no argument (even `false` is refused, so a
   *   conditional refresh reads as one: `cond ? plan.refresh() : plan`)
   * @returns a new plan
   * @throws {@link HxError} `invalid_option` (called with an argument, or after-swap/settle
   *   events under htmx 2, which would never fire), `status_conflict` (the plan has a 3xx status), `header_too_large`
   * @example
   * ```ts
   * import { hx } from "hxplan";
   *
   * hx().refresh();
   * ```
   * @see https://htmx.org/reference/#response_headers
   */
  refresh(...args: [] | [undefined]): Hx<V, X> {
    const site: Site = { method: "refresh()", header: "HX-Refresh" };
    if (args.length > 0 && args[0] !== undefined) {
      fail(
        "invalid_option",
        site,
        `refresh() takes no argument, got ${shown(args[0])}; to not refresh, do not call it`,
      );
    }
    return this.#navigate("HX-Refresh", "true", site);
  }

  /**
   * Makes the client load a path with an htmx GET, without a full page load (`HX-Location`).
   * Replaces a `redirect()` or `refresh()` of the same plan.
   *
   * @param path - a path or an http(s) URL
   * @param options - target, swap, select, values, headers, push or replace, …
   * @returns a new plan
   * @throws {@link HxError} `invalid_url`, `unsafe_url`, `invalid_selector`, `invalid_swap`,
   *   `unsupported_in_version` (a swap of the other htmx version), `invalid_option` (an unknown
   *   option, `push` with `replace`, or after-swap/settle events under htmx 2),
   *   `status_conflict` (the plan has a 3xx status), `header_too_large`
   * @example
   * ```ts
   * import { hx } from "hxplan";
   *
   * hx().location("/inbox", { target: "#main", swap: "innerHTML" });
   * ```
   * @see https://htmx.org/headers/hx-location/
   */
  location<const S extends string = never>(
    path: string | URL,
    options?: Omit<LocationOptions, "swap"> & {
      readonly swap?: (S & CheckedSwapSpec<S, V, X>) | LocationSwap | undefined;
    },
  ): Hx<V, X> {
    const site: Site = { method: "location()", header: "HX-Location" };
    let value: string;
    try {
      value = encodeLocation(path, options, this.#state.options, site);
    } catch (error) {
      rethrow(error, site);
    }
    return this.#navigate("HX-Location", value, site);
  }

  /**
   * Changes how the response is swapped (`HX-Reswap`), replacing the element's whole `hx-swap`.
   * Give a style and typed modifiers, or one raw spec string parsed with the plan's htmx grammar.
   *
   * @param style - the swap style, checked against the plan's htmx version
   * @param modifiers - typed modifiers, written in the version's spelling
   * @returns a new plan
   * @throws {@link HxError} `invalid_swap`, `unsupported_in_version` (a style or modifier of the
   *   other htmx version), `status_conflict` (the plan has a 3xx status), `header_too_large`
   * @example
   * ```ts
   * import { hx } from "hxplan";
   *
   * hx().reswap("outerHTML", { swap: "1s", show: "top", showTarget: "#list" });
   * hx().reswap("beforeend scroll:bottom");
   * ```
   * @see https://htmx.org/attributes/hx-swap/
   */
  // `string & {}` admits extension styles (hx({ swapStyles })) and keeps autocomplete.
  // The style is checked by the compiler against the plan's version (`Hx<2>`, `Hx<4>`): a literal
  // style or modifier of the other version only does not compile; a plain `string` does.
  reswap<const S extends string, const M extends SwapModifiers>(
    style: S & CheckedSwapSpec<S, V, X>,
    modifiers?: M & CheckedModifiers<M, V>,
  ): Hx<V, X>;
  /**
   * Changes how the response is swapped (`HX-Reswap`), from one raw `hx-swap` spec parsed with
   * the plan's htmx grammar. The style may be omitted (`"swap:1s"`: htmx uses its default).
   *
   * @param rawSpec - a raw `hx-swap` spec such as `"outerHTML swap:1s"`, re-serialised canonically
   * @returns a new plan
   * @throws {@link HxError} `invalid_swap` (unknown style or modifier, empty spec),
   *   `unsupported_in_version` (a style or spelling of the other htmx version),
   *   `status_conflict` (the plan has a 3xx status), `header_too_large`
   */
  reswap<const S extends string>(rawSpec: S & CheckedSwapSpec<S, V, X>): Hx<V, X>;
  reswap(spec: string, modifiers?: SwapModifiers): Hx<V, X> {
    const site = RESWAP_SITE;
    const value = reswapValue(spec, modifiers, this.#state.options, site);
    return this.#next(withField(this.#state, "reswap", value), site);
  }

  /**
   * Swaps into another element than the one that made the request (`HX-Retarget`). Accepts
   * htmx's extended selectors (`closest tr`, `find .x`, `next`, `previous`, `this` in htmx 2).
   *
   * @param target - a CSS or extended selector; non-ASCII is written as CSS escapes
   * @returns a new plan
   * @throws {@link HxError} `invalid_selector` (also `"none"`), `unsupported_in_version`
   *   (`"this"` with htmx 4), `status_conflict` (the plan has a 3xx status), `header_too_large`
   * @example
   * ```ts
   * import { hx } from "hxplan";
   *
   * hx().retarget("#errors").reswap("innerHTML");
   * ```
   * @see https://htmx.org/reference/#response_headers
   */
  retarget(target: string): Hx<V, X> {
    const site = RETARGET_SITE;
    const value = selector(target, "extended", site);
    if (value === "none") {
      fail("invalid_selector", site, '"none" is not a target; to swap nothing use reswap("none")');
    }
    if (value === "this" && this.#state.options.htmx === 4) {
      fail(
        "unsupported_in_version",
        site,
        'htmx 4 does not read "this" as the requesting element and would swap nothing; give an id selector',
      );
    }
    return this.#next(withField(this.#state, "retarget", value), site);
  }

  /**
   * Picks the part of the response to swap in (`HX-Reselect`), replacing the element's `hx-select`.
   *
   * @param select - a plain CSS selector run against the response
   * @returns a new plan
   * @throws {@link HxError} `invalid_selector` (also htmx's extended selectors),
   *   `unsupported_in_version` (`"unset"` with htmx 4), `status_conflict` (the plan has a 3xx status), `header_too_large`
   * @example
   * ```ts
   * import { hx } from "hxplan";
   *
   * hx().reselect("#content");
   * ```
   * @see https://htmx.org/reference/#response_headers
   */
  reselect(select: string): Hx<V, X> {
    const site: Site = { method: "reselect()", header: "HX-Reselect" };
    const value = selector(select, "css", site);
    if (value === "unset" && this.#state.options.htmx === 4) {
      fail(
        "unsupported_in_version",
        site,
        'htmx 4 reads "unset" as a selector and would empty the target; omit reselect() instead',
      );
    }
    return this.#next(withField(this.#state, "reselect", value), site);
  }

  /**
   * Tags the content for htmx 4's `hx-ptag` extension (`HX-PTag`): the element keeps the tag
   * and sends it back as the `HX-PTag` request header on its next request, so the server can
   * answer 304 ("unchanged", nothing is swapped) when the content has not changed. The
   * middleware's `ptag(tag, render)` does that whole flow in one call.
   *
   * @param tag - 1 to 512 printable ASCII characters, without leading or trailing spaces
   *   (Fetch trims them, so the tag would never match)
   * @returns a new plan
   * @throws {@link HxError} `unsupported_in_version` with `htmx: 2` (no `hx-ptag` there),
   *   `invalid_option` for a bad tag, `header_too_large`
   * @example
   * ```ts
   * import { hx } from "hxplan";
   *
   * hx({ htmx: 4 }).ptag("news-42").toHeaders(); // { "HX-PTag": "news-42" }
   * ```
   * @see https://four.htmx.org/extensions/ptag/
   */
  ptag(this: [V] extends [2] ? PtagIsHtmx4Only : Hx<V, X>, tag: string): Hx<V, X> {
    const self = this as Hx<V, X>;
    const site: Site = { method: "ptag()", header: "HX-PTag" };
    if (self.#state.options.htmx !== 4)
      fail("unsupported_in_version", site, "hx-ptag is htmx 4's; use hx({ htmx: 4 })");
    // 1-512 printable ASCII characters, no space at either end (Fetch trims it: no match).
    if (typeof tag !== "string" || !/^[!-~]([ -~]{0,510}[!-~])?$/.test(tag)) {
      const text = typeof tag === "string" ? tag : `(${typeof tag})`;
      const bad = /[^ -~]|^ | $/.exec(text);
      const where = bad === null ? `length ${text.length}` : describeChar(text, bad.index);
      fail(
        "invalid_option",
        site,
        `the tag ${quote(text)} must be 1-512 printable ASCII characters, no outer space: ${where}`,
      );
    }
    return self.#next(withField(self.#state, "ptag", tag), site);
  }

  /**
   * Stops the polling element that made this request: status 286 (htmx 2 only; htmx 4 has no
   * such status, remove the polling trigger with a swap instead).
   *
   * @returns a new plan
   * @throws {@link HxError} `unsupported_in_version` with `htmx: 4`
   * @example
   * ```ts
   * import { hx } from "hxplan";
   *
   * hx().stopPolling().statusCode; // 286
   * ```
   * @see https://htmx.org/docs/#polling
   */
  stopPolling(this: [V] extends [4] ? StopPollingIsHtmx2Only : Hx<V, X>): Hx<V, X> {
    const self = this as Hx<V, X>;
    const site: Site = { method: "stopPolling()", header: "(status)" };
    if (self.#state.options.htmx === 4) {
      fail(
        "unsupported_in_version",
        site,
        'htmx 4 has no stop-polling status (286 swaps like any 2xx); swap the polling element out, e.g. reswap("outerHTML") with content without hx-trigger',
      );
    }
    return self.status(HTMX_STOP_POLLING);
  }

  /**
   * Sets the response status. 304 may carry `HX-*` headers (htmx sees it, unlike a redirect);
   * with htmx 2 a 304 plan writes `HX-Reswap: none` unless it sets its own reswap, since htmx 2
   * would swap the empty body in.
   *
   * @param code - an integer from 200 to 599
   * @returns a new plan
   * @throws {@link HxError} `invalid_option` (not an integer from 200 to 599, or 204 with
   *   after-swap/settle events under htmx 2, which never fire without a swap), `status_conflict`
   *   (a 3xx with `HX-*` headers: the browser follows a redirect before htmx sees them)
   * @example
   * ```ts
   * import { hx } from "hxplan";
   *
   * hx().retarget("#form-errors").status(422);
   * ```
   * @see https://htmx.org/docs/#response-handling
   */
  status(code: number): Hx<V, X> {
    const site: Site = { method: "status()", header: "(status)" };
    if (typeof code !== "number" || !Number.isInteger(code) || code < 200 || code > 599) {
      fail("invalid_option", site, `status must be an integer from 200 to 599, got ${shown(code)}`);
    }
    return this.#next(withField(this.#state, "status", code), site);
  }

  /**
   * Adds names to the `Vary` header, de-duplicated case-insensitively; `*` absorbs the rest.
   * Feed it `hxRequest(req).consulted` so caches keep full pages and fragments apart.
   *
   * @param names - header names (HTTP tokens) or `*`
   * @returns a new plan
   * @throws {@link HxError} `invalid_option` for a name that is not a token, `header_too_large`
   * @example
   * ```ts
   * import { hx } from "hxplan";
   *
   * hx().vary("HX-Request", "HX-Target");
   * ```
   * @see https://htmx.org/docs/#caching
   */
  vary(...names: string[]): Hx<V, X> {
    const site: Site = { method: "vary()", header: "Vary" };
    if (names.length === 0) return this;
    for (const name of names) {
      if (typeof name !== "string" || (name !== "*" && !isToken(name))) {
        const bad = typeof name === "string" ? /[^!#$%&'*+.^_`|~0-9A-Za-z-]/.exec(name) : null;
        const where = bad === null ? "" : `: ${describeChar(name, bad.index)}`;
        fail("invalid_option", site, `${shown(name)} is not a header name${where}`);
      }
    }
    return this.#next(patchState(this.#state, { vary: unionNames(this.#state.vary, names) }), site);
  }

  /**
   * Also lists every `HX-*` header of the plan in `Access-Control-Expose-Headers`, merged with
   * what the response already lists: in a cross-origin request, htmx cannot read the headers
   * otherwise.
   *
   * @returns a new plan
   * @throws {@link HxError} `header_too_large`
   * @example
   * ```ts
   * import { hx } from "hxplan";
   *
   * hx().trigger("saved").exposeHeaders().toHeaders()["Access-Control-Expose-Headers"]; // "HX-Trigger"
   * ```
   * @see https://htmx.org/docs/#cors
   */
  exposeHeaders(): Hx<V, X> {
    return this.#next(patchState(this.#state, { expose: true }), {
      method: "exposeHeaders()",
      header: "Access-Control-Expose-Headers",
    });
  }

  /**
   * Combines two plans for the same htmx version: events merge per timing (the same name takes
   * `other`'s params and keeps its first position), `Vary` is the union, and `other` wins every
   * single-valued thing (status, each exclusive group, retarget, reswap, reselect).
   *
   * @param other - the plan whose values win
   * @returns a new plan, checked with the receiver's options
   * @throws {@link HxError} `version_mismatch`, `invalid_option`, `status_conflict`, `header_too_large`
   * @example
   * ```ts
   * import { hx } from "hxplan";
   *
   * const base = hx().vary("HX-Request");
   * base.merge(hx().trigger("saved"));
   * ```
   * @see https://htmx.org/reference/#response_headers
   */
  // biome-ignore lint/suspicious/noExplicitAny: a plan of any version and styles (checked at run time).
  merge(other: Hx<any, any>): Hx<V, X> {
    const site: Site = { method: "merge()", header: "(plan)" };
    // A brand check: it reads nothing from `other`, so a Proxy or a look-alike runs no code.
    if (typeof other !== "object" || other === null || !(#state in other)) {
      fail("invalid_option", site, `merge() takes a plan made by hx(), got ${describeType(other)}`);
    }
    const a = this.#state;
    const b = other.#state;
    if (a.options.htmx !== b.options.htmx) {
      fail(
        "version_mismatch",
        site,
        `cannot merge a plan for htmx ${b.options.htmx} into a plan for htmx ${a.options.htmx}`,
      );
    }
    return this.#next(
      patchState(a, {
        triggers: {
          receive: mergeEvents(a.triggers.receive, b.triggers.receive),
          swap: mergeEvents(a.triggers.swap, b.triggers.swap),
          settle: mergeEvents(a.triggers.settle, b.triggers.settle),
        },
        navigation: b.navigation ?? a.navigation,
        history: b.history ?? a.history,
        retarget: b.retarget ?? a.retarget,
        reswap: b.reswap ?? a.reswap,
        reselect: b.reselect ?? a.reselect,
        ptag: b.ptag ?? a.ptag,
        status: b.status ?? a.status,
        vary: unionNames(a.vary, b.vary),
        expose: a.expose || b.expose,
        partials: b.partials.length === 0 ? a.partials : a.partials.concat(b.partials),
      }),
      site,
    );
  }

  /**
   * The plan's headers, with canonical names (`"HX-Trigger"`, `"Vary"`). Frozen.
   *
   * @returns a frozen record of header name to value
   * @example
   * ```ts
   * import { hx } from "hxplan";
   *
   * new Response("<p>saved</p>", { headers: hx().trigger("saved").toHeaders() });
   * ```
   * @see https://htmx.org/reference/#response_headers
   */
  toHeaders(): Readonly<Record<string, string>> {
    if (this.#headers === undefined) {
      // A loop rather than Object.fromEntries, which costs several times more on 4 lines.
      const headers: Record<string, string> = {};
      const lines = this.#compile();
      for (let i = 0; i < lines.length; i += 2) headers[lines[i]!] = lines[i + 1]!;
      this.#headers = Object.freeze(headers);
    }
    return this.#headers;
  }

  #compile(): Lines {
    if (this.#lines === undefined) this.#lines = compilePlan(this.#state);
    return this.#lines;
  }

  /**
   * The status the plan sets, if any.
   *
   * @example
   * ```ts
   * import { hx } from "hxplan";
   *
   * hx().status(422).statusCode; // 422
   * ```
   * @see https://htmx.org/docs/#response-handling
   */
  get statusCode(): number | undefined {
    return this.#state.status;
  }

  /**
   * True when the plan sets no header, no status and no partial.
   *
   * @example
   * ```ts
   * import { hx } from "hxplan";
   *
   * hx().isEmpty; // true
   * ```
   */
  get isEmpty(): boolean {
    return (
      this.#state.status === undefined && this.#state.partials.length === 0 && this.#compile().length === 0
    );
  }

  /**
   * A plain snapshot of the plan, for logging and comparing plans.
   *
   * @returns the htmx version, the status if set, the headers, and the partials if any
   * @example
   * ```ts
   * import { hx } from "hxplan";
   *
   * JSON.stringify(hx().refresh()); // '{"htmx":2,"headers":{"HX-Refresh":"true"}}'
   * ```
   * @see https://htmx.org/reference/#response_headers
   */
  toJSON(): {
    /** The htmx major version the plan is built for. */
    htmx: 2 | 4;
    /** The status the plan sets, when it sets one. */
    status?: number;
    /** The plan's headers, as {@link Hx.toHeaders} returns them (a mutable copy). */
    headers: Record<string, string>;
    /** The plan's partials in call order (checked target, canonical swap, html), when it has any. */
    partials?: Array<{
      /** The target selector, as checked (non-ASCII as CSS escapes). */
      target: string;
      /** The swap spec, canonical for the version. */
      swap: string;
      /** The markup (or text, for `textContent`), as given. */
      html: string;
    }>;
  } {
    const { htmx } = this.#state.options;
    const status = this.#state.status;
    const headers = { ...this.toHeaders() };
    const json: ReturnType<Hx["toJSON"]> =
      status === undefined ? { htmx, headers } : { htmx, status, headers };
    const { partials } = this.#state;
    if (partials.length > 0) json.partials = partials.map((p) => ({ ...p }));
    return json;
  }

  /**
   * Merges the plan into a `ResponseInit`: `init.headers` are merged as `applyTo` does, and
   * the plan's status, when set, replaces `init.status`.
   *
   * @param init - the init to merge into (not changed)
   * @returns a new init whose `headers` is a `Headers`
   * @throws {@link HxError} `status_conflict`, `header_too_large`, `invalid_existing_header`
   *   (also a header in `init.headers` that Fetch refuses, or whose value is not a string, a
   *   number or a `string[]`), `invalid_option` (an `init` that is not an object or cannot be
   *   read, a status that is not an integer from 200 to 599, a bad reason phrase)
   * @example
   * ```ts
   * import { hx } from "hxplan";
   *
   * new Response("<p>ok</p>", hx().trigger("saved").toResponseInit({ headers: { "Content-Type": "text/html" } }));
   * ```
   * @see https://htmx.org/reference/#response_headers
   */
  toResponseInit(init?: ResponseInit): ResponseInit {
    return toResponseInit(this.#state, this.#compile(), init);
  }

  /**
   * Builds a Fetch `Response` carrying the plan.
   *
   * @param body - the response body
   * @param init - status and headers, merged as in `toResponseInit`
   * @returns a new `Response`
   * @throws {@link HxError} as `toResponseInit`; `invalid_option` for a body Fetch refuses
   *   (a body with status 204 or 304)
   * @example
   * ```ts
   * import { hx } from "hxplan";
   *
   * export default { fetch: () => hx().trigger("saved").toResponse("<p>saved</p>") };
   * ```
   * @see https://htmx.org/reference/#response_headers
   */
  toResponse(body?: ResponseBody, init?: ResponseInit): Response {
    const state = this.#state;
    if (state.partials.length === 0) return toResponse(state, this.#compile(), body, init);
    // Partials are markup: rendered into a string body. Under htmx 2 an empty main body would be
    // swapped into the main target (emptying it) unless HX-Reswap: none says not to swap.
    const main = body == null ? "" : markup(body, { method: "toResponse()", header: "(body)" }, "body");
    const text = main + renderPartials(state.partials, state.options.htmx);
    if (state.options.htmx === 2 && main.trim() === "" && state.reswap === undefined) {
      const none = withField(state, "reswap", "none");
      return toResponse(none, compilePlan(none), text, init);
    }
    return toResponse(state, this.#compile(), text, init);
  }

  /**
   * Writes the plan onto a response: a Node `ServerResponse` (node:http, Express, Koa's
   * `ctx.res`, Fastify's `reply.raw`), a Fetch `Headers` or `Response`, or a plain header
   * record. Merges with what is there (events, `Vary`), validates everything first and then
   * writes, so on any error the target is unchanged: if the target itself throws part-way,
   * every header and the status already written are put back (`target_failed`).
   *
   * @param target - the response or headers to write to
   * @returns the same target
   * @throws {@link HxError} `headers_sent`, `status_conflict`, `invalid_existing_header`, `header_too_large`, `target_failed`, `invalid_option`
   * @example
   * ```ts
   * import { createServer } from "node:http";
   * import { hx } from "hxplan";
   *
   * createServer((req, res) => {
   *   hx().trigger("saved").applyTo(res).end("<p>saved</p>");
   * });
   * ```
   * @see https://htmx.org/reference/#response_headers
   */
  applyTo<T extends HeaderTarget>(target: T): T {
    return applyPlan(this.#state, this.#compile(), target);
  }

  /**
   * Adds a partial: `html` swapped into every element `target` matches, from the same response
   * as the main content, in the markup the plan's htmx version reads (`<hx-partial>` for htmx 4,
   * `hx-swap-oob` for htmx 2). The same DOM result on every version: inner styles insert the
   * markup with no wrapper left, `outerHTML` replaces the target with exactly the markup,
   * `delete` removes it, `textContent` sets `html` as text, table rows work, and partials apply
   * in call order. `html` is trusted markup, written as given: escape user text with your
   * templating. Partials are body, not headers: use {@link Hx.render} or {@link Hx.toResponse}.
   *
   * @param target - a plain CSS selector (non-ASCII is written as CSS escapes)
   * @param html - the markup to swap in (ignored for `delete`; text for `textContent`)
   * @param options - `swap`: a style or spec (default `innerHTML`), validated like `reswap()`;
   *   htmx 2 takes a bare style only
   * @returns a new plan
   * @throws {@link HxError} `invalid_selector`, `invalid_swap`, `unsupported_in_version` (a style
   *   or modifier of the other version, or any modifier with htmx 2), `invalid_option` (html not a
   *   string, unknown options, a `target` modifier, or a status whose body htmx never swaps)
   * @example
   * ```ts
   * import { hx } from "hxplan";
   *
   * const plan = hx()
   *   .partial("#row-7", '<tr id="row-7"><td>Ada</td></tr>', { swap: "outerHTML" })
   *   .partial("#count", "12");
   * new Response(plan.render('<p class="toast">Saved</p>'), { headers: plan.toHeaders() });
   * ```
   * @see https://htmx.org/attributes/hx-swap-oob/
   */
  partial<const S extends string = never>(
    target: string,
    html: string,
    options?: Omit<PartialOptions, "swap"> & {
      readonly swap?: (S & CheckedSwapSpec<S, V, X>) | LocationSwap | undefined;
    },
  ): Hx<V, X> {
    const state = this.#state;
    const partials = [...state.partials, partialEntry(target, html, options, state.options)];
    return this.#next(patchState(state, { partials }), { method: "partial()", header: "(partial)" });
  }

  /**
   * The response body: the main HTML followed by the plan's partials, in the form the plan's
   * htmx version reads. Send it with the headers (`applyTo`, `toHeaders`). With htmx 2, a plan
   * with partials and no (or whitespace-only) main HTML must say `reswap("none")`, or htmx 2
   * would swap the empty rest into the main target; `toResponse()` adds that header itself.
   *
   * @param html - the main content (default none)
   * @returns the body markup
   * @throws {@link HxError} `invalid_option` (html not a string; with htmx 2: no main HTML
   *   without `reswap("none")`, or a `textContent` reswap, which would show the partials as text)
   * @example
   * ```ts
   * import { hx } from "hxplan";
   *
   * const plan = hx().partial("#count", "12").reswap("none");
   * new Response(plan.render(), { headers: plan.toHeaders() }); // HX-Reswap: none
   * ```
   * @see https://htmx.org/attributes/hx-swap-oob/
   */
  render(html?: string): string {
    const { partials, options, reswap } = this.#state;
    return renderBody(partials, options.htmx, reswap, html);
  }
}

/**
 * The status that makes htmx 2 stop polling the element that made the request (286). htmx 4
 * has no such status; {@link Hx.stopPolling} refuses it there.
 *
 * @example
 * ```ts
 * import { HTMX_STOP_POLLING, hx } from "hxplan";
 *
 * hx().stopPolling().statusCode === HTMX_STOP_POLLING; // true
 * ```
 * @see https://htmx.org/docs/#polling
 */
export const HTMX_STOP_POLLING = 286 as const;

/**
 * Starts an empty plan of htmx response headers.
 *
 * @param options - `htmx` (2 or 4, default 2), `encoder`, `swapStyles`, `maxHeaderBytes`
 * @returns an empty, immutable plan
 * @throws {@link HxError} `invalid_option` on unknown or malformed options
 * @example
 * ```ts
 * import { hx } from "hxplan";
 *
 * const plan = hx({ htmx: 4 }).trigger("saved", { id: 7 }, { after: "settle" }).retarget("#row-7");
 * ```
 * @see https://htmx.org/reference/#response_headers
 */
export function hx(options?: undefined): Hx<2>;
export function hx<const O extends HxOptions>(options: O): Hx<VersionOf<O>, StylesOf<O>>;
export function hx(options?: HxOptions): Hx {
  return new Hx(options);
}
