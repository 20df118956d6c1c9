// Hostile values for the fuzz suite: getters that throw or answer differently the second time,
// Proxies (lying, throwing, revoked), throwing toString/toJSON, cycles, sparse and typed
// arrays, lone surrogates, huge and deep data, look-alike URL and Hx objects.
//
// Arbitraries give recipes, not values: `make()` builds a fresh value for every call, so a
// getter's counter or a revoked Proxy is new each time fast-check runs (or replays) a case.
import fc from "fast-check";
import { Hx, hx } from "hxplan";

/** A way to build one hostile value, and a label for the counterexample report. */
export interface Recipe {
  readonly label: string;
  readonly make: () => unknown;
}

const recipe = (label: string, make: () => unknown): Recipe => ({ label, make });
const constant = (label: string, value: unknown): Recipe => recipe(label, () => value);

class Boom extends Error {
  override name = "Boom";
}
const boom = (): never => {
  throw new Boom("boom");
};

/** A Proxy whose every trap throws. */
export function throwingProxy(target: object = {}): object {
  return new Proxy(target, {
    get: boom,
    has: boom,
    ownKeys: boom,
    getOwnPropertyDescriptor: boom,
    getPrototypeOf: boom,
    set: boom,
    defineProperty: boom,
    deleteProperty: boom,
    apply: boom,
  });
}

/** A revoked Proxy: every operation on it throws a TypeError, even `Array.isArray`. */
export function revoked(target: object = {}): object {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}

/** A getter that answers `first` once and `then` afterwards. */
export function flipping(key: string, first: unknown, then: unknown, extra: object = {}): object {
  let reads = 0;
  return Object.defineProperty({ ...extra }, key, {
    enumerable: true,
    get: () => (reads++ === 0 ? first : then),
  });
}

/** A Proxy that hides `key` from `in` (and `hasOwnProperty`) but lists and reads it. */
export function hiding(target: Record<string, unknown>, key: string): object {
  return new Proxy(target, {
    has: (t, k) => k !== key && k in t,
  });
}

/** A Proxy that tells `getPrototypeOf` another prototype than its target has. */
export function lyingPrototype(proto: object | null, target: object = {}): object {
  return new Proxy(target, { getPrototypeOf: () => proto });
}

/** Nested `depth` levels deep: arrays or objects. */
export function deep(depth: number, kind: "array" | "object"): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = kind === "array" ? [value] : { a: value };
  return value;
}

const strings = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 8 }),
  fc.constantFrom(
    "\ud800",
    "a\udc00b",
    "\udbff\udfff",
    "é",
    "😀",
    " ",
    "",
    "\u0000",
    "\r\n",
    "#x",
    "/path",
    "//evil.com",
    "javascript:alert(1)",
    "https://example.com/é",
    "true",
    "false",
    "__proto__",
    "constructor",
    "toString",
    "prototype",
    "target",
    "elt",
    "cancelled",
    "outerHTML",
    "innerHTML swap:1s",
    "HX-Request",
    "*",
  ),
);

/** Primitive values, the hostile ones included (NaN, lone surrogates, symbols). */
export const primitive: fc.Arbitrary<Recipe> = fc.oneof(
  strings.map((s) => constant(JSON.stringify(s), s)),
  fc.double().map((n) => constant(String(n), n)),
  fc.integer({ min: -1000, max: 1000 }).map((n) => constant(String(n), n)),
  fc
    .constantFrom(0, -0, 1, 200, 286, 304, 404, 599, 600, 1.5, Number.NaN, Number.POSITIVE_INFINITY)
    .map((n) => constant(String(n), n)),
  fc.bigInt().map((n) => constant(`${n}n`, n)),
  fc.constantFrom(true, false, null, undefined, 2, 4).map((v) => constant(String(v), v)),
  fc.constant(recipe("Symbol()", () => Symbol("s"))),
);

/** Objects that attack by themselves, whatever they are used for. */
export const weird: fc.Arbitrary<Recipe> = fc.constantFrom(
  recipe("throwing getter", () => ({
    get x() {
      return boom();
    },
  })),
  recipe("getter 1 then NaN", () => flipping("x", 1, Number.NaN)),
  recipe("getter string then object", () => flipping("after", "swap", {})),
  recipe("throwing toString", () => ({ toString: boom, valueOf: boom })),
  recipe("throwing toPrimitive", () => ({ [Symbol.toPrimitive]: boom })),
  recipe("throwing toJSON", () => ({ toJSON: boom })),
  recipe("toJSON giving itself", () => ({
    toJSON() {
      return this;
    },
  })),
  recipe("function with throwing toString", () => Object.assign(() => 1, { toString: boom })),
  recipe("plain function", () => () => 1),
  recipe("throwing Proxy", () => throwingProxy()),
  recipe("throwing Proxy of an array", () => throwingProxy([])),
  recipe("throwing Proxy of a function", () => throwingProxy(() => 1)),
  recipe("revoked Proxy", () => revoked()),
  recipe("revoked Proxy of an array", () => revoked([])),
  recipe("revoked Proxy of a function", () => revoked(() => 1)),
  recipe("transparent Proxy", () => new Proxy({ a: 1 }, {})),
  recipe("Proxy hiding cancelled", () => hiding({ cancelled: true, a: 1 }, "cancelled")),
  recipe("Proxy hiding elt", () => hiding({ elt: 1 }, "elt")),
  recipe("Proxy hiding target", () => hiding({ target: "#x y" }, "target")),
  recipe("Proxy claiming Date", () => lyingPrototype(Date.prototype)),
  recipe("Proxy claiming URL", () => lyingPrototype(URL.prototype)),
  recipe("Proxy claiming Hx", () => lyingPrototype(Hx.prototype)),
  recipe("Proxy claiming Array", () => lyingPrototype(Array.prototype)),
  recipe("Proxy claiming Map", () => lyingPrototype(Map.prototype)),
  recipe(
    "Proxy breaking ownKeys invariants",
    () => new Proxy(Object.preventExtensions({ a: 1 }), { ownKeys: () => ["b"] }),
  ),
  recipe("Proxy with duplicate ownKeys", () => new Proxy({}, { ownKeys: () => ["a", "a"] })),
  recipe("look-alike URL", () => Object.create(URL.prototype)),
  recipe("URL", () => new URL("https://example.com/a b/é")),
  recipe("URL with javascript:", () => new URL("javascript:alert(1)")),
  recipe("look-alike Hx", () => Object.create(Hx.prototype)),
  recipe("Hx-shaped object", () => ({ toHeaders: () => ({}), statusCode: 200, htmx: 2 })),
  recipe("Proxy of a plan", () => new Proxy(hx().trigger("a"), {})),
  recipe("real plan", () => hx().trigger("p", { n: 1 })),
  recipe("htmx 4 plan", () => hx({ htmx: 4 }).trigger("p")),
  recipe("look-alike Date", () => Object.create(Date.prototype)),
  recipe("invalid Date", () => new Date(Number.NaN)),
  recipe("Date", () => new Date(0)),
  recipe("look-alike Map", () => Object.create(Map.prototype)),
  recipe(
    "Map with colliding keys",
    () =>
      new Map<unknown, unknown>([
        [{}, 1],
        [{}, 2],
      ]),
  ),
  recipe("Map with throwing key", () => new Map([[{ toString: boom }, 1]])),
  recipe(
    "Map",
    () =>
      new Map<unknown, unknown>([
        ["k", "é"],
        [1, [2]],
      ]),
  ),
  recipe("Set", () => new Set([1, "\ud800", null])),
  recipe("boxed", () => [new Number(1), new String("s"), new Boolean(false)]),
  recipe("boxed with throwing valueOf", () => Object.assign(new Number(1), { valueOf: boom })),
  recipe("null prototype", () => Object.assign(Object.create(null), { a: "é", target: undefined })),
  recipe("null prototype, empty", () => Object.create(null)),
  recipe(
    "class instance",
    () =>
      new (class Point {
        x = 1;
        get y() {
          return boom();
        }
      })(),
  ),
  recipe("symbol keys", () => ({ [Symbol("s")]: 1, a: 2 })),
  recipe("own __proto__ key", () => JSON.parse('{"__proto__":{"polluted":1},"a":1}')),
  recipe("constructor key", () => ({ constructor: { prototype: { polluted: 1 } } })),
  recipe("cycle", () => {
    const o: Record<string, unknown> = { a: 1 };
    o.self = o;
    return o;
  }),
  recipe("array cycle", () => {
    const a: unknown[] = [1];
    a.push(a);
    return a;
  }),
  recipe("Map cycle", () => {
    const m = new Map<string, unknown>();
    m.set("m", m);
    return m;
  }),
  recipe("sparse array", () => {
    const a = [1, 2, 3];
    delete a[1];
    return a;
  }),
  recipe("array with endless iterator", () =>
    Object.assign(["a"], {
      *[Symbol.iterator]() {
        for (;;) yield "x";
      },
    }),
  ),
  recipe("array with extra key", () => Object.assign([1, 2], { extra: 3 })),
  recipe("typed array", () => new Uint8Array([1, 2, 3])),
  recipe("DataView", () => new DataView(new ArrayBuffer(4))),
  recipe("watched keys", () => ({ target: "#t", elt: 1, cancelled: true })),
  recipe("cancelled false", () => ({ cancelled: false, a: [1, { b: "é" }] })),
  recipe("target not a selector", () => ({ target: "" })),
  recipe("target an object", () => ({ target: { x: 1 } })),
  recipe("headers record with numbers", () => ({ "X-A": 1, "HX-Trigger": "a, b" })),
  recipe("headers record with an object", () => ({ "X-A": {} })),
  recipe("headers record with a symbol", () => ({ "X-A": Symbol("s") })),
  recipe("headers record with a bad name", () => ({ "a b": "x" })),
  recipe("headers record with a line break", () => ({ "X-A": "a\r\nb" })),
  recipe("headers record with string[]", () => ({ Vary: ["A", "B"], "HX-Trigger": ['{"a":{}}', "b"] })),
  recipe("header pairs", () => [
    ["HX-Trigger", '{"a":{}}'],
    ["Vary", "A"],
  ]),
  recipe("broken header pairs", () => [["HX-Trigger"], "x", [1, 2, 3]]),
  recipe("Headers", () => new Headers({ "HX-Trigger": "a", Vary: "Accept" })),
  recipe("Headers with throwing iterator", () =>
    Object.assign(new Headers({ a: "b" }), { [Symbol.iterator]: boom, entries: boom }),
  ),
  recipe("existing HX-Trigger, not JSON", () => ({ "HX-Trigger": "{bad" })),
);

/**
 * Big values: over the default maxHeaderBytes, deeper than any stack-bound recursion goes, or
 * claiming 2 ** 32 - 1 items. Costly to build, so the fuzzer picks them less often.
 */
export const huge: fc.Arbitrary<Recipe> = fc.constantFrom(
  recipe("huge sparse array", () => {
    const a: unknown[] = [];
    a.length = 2 ** 32 - 1;
    return a;
  }),
  recipe("huge typed array", () => new Float64Array(50_000)),
  recipe("huge string", () => "x".repeat(20_000)),
  recipe("huge non-ASCII string", () => "é".repeat(5_000)),
  recipe("huge array", () => Array.from({ length: 5_000 }, (_, i) => i)),
  recipe("huge object", () => Object.fromEntries(Array.from({ length: 3_000 }, (_, i) => [`k${i}`, i]))),
  recipe("deep array", () => deep(20_000, "array")),
  recipe("deep object", () => deep(20_000, "object")),
  recipe("deep object, 600", () => deep(600, "object")),
  recipe("deep array, 500", () => deep(500, "array")),
  recipe("existing HX-Trigger, deep", () => ({
    "HX-Trigger": `{"a":${"[".repeat(3000)}${"]".repeat(3000)}}`,
  })),
);

/** Any hostile value: a primitive, a weird object, or a container of them (nested a little). */
export const hostile: fc.Arbitrary<Recipe> = fc.letrec<{ value: Recipe }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { arbitrary: primitive, weight: 4 },
    { arbitrary: weird, weight: 6 },
    { arbitrary: huge, weight: 1 },
    fc
      .array(tie("value"), { maxLength: 4 })
      .map((items) => recipe(`[${items.map((i) => i.label).join(", ")}]`, () => items.map((i) => i.make()))),
    fc.array(fc.tuple(strings, tie("value")), { maxLength: 4 }).map((entries) =>
      recipe(`{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${v.label}`).join(", ")}}`, () => {
        // defineProperty, so a "__proto__" key is an own key, as JSON.parse makes it
        const out: Record<string, unknown> = {};
        for (const [k, v] of entries) {
          Object.defineProperty(out, k, {
            value: v.make(),
            enumerable: true,
            configurable: true,
            writable: true,
          });
        }
        return out;
      }),
    ),
  ),
})).value;

/** Option objects: known keys (and a few unknown ones) with hostile values, or a hostile value. */
export function options(keys: readonly string[]): fc.Arbitrary<Recipe> {
  const key = fc.constantFrom(...keys, ...keys, "handler", "__proto__", "toString");
  return fc.oneof(
    fc.constant(constant("undefined", undefined)),
    hostile,
    fc.array(fc.tuple(key, fc.oneof(hostile, primitive)), { maxLength: 4 }).map((entries) =>
      recipe(`{${entries.map(([k, v]) => `${k}: ${v.label}`).join(", ")}}`, () => {
        const out: Record<string, unknown> = {};
        for (const [k, v] of entries) {
          Object.defineProperty(out, k, {
            value: v.make(),
            enumerable: true,
            configurable: true,
            writable: true,
          });
        }
        return out;
      }),
    ),
    fc.array(fc.tuple(key, hostile), { maxLength: 3 }).map((entries) =>
      recipe(`getters {${entries.map(([k, v]) => `${k}: ${v.label}`).join(", ")}}`, () => {
        const out: Record<string, unknown> = {};
        for (const [k, v] of entries) {
          let reads = 0;
          Object.defineProperty(out, k, {
            enumerable: true,
            configurable: true,
            // the first read gives the value, later reads something else
            get: () => (reads++ === 0 ? v.make() : Symbol("second read")),
          });
        }
        return out;
      }),
    ),
  );
}

export const HX_OPTION_KEYS = ["htmx", "encoder", "swapStyles", "maxHeaderBytes"] as const;
export const TRIGGER_OPTION_KEYS = ["after", "target", "encoder"] as const;
export const SWAP_KEYS = [
  "style",
  "swap",
  "settle",
  "transition",
  "ignoreTitle",
  "focusScroll",
  "scroll",
  "scrollTarget",
  "show",
  "showTarget",
  "strip",
  "swapEmpty",
  "target",
] as const;
export const LOCATION_KEYS = [
  "source",
  "event",
  "target",
  "swap",
  "select",
  "selectOOB",
  "values",
  "headers",
  "push",
  "replace",
] as const;
export const INIT_KEYS = ["status", "statusText", "headers"] as const;
