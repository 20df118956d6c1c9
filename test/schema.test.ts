// The fast paths of the option schemas (src/schema.ts) and of the encoders they guard (plain
// JSON params, plain paths, simple selectors, option shapes checked before zod) must give
// exactly what the general code gives: the same header text, or the same error code and message.

import fc from "fast-check";
import { type Hx, hx } from "hxplan";
import { describe, expect, it } from "vitest";
import { FAST_SHAPES, fastShape } from "../src/schema.js";

/** The header text, or the error's code and message. */
function outcome(build: () => Hx): unknown {
  try {
    return build().toHeaders();
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { code: e.code, message: e.message };
  }
}

// A replacer that changes nothing forces the general encoder for the same params.
const identity = (_key: string, value: unknown): unknown => value;

const anyString = fc.string({ unit: "binary", maxLength: 8 });
const leaf = fc.oneof(
  anyString,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(-0),
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.constant(10n),
  fc.constant(new Date(0)),
  fc.constant(new Date(Number.NaN)),
  fc.constant(() => 1),
  fc.constant(Symbol("s")),
);
const key = fc.oneof(fc.constantFrom("id", "target", "elt", "__proto__", "toJSON", "0"), anyString);
const data = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    leaf,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(key, tie("value"), { maxKeys: 3 }),
  ),
})).value;

describe("fast paths agree with the general code", () => {
  it("trigger params: plain data gives the same detail as through a replacer", () => {
    fc.assert(
      fc.property(data, fc.constantFrom<2 | 4>(2, 4), (params, htmx) => {
        expect(outcome(() => hx({ htmx }).trigger("e", params))).toEqual(
          outcome(() => hx({ htmx, encoder: identity }).trigger("e", params)),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it("trigger params: deep nesting and cycles", () => {
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let i = 0; i < 12; i++) at = at.next = { i } as Record<string, unknown>;
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = [cycle];
    const holes = [1, 2, 3];
    delete holes[1];
    for (const params of [
      deep,
      cycle,
      holes,
      Object.create(null),
      Object.assign(Object.create(null), { a: "é" }),
    ]) {
      expect(outcome(() => hx().trigger("e", params))).toEqual(
        outcome(() => hx({ encoder: identity }).trigger("e", params)),
      );
    }
  });

  it("simple event names are written as JSON writes them", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\w.:-]{1,10}$/), (name) => {
        expect(hx().trigger(name).toHeaders()["HX-Trigger"]).toBe(`{${JSON.stringify(name)}:{}}`);
      }),
    );
  });

  it("simple selectors and plain paths come out unchanged", () => {
    fc.assert(
      // An id or class name must be a CSS ident (`#2a` and `.-1` are not; test/selector.test.ts).
      fc.property(fc.stringMatching(/^[#.]-?[A-Za-z_][\w-]{0,7}$/), (selector) => {
        expect(hx().retarget(selector).toHeaders()["HX-Retarget"]).toBe(selector);
        expect(hx().reselect(selector).toHeaders()["HX-Reselect"]).toBe(selector);
        expect(hx().trigger("e", {}, { target: selector }).toHeaders()["HX-Trigger"]).toBe(
          `{"e":{"target":${JSON.stringify(selector)}}}`,
        );
      }),
    );
    fc.assert(
      // A second slash or backslash at the start is another origin (unsafe_url, test/encode.test.ts).
      fc.property(fc.stringMatching(/^\/[!-$&-.0-[\]-~][!-$&-~]{0,11}$/), (path) => {
        expect(hx().pushUrl(path).toHeaders()["HX-Push-Url"]).toBe(path);
        expect(hx().redirect(path).toHeaders()["HX-Redirect"]).toBe(path);
      }),
    );
  });
});
describe("option shapes checked before zod", () => {
  const keys = fc.constantFrom(
    ...["htmx", "encoder", "swapStyles", "maxHeaderBytes", "after", "target", "swap", "settle"],
    ...["transition", "ignoreTitle", "focusScroll", "scroll", "scrollTarget", "show", "showTarget"],
    ...["strip", "swapEmpty", "__proto__", "toString", "other"],
  );
  const values = fc.oneof(
    fc.constantFrom(2, 4, 3, 0, -1, 100, Number.NaN, Number.POSITIVE_INFINITY, "1s", "top", "bottom"),
    fc.constantFrom("none", "receive", "swap", "settle", "#x", true, false, null, undefined, identity),
    fc.constantFrom([], ["upsert"], [1], {}, new Date(0)),
  );
  const input = fc.oneof(
    fc.dictionary(keys, values, { maxKeys: 4 }),
    fc.constantFrom(null, undefined, [], "x", 1, Object.create({ swap: 1 })),
  );

  it("accept only what zod accepts, and return what zod returns", () => {
    fc.assert(
      fc.property(input, (value) => {
        for (const [schema, rules, allowed] of FAST_SHAPES) {
          const fast = fastShape(value, rules, allowed);
          if (fast === undefined) continue;
          const slow = schema.safeParse(value);
          expect(slow.success).toBe(true);
          expect(fast).toStrictEqual(slow.data);
          expect(Object.keys(fast as object)).toEqual(Object.keys(slow.data as object));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("cover every key of their schema", () => {
    for (const [schema, rules, allowed] of FAST_SHAPES) {
      expect(Object.keys(rules).sort()).toEqual(
        Object.keys((schema as unknown as { def: { shape: object } }).def.shape).sort(),
      );
      expect(allowed.length).toBe(Object.keys(rules).length);
    }
  });
});
