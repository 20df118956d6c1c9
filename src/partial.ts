// Partials: one response, several targets, in the markup each htmx version reads.
//
// htmx 4 reads `<hx-partial hx-target hx-swap>` (after the main swap). htmx 2.0.11 reads it too
// but 2.0.8–2.0.10 do not, so htmx 2 gets `hx-swap-oob="style:selector"` (run before the main
// swap), where Chromium showed these traps (../shared/htmx-partials-observed.md, and
// test/e2e/partials.test.ts): a wrapper element is stripped for inner styles but replaces the
// target for outerHTML; `<tr>` inside a `<div>` is dropped by the HTML parser, so table content
// needs a table wrapper inside a `<template>`; template-wrapped elements run after top-level
// ones, so every partial is wrapped the same way to keep call order; textContent acts as
// innerHTML; a modifier makes htmx 2 throw and never finish the request.
import { describeType, fail, type Site, selector } from "./encode.js";
import { quote } from "./errors.js";
import { swapOption } from "./location.js";
import type { SwapContext } from "./swap.js";
import type { PartialOptions } from "./types.js";

/** One partial: a checked target selector, a canonical swap spec and the caller's markup. */
export interface PartialEntry {
  readonly target: string;
  readonly swap: string;
  readonly html: string;
}

const SITE: Site = { method: "partial()", header: "(partial)" };

/**
 * Escapes text for HTML element content or a double-quoted attribute value: `& < > " '` and
 * CR (which the HTML parser would turn into LF) become character references.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A string of markup: a primitive string or a `String` object (what hono's `html` helper
 * returns), read without running any of the caller's code.
 */
export function markup(value: unknown, site: Site, what: string): string {
  try {
    return String.prototype.toString.call(value);
  } catch {
    return fail("invalid_option", site, `${what} must be a string of HTML, got ${typeof value}`);
  }
}

/** Checks a `partial()` call and returns its entry. */
export function partialEntry(
  target: unknown,
  html: unknown,
  options: unknown,
  ctx: SwapContext,
): PartialEntry {
  const sel = selector(target, "css", SITE, "target");
  const text = markup(html, SITE, "html");
  let swap: unknown;
  if (options !== undefined) {
    if (typeof options !== "object" || options === null)
      fail("invalid_option", SITE, `options must be an object { swap }, got ${describeType(options)}`);
    let keys: string[] = [];
    try {
      // The keys once, `swap` once (a getter or a Proxy cannot answer twice).
      keys = Object.keys(options);
      swap = (options as PartialOptions).swap;
    } catch (cause) {
      fail("invalid_option", SITE, "options cannot be read", cause);
    }
    const extra = keys.find((key) => key !== "swap");
    if (extra !== undefined)
      fail("invalid_option", SITE, `unknown option ${quote(extra)}; the options are { swap }`);
  }
  const spec = swap === undefined ? "innerHTML" : swapOption(swap, ctx, SITE);
  // htmx 2 reads hx-swap-oob as a bare style: a modifier makes it throw, and the request never ends.
  if (ctx.htmx === 2 && /[\s:]/.test(spec))
    fail("unsupported_in_version", SITE, `swap ${quote(spec)}: htmx 2 partials take a bare style`);
  // htmx 4 ignores a target modifier in a partial: the target is the first argument.
  if (/(?:^| )target:/.test(spec))
    fail("invalid_option", SITE, "swap target: give the target as the first argument");
  return { target: sel, swap: spec, html: text };
}

// The first tag of the markup (after whitespace and comments) decides the wrapper: the HTML
// parser drops table content anywhere but in its table section.
const TABLE_TAG =
  /^(?:\s|<!--[\s\S]*?-->)*<(?:(tr)|(t[dh])|(col)|(thead|tbody|tfoot|caption|colgroup))[\s/>]/i;

/** One `hx-swap-oob` element in a `<template>` (so table content survives parsing). */
function oob(value: string, content: string): string {
  const m = TABLE_TAG.exec(content);
  const tag = m === null ? "div" : m[1] ? "tbody" : m[2] ? "tr" : m[3] ? "colgroup" : "table";
  return `<template><${tag} hx-swap-oob="${escapeHtml(value)}">${content}</${tag}></template>`;
}

/** The markup of the partials for the plan's htmx version, in call order. */
export function renderPartials(partials: readonly PartialEntry[], htmx: 2 | 4): string {
  let out = "";
  for (const { target, swap, html } of partials) {
    const style = swap.split(" ", 1)[0];
    // textContent: the text HTML-escaped, swapped with innerHTML (htmx 2's oob textContent acts
    // as innerHTML, 2.0.11's hx-partial writes "[object DocumentFragment]").
    const text = style === "textContent";
    const spec = text ? `innerHTML${swap.slice(11)}` : swap;
    const content = style === "delete" ? "" : text ? escapeHtml(html) : html;
    out +=
      htmx === 4
        ? `<hx-partial hx-target="${escapeHtml(target)}" hx-swap="${escapeHtml(spec)}">${content}</hx-partial>`
        : // htmx 2's outerHTML would put the wrapper itself in place of the target. Instead a
          // placeholder replaces the target (every element the selector matches), the markup goes
          // before it, and the placeholder is deleted: the target is replaced by exactly the
          // markup, one root or several, and markup that matches the selector (the same id) is
          // not deleted. The steps run one after another, so one id serves every partial.
          style === "outerHTML"
          ? `<template><span id="hxplan-outer" hx-swap-oob="outerHTML:${escapeHtml(target)}"></span></template>${oob("beforebegin:#hxplan-outer", content)}<template><div hx-swap-oob="delete:#hxplan-outer"></div></template>`
          : oob(`${spec}:${target}`, content);
  }
  return out;
}

/**
 * The body of `render()`: the main HTML and the partials. With htmx 2, an empty main HTML is
 * swapped into the main target (emptying it) unless the plan reswaps `none`, and a textContent
 * reswap writes the whole response, partials included, as text.
 */
export function renderBody(partials: readonly PartialEntry[], htmx: 2 | 4, reswap = "", main = ""): string {
  const site: Site = { method: "render()", header: "(body)" };
  const text = markup(main, site, "html");
  if (partials.length === 0) return text;
  const style = reswap.split(" ", 1)[0];
  if (htmx === 2 && text.trim() === "" && style !== "none")
    fail("invalid_option", site, 'no main HTML: htmx 2 would empty the main target; add .reswap("none")');
  if (htmx === 2 && style === "textContent")
    fail("invalid_option", site, "reswap textContent: htmx 2 would show the partials as text");
  return text + renderPartials(partials, htmx);
}
