import { hx } from "hxplan";
import { describe, expect, it } from "vitest";
import { expectHxError, h, isPrintableAscii } from "./helpers.js";

const T = "HX-Trigger";
const enc = (v: unknown) => h(hx().trigger("e", { v }))[T];
const detail = (v: unknown) => JSON.parse(enc(v)).e.v;

describe("ASCII escaping", () => {
  it("characters above U+007E are lowercase \\uXXXX", () => {
    expect(enc("é")).toBe('{"e":{"v":"\\u00e9"}}');
    expect(enc("€")).toBe('{"e":{"v":"\\u20ac"}}');
    expect(enc("\u00ff")).toBe('{"e":{"v":"\\u00ff"}}');
    expect(enc("\uabcd")).toBe('{"e":{"v":"\\uabcd"}}');
  });
  it("U+007F (DEL) is escaped", () => {
    expect(enc("\u007f")).toBe('{"e":{"v":"\\u007f"}}');
  });
  it("U+007E stays literal", () => {
    expect(enc("~")).toBe('{"e":{"v":"~"}}');
  });
  it("astral characters become lowercase surrogate pairs", () => {
    expect(enc("😀")).toBe('{"e":{"v":"\\ud83d\\ude00"}}');
  });
  it("lone surrogates are escaped and round-trip", () => {
    expect(enc("\ud800")).toBe('{"e":{"v":"\\ud800"}}');
    expect(detail("a\udc00b")).toBe("a\udc00b");
  });
  it("control characters in params are JSON data (escaped), not errors", () => {
    const v = enc("a\u0000b\nc\u001f\t");
    expect(isPrintableAscii(v)).toBe(true);
    expect(detail("a\u0000b\nc\u001f\t")).toBe("a\u0000b\nc\u001f\t");
  });
  it("non-ASCII keys are escaped too", () => {
    expect(h(hx().trigger("e", { ключ: 1 }))[T]).toBe('{"e":{"\\u043a\\u043b\\u044e\\u0447":1}}');
  });
  it("quotes and backslashes round-trip", () => {
    expect(detail('a"b\\c')).toBe('a"b\\c');
  });
  it("round-trip property: JSON.parse gives back the original strings", () => {
    const s = "héllo wörld € 😀 \u2028\u2029 \u0085 \ufeff";
    expect(detail(s)).toBe(s);
    expect(isPrintableAscii(enc(s))).toBe(true);
  });
  it("no spaces in output JSON", () => {
    expect(h(hx().trigger("e", { a: [1, { b: 2 }], c: "x" }))[T]).toBe('{"e":{"a":[1,{"b":2}],"c":"x"}}');
  });
});

describe("built-in encoding", () => {
  it("Date → ISO string", () => {
    expect(enc(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)))).toBe('{"e":{"v":"2024-01-02T03:04:05.006Z"}}');
  });
  it("invalid Date → unserializable with path", () => {
    expectHxError(() => hx().trigger("e", { user: { born: new Date(Number.NaN) } }), {
      code: "unserializable",
      msg: ["params.user.born"],
    });
  });
  it("bigint → decimal string", () => {
    expect(enc(10n)).toBe('{"e":{"v":"10"}}');
    expect(enc(-9007199254740993n)).toBe('{"e":{"v":"-9007199254740993"}}');
  });
  it("Map → object", () => {
    expect(
      enc(
        new Map<unknown, unknown>([
          ["a", 1],
          ["b", new Map([["c", 2]])],
        ]),
      ),
    ).toBe('{"e":{"v":{"a":1,"b":{"c":2}}}}');
  });
  it("Map with number keys → object with string keys", () => {
    expect(detail(new Map([[1, "x"]]))).toEqual({ 1: "x" });
  });
  it("Set → array", () => {
    expect(enc(new Set(["a", "b"]))).toBe('{"e":{"v":["a","b"]}}');
  });
  it("URL → href", () => {
    expect(enc(new URL("https://example.com/a b"))).toBe('{"e":{"v":"https://example.com/a%20b"}}');
  });
  it("toJSON() is used", () => {
    expect(enc({ toJSON: () => ({ z: 1 }) })).toBe('{"e":{"v":{"z":1}}}');
  });
  it("toJSON receives the key (like JSON.stringify)", () => {
    const seen: unknown[] = [];
    enc({
      toJSON(k: unknown) {
        seen.push(k);
        return 1;
      },
    });
    expect(seen).toEqual(["v"]);
  });
  it("Date inside Map/Set/array", () => {
    expect(enc([new Date(0)])).toBe('{"e":{"v":["1970-01-01T00:00:00.000Z"]}}');
    expect(enc(new Set([new Date(0)]))).toBe('{"e":{"v":["1970-01-01T00:00:00.000Z"]}}');
  });
  it("undefined properties are omitted", () => {
    expect(h(hx().trigger("e", { a: undefined, b: 1 }))[T]).toBe('{"e":{"b":1}}');
  });
  it("all properties undefined → {}", () => {
    expect(h(hx().trigger("e", { a: undefined }))[T]).toBe('{"e":{}}');
  });
  // BUG: boxed Number/String/Boolean are encoded as objects ({} / {"0":"s"}) instead of unwrapped as JSON does
  it("boxed primitives like JSON", () => {
    expect(detail([new Number(1), new String("s"), new Boolean(false)])).toEqual([1, "s", false]);
  });
  it("negative zero → 0", () => {
    expect(enc(-0)).toBe('{"e":{"v":0}}');
  });
  it("plain nested data", () => {
    expect(detail({ a: [1, [2, [3]]], b: { c: { d: null } } })).toEqual({
      a: [1, [2, [3]]],
      b: { c: { d: null } },
    });
  });
  it("same object referenced twice (not a cycle) is fine", () => {
    const shared = { x: 1 };
    expect(detail({ a: shared, b: shared })).toEqual({ a: { x: 1 }, b: { x: 1 } });
  });
  it("Object.create(null) objects are encoded", () => {
    const o = Object.create(null);
    o.a = 1;
    expect(detail(o)).toEqual({ a: 1 });
  });
  it("symbol-keyed properties are ignored like JSON", () => {
    expect(detail({ a: 1, [Symbol("s")]: 2 })).toEqual({ a: 1 });
  });
});

describe("unserializable values, with path", () => {
  it("NaN", () => {
    expectHxError(() => hx().trigger("e", { x: Number.NaN }), { code: "unserializable", msg: ["params.x"] });
  });
  it("Infinity / -Infinity", () => {
    expectHxError(() => hx().trigger("e", { x: Number.POSITIVE_INFINITY }), {
      code: "unserializable",
      msg: ["params.x"],
    });
    expectHxError(() => hx().trigger("e", { x: Number.NEGATIVE_INFINITY }), {
      code: "unserializable",
      msg: ["params.x"],
    });
  });
  it("function property", () => {
    expectHxError(() => hx().trigger("e", { f: () => 1 }), { code: "unserializable", msg: ["params.f"] });
  });
  it("symbol property", () => {
    expectHxError(() => hx().trigger("e", { s: Symbol("x") }), { code: "unserializable", msg: ["params.s"] });
  });
  it("undefined inside array → path with index", () => {
    expectHxError(() => hx().trigger("e", { items: [1, 2, undefined] }), {
      code: "unserializable",
      msg: ["params.items[2]"],
    });
  });
  it("sparse array hole is undefined in array", () => {
    // biome-ignore lint/suspicious/noSparseArray: testing holes
    expectHxError(() => hx().trigger("e", { items: [1, , 3] }), {
      code: "unserializable",
      msg: ["params.items[1]"],
    });
  });
  it("function inside array", () => {
    expectHxError(() => hx().trigger("e", { items: [() => 1] }), {
      code: "unserializable",
      msg: ["params.items[0]"],
    });
  });
  it("cycle", () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expectHxError(() => hx().trigger("e", { a }), { code: "unserializable", msg: ["params.a.self"] });
  });
  it("cycle through array", () => {
    const arr: unknown[] = [];
    arr.push(arr);
    expectHxError(() => hx().trigger("e", arr), { code: "unserializable", msg: ["params[0]"] });
  });
  it("NaN at top level", () => {
    expectHxError(() => hx().trigger("e", Number.NaN), { code: "unserializable", msg: ["params"] });
  });
  it("function at top level", () => {
    expectHxError(() => hx().trigger("e", () => 1), { code: "unserializable" });
  });
  it("symbol at top level", () => {
    expectHxError(() => hx().trigger("e", Symbol("x")), { code: "unserializable" });
  });
  it("NaN in Map value", () => {
    expectHxError(() => hx().trigger("e", { m: new Map([["k", Number.NaN]]) }), {
      code: "unserializable",
      msg: ["params.m"],
    });
  });
  it("NaN in Set", () => {
    expectHxError(() => hx().trigger("e", { s: new Set([Number.NaN]) }), {
      code: "unserializable",
      msg: ["params.s"],
    });
  });
  it("toJSON returning NaN", () => {
    expectHxError(() => hx().trigger("e", { x: { toJSON: () => Number.NaN } }), {
      code: "unserializable",
      msg: ["params.x"],
    });
  });
  // BUG (ambiguous in API.md): an exception thrown by toJSON escapes as a raw Error, not HxError unserializable
  it("toJSON throwing → unserializable", () => {
    expectHxError(
      () =>
        hx().trigger("e", {
          x: {
            toJSON() {
              throw new Error("boom");
            },
          },
        }),
      { code: "unserializable", msg: ["params.x"] },
    );
  });
  it("key with special characters uses a clear path", () => {
    const err = expectHxError(() => hx().trigger("e", { "a b": { c: Number.NaN } }), {
      code: "unserializable",
    });
    expect(err.message).toMatch(/params(\["a b"\]|\.a b|\['a b'\])\.c/);
  });
  it("error names the method and the header", () => {
    expectHxError(() => hx().trigger("e", { x: Number.NaN }, { after: "settle" }), {
      code: "unserializable",
      header: "HX-Trigger-After-Settle",
      msg: ["trigger", "HX-Trigger-After-Settle"],
    });
  });
  it("location values are encoded with the same rules", () => {
    expectHxError(() => hx().location("/x", { values: { a: Number.NaN } }), {
      code: "unserializable",
      header: "HX-Location",
    });
  });
  it("plan unchanged after an unserializable error", () => {
    const base = hx().trigger("a");
    expect(() => base.trigger("b", { x: Number.NaN })).toThrow();
    expect(h(base)[T]).toBe('{"a":{}}');
  });
});
