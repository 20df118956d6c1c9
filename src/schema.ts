// Internal zod/mini schemas for the shape of option objects. Built once at module scope; never
// part of the public types. Character-level rules (control characters, selectors, URLs) live
// in encode.ts, because their messages name the offending character and its index.
import * as z from "zod/mini";
import { describeType, fail, type Site } from "./encode.js";
import type { HxErrorCode } from "./errors.js";

const fn = z.custom<(key: string, value: unknown) => unknown>((v) => typeof v === "function");
const duration = z.union([z.number(), z.string()]);

const hxOptionsSchema = z.strictObject({
  htmx: z.optional(z.union([z.literal(2), z.literal(4)])),
  encoder: z.optional(fn),
  swapStyles: z.optional(z.array(z.string())),
  // z.number() refuses Infinity, which means "no limit" here.
  maxHeaderBytes: z.optional(z.custom<number>((v) => typeof v === "number" && v > 0)),
});

const triggerOptionsSchema = z.strictObject({
  after: z.optional(z.enum(["receive", "swap", "settle"])),
  target: z.optional(z.string()),
  encoder: z.optional(fn),
});

const modifierShape = {
  swap: z.optional(duration),
  settle: z.optional(duration),
  transition: z.optional(z.boolean()),
  ignoreTitle: z.optional(z.boolean()),
  focusScroll: z.optional(z.boolean()),
  scroll: z.optional(z.enum(["top", "bottom"])),
  scrollTarget: z.optional(z.string()),
  show: z.optional(z.enum(["top", "bottom", "none"])),
  showTarget: z.optional(z.string()),
  strip: z.optional(z.boolean()),
  swapEmpty: z.optional(z.boolean()),
  target: z.optional(z.string()),
};

const swapModifiersSchema = z.strictObject(modifierShape);
const locationSwapSchema = z.strictObject({ style: z.optional(z.string()), ...modifierShape });

const urlOrFalse = z.union([z.string(), z.instanceof(URL), z.literal(false)]);

const locationOptionsSchema = z.strictObject({
  source: z.optional(z.string()),
  event: z.optional(z.string()),
  target: z.optional(z.string()),
  swap: z.optional(z.union([z.string(), z.record(z.string(), z.unknown())])),
  select: z.optional(z.string()),
  selectOOB: z.optional(z.string()),
  values: z.optional(z.record(z.string(), z.unknown())),
  headers: z.optional(z.record(z.string(), z.string())),
  push: z.optional(urlOrFalse),
  replace: z.optional(urlOrFalse),
});

const CUSTOM_RULES: Readonly<Record<string, string>> = {
  maxHeaderBytes: "must be a positive number of bytes (or Infinity for no limit)",
  encoder: "must be a function (key, value) => value",
  htmx: "must be 2 or 4",
  push: "must be a URL or false",
  replace: "must be a URL or false",
  swap: "must be a swap spec string, an object of modifiers, or a duration",
  settle: 'must be a duration (a number of milliseconds or a string such as "1s")',
};

interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly keys?: readonly string[];
  readonly values?: readonly unknown[];
  readonly expected?: string;
}

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of path) v = (v as Record<PropertyKey, unknown> | undefined)?.[key];
  return v;
}

function describeIssue(issue: Issue, input: unknown, what: string, allowed: readonly string[]): string {
  const name = issue.path.length > 0 ? `${what} "${issue.path.map(String).join(".")}"` : what;
  switch (issue.code) {
    case "unrecognized_keys":
      return `unknown ${what} ${(issue.keys ?? []).map((k) => `"${k}"`).join(", ")}; known: ${allowed.join(", ")}`;
    case "invalid_value":
      return `${name} must be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(", ")}, got ${describeType(at(input, issue.path))}`;
    case "invalid_type":
      if (issue.path.length === 0) return `${what}s must be an object, got ${describeType(input)}`;
      return `${name} must be ${/^[aeiou]/.test(issue.expected ?? "") ? "an" : "a"} ${issue.expected}, got ${describeType(at(input, issue.path))}`;
    case "invalid_union":
    case "custom": {
      const key = String(issue.path[issue.path.length - 1]);
      const rule = CUSTOM_RULES[key] ?? "is invalid";
      return `${name} ${rule}, got ${describeType(at(input, issue.path))}`;
    }
    default:
      return `${name} is invalid: ${describeType(at(input, issue.path))}`;
  }
}

// Cheap checks run before zod on every call: when each key is known and each value passes its
// rule, zod would accept the object and return this same copy (known keys present in the input,
// in the schema's order). Anything else goes to zod, for the same result or the detailed error.
type Rule = (value: unknown) => boolean;
type Rules = Readonly<Record<string, Rule>>;

const isString: Rule = (v) => typeof v === "string";
const isBoolean: Rule = (v) => typeof v === "boolean";
const isFunction: Rule = (v) => typeof v === "function";
const isDuration: Rule = (v) => typeof v === "string" || (typeof v === "number" && Number.isFinite(v));
const oneOf =
  (...values: readonly unknown[]): Rule =>
  (v) =>
    values.includes(v);

const HX_RULES: Rules = {
  htmx: oneOf(2, 4),
  encoder: isFunction,
  swapStyles: (v) => Array.isArray(v) && v.every(isString),
  maxHeaderBytes: (v) => typeof v === "number" && v > 0,
};
const TRIGGER_RULES: Rules = {
  after: oneOf("receive", "swap", "settle"),
  target: isString,
  encoder: isFunction,
};
const MODIFIER_RULES: Rules = {
  swap: isDuration,
  settle: isDuration,
  transition: isBoolean,
  ignoreTitle: isBoolean,
  focusScroll: isBoolean,
  scroll: oneOf("top", "bottom"),
  scrollTarget: isString,
  show: oneOf("top", "bottom", "none"),
  showTarget: isString,
  strip: isBoolean,
  swapEmpty: isBoolean,
  target: isString,
};

export function fastShape<T>(input: unknown, rules: Rules, keys: readonly string[]): T | undefined {
  // Object literals only: for them the keys that for-in lists are the keys zod finds with `in`
  // (a non-enumerable own option is not supported).
  if (typeof input !== "object" || input === null || Object.getPrototypeOf(input) !== Object.prototype) {
    return undefined;
  }
  const out: Record<string, unknown> = {};
  let last = -1;
  for (const key in input) {
    // An unknown key, or keys out of the schema's order (the order of zod's copy): zod decides.
    const at = keys.indexOf(key);
    if (at <= last) return undefined;
    last = at;
    const value = (input as Record<string, unknown>)[key];
    if (value !== undefined && !rules[key]!(value)) return undefined;
    // zod returns arrays as copies too.
    out[key] = Array.isArray(value) ? [...value] : value;
  }
  return out as T;
}

/** Parses `input` with `schema` or throws `HxError(code)` with a message naming the option. */
function parseWith<T>(
  schema: z.ZodMiniType<T>,
  input: unknown,
  site: Site,
  code: HxErrorCode,
  what: string,
  allowed: readonly string[],
  rules?: Rules,
): T {
  if (rules !== undefined) {
    const fast = fastShape<T>(input, rules, allowed);
    if (fast !== undefined) return fast;
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0] as unknown as Issue;
  return fail(code, site, describeIssue(issue, input, what, allowed));
}

// The parsers below are what the rest of hxplan uses; their types mention no zod, so no
// declaration file does either.

/** The shape of `hx()` options, checked. */
export interface ParsedHxOptions {
  readonly htmx?: 2 | 4 | undefined;
  readonly encoder?: ((key: string, value: unknown) => unknown) | undefined;
  readonly swapStyles?: readonly string[] | undefined;
  readonly maxHeaderBytes?: number | undefined;
}

/** The shape of trigger options, checked. */
export interface ParsedTriggerOptions {
  readonly after?: "receive" | "swap" | "settle" | undefined;
  readonly target?: string | undefined;
  readonly encoder?: ((key: string, value: unknown) => unknown) | undefined;
}

/** Loosely typed modifiers; their values are checked by swap.ts. */
export type ParsedModifiers = Readonly<Record<string, unknown>>;

/** The shape of location options, checked. */
export interface ParsedLocationOptions {
  readonly source?: string | undefined;
  readonly event?: string | undefined;
  readonly target?: string | undefined;
  readonly swap?: string | Readonly<Record<string, unknown>> | undefined;
  readonly select?: string | undefined;
  readonly selectOOB?: string | undefined;
  readonly values?: Readonly<Record<string, unknown>> | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly push?: string | URL | false | undefined;
  readonly replace?: string | URL | false | undefined;
}

const HX_KEYS = Object.keys(hxOptionsSchema.def.shape);
const TRIGGER_KEYS = Object.keys(triggerOptionsSchema.def.shape);
const MODIFIER_KEYS = Object.keys(swapModifiersSchema.def.shape);
const LOCATION_SWAP_KEYS = Object.keys(locationSwapSchema.def.shape);
const LOCATION_KEYS = Object.keys(locationOptionsSchema.def.shape);

export function parseHxOptions(input: unknown, site: Site): ParsedHxOptions {
  return parseWith(hxOptionsSchema, input, site, "invalid_option", "hx() option", HX_KEYS, HX_RULES);
}

export function parseTriggerOptions(input: unknown, site: Site): ParsedTriggerOptions {
  return parseWith(
    triggerOptionsSchema,
    input,
    site,
    "invalid_option",
    "trigger option",
    TRIGGER_KEYS,
    TRIGGER_RULES,
  );
}

export function parseSwapModifiers(input: unknown, site: Site): ParsedModifiers {
  return parseWith(
    swapModifiersSchema,
    input,
    site,
    "invalid_swap",
    "swap modifier",
    MODIFIER_KEYS,
    MODIFIER_RULES,
  );
}

export function parseLocationSwap(input: unknown, site: Site): ParsedModifiers {
  return parseWith(locationSwapSchema, input, site, "invalid_swap", "swap option", LOCATION_SWAP_KEYS);
}

export function parseLocationOptions(input: unknown, site: Site): ParsedLocationOptions {
  return parseWith(locationOptionsSchema, input, site, "invalid_option", "location option", LOCATION_KEYS);
}

/** @internal The schemas with their fast rules, for the test that checks they agree. */
export const FAST_SHAPES: ReadonlyArray<readonly [z.ZodMiniType, Rules, readonly string[]]> = [
  [hxOptionsSchema, HX_RULES, HX_KEYS],
  [triggerOptionsSchema, TRIGGER_RULES, TRIGGER_KEYS],
  [swapModifiersSchema, MODIFIER_RULES, MODIFIER_KEYS],
];
