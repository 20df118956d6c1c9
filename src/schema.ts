// Internal zod/mini schemas for the shape of option objects. Built once at module scope; never
// part of the public types. Character-level rules (control characters, selectors, URLs) live
// in encode.ts, because their messages name the offending character and its index.
import * as z from "zod/mini";
import { describeError, describeType, fail, isArray, type Site } from "./encode.js";
import type { HxErrorCode } from "./errors.js";
import type { HxOptions, LocationOptions, TriggerOptions } from "./types.js";

// Each option is one rule: a test and the words for its message. zod runs the tests inside
// strict object schemas (unknown keys, the object itself, and the issue paths); the tests are
// plain functions so that zod contributes only its object parser to a bundle (z.custom,
// z.optional, z.strictObject: about 5 KB gzipped instead of 7 KB with every zod type used).
type Test = (value: unknown) => boolean;
/** An option's words for its message: the rule, or the rule with what breaks it in `value`. */
type Rule = string | ((value: unknown) => string);
type Spec = Readonly<Record<string, readonly [test: Test, rule: Rule]>>;
type Rules = Readonly<Record<string, Test>>;

const isString: Test = (v) => typeof v === "string";
const isBoolean: Test = (v) => typeof v === "boolean";
const isFunction: Test = (v) => typeof v === "function";
const isDuration: Test = (v) => typeof v === "string" || (typeof v === "number" && Number.isFinite(v));
const oneOf =
  (...values: readonly unknown[]): Test =>
  (v) =>
    values.includes(v);

/**
 * A plain object: its prototype is `null` or some realm's `Object.prototype` (not arrays, dates
 * or class instances). Decided from the prototype alone, so no property of the value is read
 * before it is encoded (zod's own test reads `constructor`).
 */
const isRecord: Test = (v) => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as object | null;
  return (
    proto === null ||
    proto === Object.prototype ||
    (Object.getPrototypeOf(proto) === null && Object.hasOwn(proto, "isPrototypeOf"))
  );
};

const A_STRING = "must be a string";
const A_BOOLEAN = "must be a boolean";
const A_DURATION = 'must be a duration (a number of milliseconds or a string such as "1s")';
const A_URL = "must be a URL or false";
const AN_ENCODER = "must be a function (key, value) => value";
const isUrlOrFalse: Test = (v) => v === false || typeof v === "string" || v instanceof URL;

const HX_SPEC: Spec = {
  htmx: [oneOf(2, 4), "must be 2 or 4"],
  encoder: [isFunction, AN_ENCODER],
  // Its items are read once and checked by hx() itself.
  swapStyles: [(v) => Array.isArray(v), "must be an array of style names"],
  // Infinity means "no limit" here.
  maxHeaderBytes: [
    (v) => typeof v === "number" && v > 0,
    "must be a positive number of bytes (or Infinity for no limit)",
  ],
};

const TRIGGER_SPEC: Spec = {
  after: [oneOf("receive", "swap", "settle"), 'must be one of "receive", "swap", "settle"'],
  target: [isString, A_STRING],
  encoder: [isFunction, AN_ENCODER],
};

const MODIFIER_SPEC: Spec = {
  swap: [isDuration, A_DURATION],
  settle: [isDuration, A_DURATION],
  transition: [isBoolean, A_BOOLEAN],
  ignoreTitle: [isBoolean, A_BOOLEAN],
  focusScroll: [isBoolean, A_BOOLEAN],
  scroll: [oneOf("top", "bottom"), 'must be one of "top", "bottom"'],
  scrollTarget: [isString, A_STRING],
  show: [oneOf("top", "bottom", "none"), 'must be one of "top", "bottom", "none"'],
  showTarget: [isString, A_STRING],
  strip: [isBoolean, A_BOOLEAN],
  swapEmpty: [isBoolean, A_BOOLEAN],
  target: [isString, A_STRING],
};

const LOCATION_SWAP_SPEC: Spec = { style: [isString, A_STRING], ...MODIFIER_SPEC };

const LOCATION_SPEC: Spec = {
  source: [isString, A_STRING],
  event: [isString, A_STRING],
  target: [isString, A_STRING],
  swap: [(v) => isString(v) || isRecord(v), "must be a swap spec string or an object of swap options"],
  select: [isString, A_STRING],
  selectOOB: [isString, A_STRING],
  values: [isRecord, "must be an object"],
  // Its values are read once and checked by location() itself.
  headers: [isRecord, "must be an object of header names to string values"],
  push: [isUrlOrFalse, A_URL],
  replace: [isUrlOrFalse, A_URL],
};

/** A zod strict object of the spec's keys, each optional and checked by its test. */
function schemaOf(spec: Spec): z.ZodMiniType {
  const shape: Record<string, z.ZodMiniOptional<z.ZodMiniCustom>> = {};
  for (const [key, [test]] of Object.entries(spec)) shape[key] = z.optional(z.custom(test));
  return z.strictObject(shape);
}

function rulesOf(spec: Spec): Rules {
  return Object.fromEntries(Object.entries(spec).map(([key, [test]]) => [key, test]));
}

interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly keys?: readonly string[];
}

function describeIssue(issue: Issue, input: unknown, { what, spec, keys }: Parser): string {
  if (issue.code === "unrecognized_keys") {
    return `unknown ${what} ${(issue.keys ?? []).map((k) => `"${k}"`).join(", ")}; known: ${keys.join(", ")}`;
  }
  if (issue.path.length === 0) return `${what}s must be an object, got ${describeType(input)}`;
  const key = String(issue.path[0]);
  const value = (input as Record<string, unknown>)[key];
  const rule = spec[key]?.[1] ?? "is invalid";
  if (typeof rule === "function") return `${what} "${key}" ${rule(value)}`;
  return `${what} "${key}" ${rule}, got ${describeType(value)}`;
}

/** What `readOptions` read when the rules refuse it: the copy and the unknown keys. */
class Refused {
  constructor(
    readonly values: Record<string, unknown>,
    readonly unknown: string[] | undefined,
  ) {}
}

/**
 * Reads an option object once: the value of each known option, in the schema's order, and the
 * names of unknown keys, checking each value with its rule as it goes. Object literals (and
 * null-prototype objects) are read key by key as `for…in` lists them; any other object (a
 * class instance with getters) by the known names. Returns the copy when everything passes,
 * else a `Refused` with the copy: zod and the messages look at it, never at `input` again.
 * Throws what reading `input` throws.
 */
function readOptions(
  input: object,
  rules: Rules,
  keys: readonly string[],
): Record<string, unknown> | Refused {
  let values: Record<string, unknown> = {};
  let unknown: string[] | undefined;
  let accepted = true;
  const proto = Object.getPrototypeOf(input);
  if (proto === Object.prototype || proto === null) {
    let last = -1;
    let ordered = true;
    for (const key in input) {
      const at = keys.indexOf(key);
      if (at < 0) {
        unknown ??= [];
        unknown.push(key);
        continue;
      }
      if (at <= last) ordered = false;
      last = at;
      const value = (input as Record<string, unknown>)[key];
      values[key] = value;
      if (accepted && value !== undefined && !rules[key]!(value)) accepted = false;
    }
    if (!ordered) {
      // zod's copy lists the known keys in the schema's order: so does this one.
      const sorted: Record<string, unknown> = {};
      for (const key of keys) if (Object.hasOwn(values, key)) sorted[key] = values[key];
      values = sorted;
    }
  } else {
    for (const key in input) {
      if (keys.includes(key)) continue;
      unknown ??= [];
      unknown.push(key);
    }
    for (const key of keys) {
      const value = (input as Record<string, unknown>)[key];
      if (value === undefined) continue;
      values[key] = value;
      if (accepted && !rules[key]!(value)) accepted = false;
    }
  }
  return accepted && unknown === undefined ? values : new Refused(values, unknown);
}

// The hand-written check run before zod on every call: the copy of `input` when each key is
// known and each value passes its rule (zod would accept it and return the same copy);
// `undefined` otherwise, and then zod decides and names the problem. Throws what reading
// `input` throws. (A line comment: the published declarations never mention zod.)
export function fastShape<T>(input: unknown, rules: Rules, keys: readonly string[]): T | undefined {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined;
  const read = readOptions(input, rules, keys);
  return read instanceof Refused ? undefined : (read as T);
}

/** One option object's parser: the zod schema, and the fast rules with their key order. */
interface Parser {
  readonly schema: z.ZodMiniType;
  readonly spec: Spec;
  readonly rules: Rules;
  readonly keys: readonly string[];
  readonly code: HxErrorCode;
  readonly what: string;
}

function parser(spec: Spec, code: HxErrorCode, what: string): Parser {
  return { schema: schemaOf(spec), spec, rules: rulesOf(spec), keys: Object.keys(spec), code, what };
}

const HX = parser(HX_SPEC, "invalid_option", "hx() option");
const TRIGGER = parser(TRIGGER_SPEC, "invalid_option", "trigger option");
const MODIFIERS = parser(MODIFIER_SPEC, "invalid_swap", "swap modifier");
const LOCATION_SWAP = parser(LOCATION_SWAP_SPEC, "invalid_swap", "swap option");
const LOCATION = parser(LOCATION_SPEC, "invalid_option", "location option");

/**
 * Parses `input` or throws `HxError` with a message naming the option. The input is read once
 * (`readOptions`); the rules and, when they refuse, zod see only that copy. An exception from
 * reading it (a getter, a Proxy trap) is the parser's code, with the exception as its cause.
 */
function parseWith<T>(p: Parser, input: unknown, site: Site): T {
  if (typeof input !== "object" || input === null || isArray(input)) {
    return fail(p.code, site, `${p.what}s must be an object, got ${describeType(input)}`);
  }
  let read: Record<string, unknown> | Refused;
  try {
    read = readOptions(input, p.rules, p.keys);
  } catch (cause) {
    // An exception from the caller's object is invalid_option whatever the option (API.md section 5).
    return fail("invalid_option", site, `${p.what}s could not be read (${describeError(cause)})`, cause);
  }
  if (!(read instanceof Refused)) return read as T;
  // zod names the first problem, in the copy; unknown keys are there without their values.
  const shown: Record<string, unknown> = Object.create(null);
  for (const key in read.values) shown[key] = read.values[key];
  for (const key of read.unknown ?? []) shown[key] = undefined;
  let issue: Issue | undefined;
  try {
    const result = p.schema.safeParse(shown);
    if (!result.success) issue = result.error.issues[0] as unknown as Issue;
  } catch {
    // a value whose prototype reads differently the second time (a Proxy)
  }
  return fail(
    p.code,
    site,
    issue === undefined ? `${p.what}s changed while they were read` : describeIssue(issue, shown, p),
  );
}

// The parsers below are what the rest of hxplan uses. They return the public option types
// (which mention no zod, so no declaration file does either); a location's `swap` object is
// checked later, by parseLocationSwap.

/** Loosely typed modifiers; their values are checked by swap.ts. */
export type ParsedModifiers = Readonly<Record<string, unknown>>;

/** Location options, checked but for the fields of a `swap` object. */
export type ParsedLocationOptions = Omit<LocationOptions, "swap"> & {
  readonly swap?: string | ParsedModifiers | undefined;
};

export function parseHxOptions(input: unknown, site: Site): HxOptions {
  return parseWith(HX, input, site);
}

export function parseTriggerOptions(input: unknown, site: Site): TriggerOptions {
  return parseWith(TRIGGER, input, site);
}

export function parseSwapModifiers(input: unknown, site: Site): ParsedModifiers {
  return parseWith(MODIFIERS, input, site);
}

export function parseLocationSwap(input: unknown, site: Site): ParsedModifiers {
  return parseWith(LOCATION_SWAP, input, site);
}

export function parseLocationOptions(input: unknown, site: Site): ParsedLocationOptions {
  return parseWith(LOCATION, input, site);
}

/** @internal The schemas with their fast rules, for the test that checks they agree. */
export const FAST_SHAPES: ReadonlyArray<readonly [z.ZodMiniType, Rules, readonly string[]]> = [
  HX,
  TRIGGER,
  MODIFIERS,
  LOCATION_SWAP,
  LOCATION,
].map((p) => [p.schema, p.rules, p.keys] as const);
