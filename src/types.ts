// The public option and swap types, and the type-level rules of `Hx<V>`. A leaf module: it
// imports nothing of hxplan's, so every other module can take its types from here without an
// import circle (schema.ts checks these shapes, hx.ts, swap.ts and location.ts use them).

/**
 * Swap styles understood by htmx 2 (2.0.8+).
 *
 * @see https://htmx.org/attributes/hx-swap/
 */
export type Htmx2SwapStyle =
  | "innerHTML"
  | "outerHTML"
  | "textContent"
  | "beforebegin"
  | "afterbegin"
  | "beforeend"
  | "afterend"
  | "delete"
  | "none";

/**
 * A swap style: those of htmx 2, plus those htmx 4 adds (`outerSync`, `innerMorph`,
 * `outerMorph`, `before`, `after`, `prepend`, `append`). Which ones are accepted depends on the
 * plan's `htmx` version.
 *
 * @see https://htmx.org/attributes/hx-swap/
 */
export type SwapStyle =
  | Htmx2SwapStyle
  | "outerSync"
  | "innerMorph"
  | "outerMorph"
  | "before"
  | "after"
  | "prepend"
  | "append";

/**
 * A duration: a number of milliseconds or a string with a unit (`"250ms"`, `"1s"`, `"1m"`).
 * Written in whole milliseconds.
 *
 * @see https://htmx.org/attributes/hx-swap/
 */
export type Duration = number | `${number}ms` | `${number}s` | `${number}m`;

/**
 * Typed `hx-swap` modifiers for `reswap()` and `location({ swap })`, serialised in this order.
 * `strip`, `swapEmpty` and `target` exist in htmx 4 only.
 *
 * @see https://htmx.org/attributes/hx-swap/
 */
export interface SwapModifiers {
  /** Delay between receiving the response and swapping it in. */
  readonly swap?: Duration | undefined;
  /** Delay between the swap and the settle step. */
  readonly settle?: Duration | undefined;
  /** Use the View Transitions API. */
  readonly transition?: boolean | undefined;
  /** Ignore a `<title>` in the response. */
  readonly ignoreTitle?: boolean | undefined;
  /** Scroll to the focused element (`focus-scroll` in htmx 2, `focusScroll` in htmx 4). */
  readonly focusScroll?: boolean | undefined;
  /** Scroll the target (or `scrollTarget`) to its top or bottom. */
  readonly scroll?: "top" | "bottom" | undefined;
  /** A CSS selector for the element to scroll; needs `scroll`. */
  readonly scrollTarget?: string | undefined;
  /** Show the top or bottom of the target (or `showTarget`); `"none"` disables showing. */
  readonly show?: "top" | "bottom" | "none" | undefined;
  /** A CSS selector for the element to show; needs `show`. */
  readonly showTarget?: string | undefined;
  /** htmx 4 only: strip the outer element of the response. */
  readonly strip?: boolean | undefined;
  /** htmx 4 only: swap even when the response is empty. */
  readonly swapEmpty?: boolean | undefined;
  /** htmx 4 only: the swap target (a CSS selector). */
  readonly target?: string | undefined;
}

/**
 * The `swap` option of {@link LocationOptions} in its typed form: a style and the
 * {@link SwapModifiers}, validated and written like `reswap()`.
 *
 * @see https://htmx.org/headers/hx-location/
 */
export interface LocationSwap extends SwapModifiers {
  /** The swap style; omitted, htmx uses its default style. */
  readonly style?: SwapStyle | (string & {}) | undefined;
}

/**
 * Options of `location()`, written into the `HX-Location` JSON in this order.
 *
 * @see https://htmx.org/headers/hx-location/
 */
export interface LocationOptions {
  /** A CSS selector for the source element of the request. */
  readonly source?: string | undefined;
  /** The name of the event that triggers the request. */
  readonly event?: string | undefined;
  /** A CSS selector for the element to swap into (default `body`). */
  readonly target?: string | undefined;
  /** How to swap: a raw `hx-swap` spec or a typed style and modifiers. */
  readonly swap?: string | LocationSwap | undefined;
  /** A CSS selector picking the part of the response to swap in. */
  readonly select?: string | undefined;
  /** Out-of-band selections (`"#a, #b:afterbegin"`). */
  readonly selectOOB?: string | undefined;
  /** Values to send with the GET (a JSON object). */
  readonly values?: Readonly<Record<string, unknown>> | undefined;
  /** Extra request headers: HTTP token names, printable-ASCII values. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** The URL to push into history, or `false` for none. Not with `replace`. */
  readonly push?: string | URL | false | undefined;
  /** The URL to replace the current history entry with, or `false`. Not with `push`. */
  readonly replace?: string | URL | false | undefined;
}

/**
 * Options of `partial()`.
 *
 * @see https://htmx.org/attributes/hx-swap/
 */
export interface PartialOptions {
  /**
   * How to swap (default `innerHTML`): a raw `hx-swap` spec or a typed style and modifiers,
   * validated like `reswap()`. htmx 2 takes a bare style only.
   */
  readonly swap?: string | LocationSwap | undefined;
}

/**
 * Options of {@link hx}.
 *
 * @see https://htmx.org/reference/#response_headers
 */
export interface HxOptions {
  /** The htmx major version of the client: 2 (2.0.8+, the default) or 4. */
  readonly htmx?: 2 | 4 | undefined;
  /** A JSON replacer run on every trigger param and location value before the built-in encoding. */
  readonly encoder?: ((key: string, value: unknown) => unknown) | undefined;
  /** Extra swap styles from htmx extensions, such as `"upsert"`. */
  readonly swapStyles?: readonly string[] | undefined;
  /** The budget for the plan's header lines in bytes (default 8192; `Infinity` = no limit). */
  readonly maxHeaderBytes?: number | undefined;
}

/**
 * Options of {@link Hx.trigger}.
 *
 * @see https://htmx.org/headers/hx-trigger/
 */
export interface TriggerOptions {
  /**
   * When htmx fires the event: on receipt (`HX-Trigger`, the default), after the swap
   * (`HX-Trigger-After-Swap`) or after settling (`HX-Trigger-After-Settle`). htmx 4 has only
   * `HX-Trigger`, which it fires after the swap, so every timing maps to it.
   */
  readonly after?: "receive" | "swap" | "settle" | undefined;
  /** A CSS selector: htmx dispatches the event on that element (htmx 2.0.2+). */
  readonly target?: string | undefined;
  /** A JSON replacer for this call's params, instead of the plan's `encoder`. */
  readonly encoder?: ((key: string, value: unknown) => unknown) | undefined;
}

/**
 * The htmx major version a plan targets: `2` (2.0.8+) or `4`.
 *
 * @see https://htmx.org/migration-guide-htmx-4/
 */
export type HtmxVersion = 2 | 4;

/** Swap styles that only htmx 4 has. */
type Htmx4OnlyStyle = Exclude<SwapStyle, Htmx2SwapStyle>;
/** Modifier keys that only htmx 4 reads (or spells this way). */
type Htmx4OnlyKey = "focusScroll" | "scrollTarget" | "showTarget" | "strip" | "swapEmpty" | "target";
/** The words of a spec, split at spaces. */
type Words<S extends string> = S extends `${infer H} ${infer T}` ? H | Words<T> : S;
/** The first word of a spec. */
type FirstWord<S extends string> = S extends `${infer H} ${string}` ? H : S;

/**
 * The words of a spec that the other htmx version only knows: its styles, its modifier keys and
 * its spelling of a modifier (`focus-scroll:` and `scroll:#x:top` are htmx 2's, `focusScroll:`
 * and `scrollTarget:` htmx 4's). Nothing for a plan whose version is not known (`Hx<2 | 4>`).
 */
type OtherVersionWord<V extends HtmxVersion> = [V] extends [2]
  ? Htmx4OnlyStyle | `${Htmx4OnlyKey}:${string}` | "swapEmpty"
  : [V] extends [4]
    ? `focus-scroll:${string}` | `${"scroll" | "show"}:${string}:${string}`
    : never;

/** The styles a plan of version `V` knows, plus the extension styles `X` given in `swapStyles`. */
export type SwapStyleOf<V extends HtmxVersion, X extends string = never> =
  | ([V] extends [2] ? Htmx2SwapStyle : SwapStyle)
  | X;

/**
 * A swap spec string as the compiler checks it for a plan of version `V` with extension styles
 * `X`: a string literal whose style or a modifier exists only in the other htmx version, or
 * whose first word is neither a style of `V`, an extension style nor a modifier, becomes
 * `never` (a compile error); a plain `string` passes, and is checked at run time.
 */
export type CheckedSwapSpec<
  S extends string,
  V extends HtmxVersion,
  X extends string = never,
> = string extends S
  ? S
  : [Extract<Words<S>, OtherVersionWord<V>>] extends [never]
    ? FirstWord<S> extends
        | SwapStyleOf<V, X>
        | `${string}:${string}`
        | ([V] extends [2] ? never : Htmx4OnlyKey)
        | ""
      ? S
      : never
    : never;

/** The keys of `M` among htmx 4's own modifiers that hold a literal (not a widened) value. */
type LiteralHtmx4Modifiers<M> = {
  [K in keyof M & ("strip" | "swapEmpty" | "target")]-?: [Exclude<M[K], undefined>] extends [never]
    ? never
    : string extends M[K]
      ? never
      : boolean extends M[K]
        ? never
        : K;
}[keyof M & ("strip" | "swapEmpty" | "target")];

/**
 * Typed modifiers as the compiler checks them for a plan of version `V`: on an `Hx<2>`, an object
 * literal that sets htmx 4's `strip`, `swapEmpty` or `target` becomes `never` (a compile error);
 * a value typed as plain {@link SwapModifiers} passes and is checked at run time.
 */
export type CheckedModifiers<M, V extends HtmxVersion> = [V] extends [2]
  ? [LiteralHtmx4Modifiers<M>] extends [never]
    ? M
    : never
  : M;

/** The version of the plan `hx(options)` makes: 4 for `{ htmx: 4 }`, 2 without it, else `2 | 4`. */
export type VersionOf<O> = "htmx" extends keyof O
  ? [O[keyof O & "htmx"]] extends [undefined]
    ? 2
    : [O[keyof O & "htmx"]] extends [4]
      ? 4
      : [O[keyof O & "htmx"]] extends [2 | undefined]
        ? 2
        : HtmxVersion
  : 2;

/**
 * The extension styles of `hx(options)`: the names of a literal `swapStyles` tuple, `string`
 * when they are not known at compile time, `never` without `swapStyles`.
 */
export type StylesOf<O> = "swapStyles" extends keyof O
  ? O[keyof O & "swapStyles"] extends readonly (infer S extends string)[] | undefined
    ? S
    : string
  : never;
