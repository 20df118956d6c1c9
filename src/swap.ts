// HX-Reswap: swap styles per htmx version, typed modifiers, the raw-spec parser and the
// canonical serialiser. htmx 2 spells selector modifiers `scroll:#log:bottom` and
// `focus-scroll:`; htmx 4 spells them `scroll:bottom scrollTarget:#log` and `focusScroll:`,
// and each version silently ignores the other's spelling, so both are checked per version.
import {
  describeType,
  fail,
  isPrintableAscii,
  loneSurrogateIndex,
  rejectControl,
  type Site,
  selector,
} from "./encode.js";
import { describeChar, quote } from "./errors.js";
import { parseSwapModifiers } from "./schema.js";
import type { SwapModifiers } from "./types.js";

type Version = 2 | 4;

const STYLES_2: ReadonlySet<string> = new Set([
  "innerHTML",
  "outerHTML",
  "textContent",
  "beforebegin",
  "afterbegin",
  "beforeend",
  "afterend",
  "delete",
  "none",
]);
const STYLES_4: ReadonlySet<string> = new Set([
  ...STYLES_2,
  "outerSync",
  "innerMorph",
  "outerMorph",
  "before",
  "after",
  "prepend",
  "append",
]);

const ONLY_4: ReadonlySet<string> = new Set(["strip", "swapEmpty", "target"]);

/** What a swap spec is checked against. */
export interface SwapContext {
  readonly htmx: Version;
  readonly extraStyles: ReadonlySet<string>;
}

function other(htmx: Version): Version {
  return htmx === 2 ? 4 : 2;
}

function checkStyle(style: string, ctx: SwapContext, site: Site): string {
  const known = ctx.htmx === 2 ? STYLES_2 : STYLES_4;
  if (known.has(style) || ctx.extraStyles.has(style)) return style;
  if ((ctx.htmx === 2 ? STYLES_4 : STYLES_2).has(style)) {
    fail(
      "unsupported_in_version",
      site,
      `swap style ${quote(style)} exists only in htmx ${other(ctx.htmx)}; this plan targets htmx ${ctx.htmx}`,
    );
  }
  const known2 = [...known, ...ctx.extraStyles].join(", ");
  return fail(
    "invalid_swap",
    site,
    `unknown swap style ${quote(style)}; htmx ${ctx.htmx} knows ${known2} (add extension styles with hx({ swapStyles }))`,
  );
}

// Units are case-sensitive in htmx ("1S" is 1 ms in htmx 2 and an error in htmx 4).
const DURATION = /^(\d+(?:\.\d+)?(?:e[+-]?\d+)?)(ms|s|m)?$/;

/** A duration in whole milliseconds, or `invalid_swap`. */
function milliseconds(value: unknown, key: string, site: Site): number {
  let ms: number;
  if (typeof value === "number") {
    ms = value;
  } else if (typeof value === "string") {
    const match = DURATION.exec(value.trim());
    if (match === null || value.trim() !== value) {
      return fail(
        "invalid_swap",
        site,
        `modifier ${key} ${quote(value)} is not a duration; use a number of milliseconds or "250ms", "1s", "1m"`,
      );
    }
    const unit = match[2] ?? "ms";
    ms = Number(match[1]) * (unit === "s" ? 1000 : unit === "m" ? 60_000 : 1);
  } else {
    return fail("invalid_swap", site, `modifier ${key} must be a duration, got ${describeType(value)}`);
  }
  const rounded = Math.round(ms);
  // Safe integers only: larger ones print in exponent form, which htmx cannot parse.
  if (!Number.isSafeInteger(rounded) || ms < 0 || Math.abs(ms - rounded) > 1e-6) {
    fail(
      "invalid_swap",
      site,
      `modifier ${key} ${quote(value)} must be a whole, non-negative number of milliseconds`,
    );
  }
  return rounded;
}

/**
 * Checks and escapes a selector inside a swap modifier: plain CSS as for `reselect` (`window` is
 * htmx's keyword for the viewport), without whitespace or a comma, which end the modifier.
 */
export function modifierSelector(value: unknown, key: string, site: Site): string {
  const bad = typeof value === "string" ? /[\s,]/.exec(value) : null;
  if (bad !== null) {
    fail(
      "invalid_swap",
      site,
      `modifier ${key} selector ${quote(value)} contains ${describeChar(value as string, bad.index)}; a selector inside a swap modifier cannot hold whitespace or a comma (give the element an id)`,
    );
  }
  return value === "window"
    ? value
    : selector(value, "css", site, `modifier ${key} selector`, "invalid_swap");
}

/** Appends one part of a spec, space-separated (no part is empty). */
function join(spec: string, part: string): string {
  return spec === "" ? part : `${spec} ${part}`;
}

/** The `scroll` or `show` part(s): htmx 2 writes `pos:target:position`, htmx 4 a separate key. */
function positioned(
  spec: string,
  pos: "scroll" | "show",
  position: string,
  sel: "scrollTarget" | "showTarget",
  selValue: unknown,
  v4: boolean,
  site: Site,
): string {
  const target = selValue === undefined ? undefined : modifierSelector(selValue, sel, site);
  if (v4) {
    const out = join(spec, `${pos}:${position}`);
    return target === undefined ? out : `${out} ${sel}:${target}`;
  }
  return join(spec, target === undefined ? `${pos}:${position}` : `${pos}:${target}:${position}`);
}

/** Serialises a checked style and modifiers in the canonical order for the version. */
export function serializeSwap(
  style: string | undefined,
  mods: SwapModifiers,
  ctx: SwapContext,
  site: Site,
): string {
  // Built by concatenation rather than an array and join: this runs on every reswap().
  let spec = style === undefined ? "" : checkStyle(style, ctx, site);
  const v4 = ctx.htmx === 4;
  const only4 = mods.strip !== undefined || mods.swapEmpty !== undefined || mods.target !== undefined;
  // In key order, so the message names the first htmx-4-only modifier given.
  if (!v4 && only4) {
    for (const key of Object.keys(mods)) {
      if ((mods as Record<string, unknown>)[key] === undefined) continue;
      if (ONLY_4.has(key)) {
        fail(
          "unsupported_in_version",
          site,
          `swap modifier ${key} exists only in htmx 4; this plan targets htmx 2`,
        );
      }
    }
  }
  if (mods.scrollTarget !== undefined && mods.scroll === undefined) {
    fail("invalid_swap", site, 'modifier scrollTarget needs scroll ("top" or "bottom")');
  }
  if (mods.showTarget !== undefined && mods.show === undefined) {
    fail("invalid_swap", site, 'modifier showTarget needs show ("top", "bottom" or "none")');
  }
  if (mods.swap !== undefined) spec = join(spec, `swap:${milliseconds(mods.swap, "swap", site)}ms`);
  if (mods.settle !== undefined) spec = join(spec, `settle:${milliseconds(mods.settle, "settle", site)}ms`);
  if (mods.transition !== undefined) spec = join(spec, `transition:${mods.transition}`);
  if (mods.ignoreTitle !== undefined) spec = join(spec, `ignoreTitle:${mods.ignoreTitle}`);
  if (mods.focusScroll !== undefined)
    spec = join(spec, `${v4 ? "focusScroll" : "focus-scroll"}:${mods.focusScroll}`);
  if (mods.scroll !== undefined)
    spec = positioned(spec, "scroll", mods.scroll, "scrollTarget", mods.scrollTarget, v4, site);
  if (mods.show !== undefined)
    spec = positioned(spec, "show", mods.show, "showTarget", mods.showTarget, v4, site);
  if (mods.strip !== undefined) spec = join(spec, `strip:${mods.strip}`);
  if (mods.swapEmpty !== undefined) spec = join(spec, `swapEmpty:${mods.swapEmpty}`);
  if (mods.target !== undefined) spec = join(spec, `target:${modifierSelector(mods.target, "target", site)}`);
  if (spec === "") fail("invalid_swap", site, "the swap spec is empty; give a style or a modifier");
  return spec;
}

/**
 * The `HX-Reswap` value of `reswap(spec, modifiers)`: a style with typed modifiers, or one raw
 * spec (no modifiers, and whitespace, a colon or a comma in it) parsed with the version's grammar.
 */
export function reswapValue(spec: unknown, modifiers: unknown, ctx: SwapContext, site: Site): string {
  // The common case, a built-in style of the version: nothing to parse, no character to refuse.
  if (typeof spec === "string" && (ctx.htmx === 2 ? STYLES_2 : STYLES_4).has(spec)) {
    return modifiers === undefined ? spec : typedSwap(spec, modifiers, ctx, site);
  }
  if (typeof spec !== "string") {
    return fail("invalid_swap", site, `expected a swap style or spec string, got ${typeof spec}`);
  }
  rejectControl(spec, "invalid_swap", site, "swap style");
  if (modifiers === undefined && (/[\s:,]/.test(spec) || spec.trim() === "")) return rawSwap(spec, ctx, site);
  return typedSwap(spec, modifiers, ctx, site);
}

/** Checks typed modifiers (their shape, then their values) and serialises them. */
export function typedSwap(style: string | undefined, mods: unknown, ctx: SwapContext, site: Site): string {
  const checked = mods === undefined ? {} : parseSwapModifiers(mods, site);
  return serializeSwap(style, checked as SwapModifiers, ctx, site);
}

// The boolean modifiers of a raw spec, in htmx 2's spelling and in htmx 4's.
const BOOLEANS_2: ReadonlySet<string> = new Set(["transition", "ignoreTitle", "focus-scroll"]);
const BOOLEANS_4: ReadonlySet<string> = new Set([
  "transition",
  "ignoreTitle",
  "focusScroll",
  "strip",
  "swapEmpty",
]);

// Modifier keys that only htmx 4 reads (or spells this way): unsupported_in_version under htmx 2.
const KEYS_ONLY_4: ReadonlySet<string> = new Set([
  "focusScroll",
  "scrollTarget",
  "showTarget",
  "strip",
  "swapEmpty",
  "target",
]);

/**
 * Parses a raw `hx-swap` spec with the version's grammar and re-serialises it canonically.
 * htmx 2 splits on whitespace; htmx 4 reads the rest as HCON, so commas separate too and a bare
 * key means `true`.
 */
export function rawSwap(spec: string, ctx: SwapContext, site: Site): string {
  rejectControl(spec, "invalid_swap", site, "swap spec");
  if (spec.trim() === "") fail("invalid_swap", site, "the swap spec is empty; give a style or a modifier");
  if (!isPrintableAscii(spec) && loneSurrogateIndex(spec) >= 0) {
    fail(
      "invalid_swap",
      site,
      `swap spec has a lone surrogate ${describeChar(spec, loneSurrogateIndex(spec))}`,
    );
  }
  const v4 = ctx.htmx === 4;
  const tokens = spec
    .trim()
    .split(v4 ? /[\s,]+/ : /\s+/)
    .filter((t) => t !== "");
  let style: string | undefined;
  if (tokens.length > 0 && !(v4 ? /^\S*:/.test(tokens[0]!) : tokens[0]!.includes(":")))
    style = tokens.shift();
  const mods: Record<string, unknown> = {};
  for (const token of tokens) {
    const colon = token.indexOf(":");
    const key = colon < 0 ? token : token.slice(0, colon);
    let value = colon < 0 ? undefined : token.slice(colon + 1);
    if (key === "swap" || key === "settle") {
      mods[key] = milliseconds(value ?? "", key, site);
    } else if ((v4 ? BOOLEANS_4 : BOOLEANS_2).has(key)) {
      // htmx 4 reads a bare key as true; htmx 2 needs the value.
      if (value === undefined ? !v4 : value !== "true" && value !== "false") {
        fail("invalid_swap", site, `modifier ${quote(token)} must be ${key}:true or ${key}:false`);
      }
      mods[key === "focus-scroll" ? "focusScroll" : key] = value !== "false";
    } else if (key === "scroll" || key === "show") {
      const positions = key === "show" ? ["top", "bottom", "none"] : ["top", "bottom"];
      if (value === undefined) value = "";
      const cut = value.lastIndexOf(":");
      const position = cut < 0 ? value : value.slice(cut + 1);
      if (cut >= 0 && v4) {
        fail(
          "unsupported_in_version",
          site,
          `modifier ${quote(token)} is the htmx 2 form; htmx 4 needs ${key}:${position} ${key}Target:${value.slice(0, cut)}`,
        );
      }
      if (!positions.includes(position)) {
        fail("invalid_swap", site, `modifier ${quote(token)} must end in ${positions.join(" or ")}`);
      }
      mods[key] = position;
      if (cut >= 0) mods[`${key}Target`] = value.slice(0, cut);
    } else if (v4 && (key === "scrollTarget" || key === "showTarget" || key === "target")) {
      if (value === undefined || value === "") fail("invalid_swap", site, `modifier ${key} needs a selector`);
      mods[key] = value;
    } else if (!v4 && KEYS_ONLY_4.has(key)) {
      fail(
        "unsupported_in_version",
        site,
        `swap modifier ${quote(key)} exists only in htmx 4; this plan targets htmx 2`,
      );
    } else if (v4 && key === "focus-scroll") {
      fail(
        "unsupported_in_version",
        site,
        'swap modifier "focus-scroll" is the htmx 2 spelling; htmx 4 reads focusScroll',
      );
    } else {
      fail("invalid_swap", site, `unknown swap modifier ${quote(token)} in ${quote(spec)}`);
    }
  }
  return serializeSwap(style, mods as SwapModifiers, ctx, site);
}
