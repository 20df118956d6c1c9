import { hx } from "hxplan";
import { describe, expect, it } from "vitest";
import { expectHxError, h, isPrintableAscii } from "./helpers.js";

const T = "HX-Trigger";

describe("trigger detail", () => {
  it("params omitted → {}", () => {
    expect(h(hx().trigger("a"))[T]).toBe('{"a":{}}');
  });
  it("params undefined explicitly → {}", () => {
    expect(h(hx().trigger("a", undefined))[T]).toBe('{"a":{}}');
  });
  it("object params are the detail, compact JSON", () => {
    expect(h(hx().trigger("a", { x: 1, y: "two", z: [1, 2], n: null, b: true }))[T]).toBe(
      '{"a":{"x":1,"y":"two","z":[1,2],"n":null,"b":true}}',
    );
  });
  it("string params → {value: ...}", () => {
    expect(h(hx().trigger("a", "hi"))[T]).toBe('{"a":{"value":"hi"}}');
  });
  it("number params → {value: ...}", () => {
    expect(h(hx().trigger("a", 42))[T]).toBe('{"a":{"value":42}}');
  });
  it("boolean params → {value: ...}", () => {
    expect(h(hx().trigger("a", false))[T]).toBe('{"a":{"value":false}}');
  });
  it("null params → {value: null}", () => {
    expect(h(hx().trigger("a", null))[T]).toBe('{"a":{"value":null}}');
  });
  it("array params → {value: [...]}", () => {
    expect(h(hx().trigger("a", [1, "b"]))[T]).toBe('{"a":{"value":[1,"b"]}}');
  });
  it("empty object params → {}", () => {
    expect(h(hx().trigger("a", {}))[T]).toBe('{"a":{}}');
  });
  it("params whose encoding is an array (Set) → {value: [...]}", () => {
    expect(h(hx().trigger("a", new Set([1, 2])))[T]).toBe('{"a":{"value":[1,2]}}');
  });
  it("params whose encoding is an object (Map) → the object", () => {
    expect(h(hx().trigger("a", new Map([["k", 1]])))[T]).toBe('{"a":{"k":1}}');
  });
  it("params whose encoding is a string (Date) → {value: iso}", () => {
    expect(h(hx().trigger("a", new Date(0)))[T]).toBe('{"a":{"value":"1970-01-01T00:00:00.000Z"}}');
  });
  it("params whose toJSON returns null → {value:null}", () => {
    expect(h(hx().trigger("a", { toJSON: () => null }))[T]).toBe('{"a":{"value":null}}');
  });
  it("bigint params → {value: decimal string}", () => {
    expect(h(hx().trigger("a", 12345678901234567890n))[T]).toBe('{"a":{"value":"12345678901234567890"}}');
  });
  it("params are encoded at call time", () => {
    const params = { n: 1, list: [1] };
    const p = hx().trigger("a", params);
    params.n = 2;
    params.list.push(2);
    expect(h(p)[T]).toBe('{"a":{"n":1,"list":[1]}}');
  });
  it("multiple events: call order, one header line", () => {
    expect(h(hx().trigger("a").trigger("b", { x: 1 }).trigger("c"))[T]).toBe('{"a":{},"b":{"x":1},"c":{}}');
  });
  it("same name twice: later params win, first position kept", () => {
    expect(h(hx().trigger("a", { v: 1 }).trigger("b").trigger("a", { v: 2 }))[T]).toBe(
      '{"a":{"v":2},"b":{}}',
    );
  });
  it("same name in different timings (htmx 2) are separate headers", () => {
    expect(h(hx().trigger("a", { v: 1 }).trigger("a", { v: 2 }, { after: "settle" }))).toEqual({
      "HX-Trigger": '{"a":{"v":1}}',
      "HX-Trigger-After-Settle": '{"a":{"v":2}}',
    });
  });
  it("three timings under htmx 2", () => {
    expect(
      h(
        hx()
          .trigger("r")
          .trigger("s", undefined, { after: "swap" })
          .trigger("t", undefined, { after: "settle" }),
      ),
    ).toEqual({
      "HX-Trigger": '{"r":{}}',
      "HX-Trigger-After-Swap": '{"s":{}}',
      "HX-Trigger-After-Settle": '{"t":{}}',
    });
  });
});

describe("trigger target", () => {
  it("options.target becomes detail.target, written last", () => {
    expect(h(hx().trigger("a", { x: 1, y: 2 }, { target: "#t" }))[T]).toBe(
      '{"a":{"x":1,"y":2,"target":"#t"}}',
    );
  });
  it("options.target with no params → {target}", () => {
    expect(h(hx().trigger("a", undefined, { target: "#t" }))[T]).toBe('{"a":{"target":"#t"}}');
  });
  it("options.target with primitive params → {value, target}", () => {
    expect(h(hx().trigger("a", 5, { target: "#t" }))[T]).toBe('{"a":{"value":5,"target":"#t"}}');
  });
  it("params.target is treated the same way (moved last)", () => {
    expect(h(hx().trigger("a", { target: "#t", x: 1 }))[T]).toBe('{"a":{"x":1,"target":"#t"}}');
  });
  it("params.target must be a valid selector", () => {
    expectHxError(() => hx().trigger("a", { target: "" }), { code: "invalid_selector" });
    expectHxError(() => hx().trigger("a", { target: "  " }), { code: "invalid_selector" });
  });
  it("params.target that is not a string is rejected", () => {
    expect(() => hx().trigger("a", { target: 5 })).toThrow();
    expect(() => hx().trigger("a", { target: null })).toThrow();
  });
  it("both options.target and params.target → invalid_option", () => {
    expectHxError(() => hx().trigger("a", { target: "#x" }, { target: "#y" }), { code: "invalid_option" });
  });
  it("options.target invalid selector → invalid_selector", () => {
    expectHxError(() => hx().trigger("a", {}, { target: "" }), { code: "invalid_selector" });
    expectHxError(() => hx().trigger("a", {}, { target: "#a\nb" }), { code: "invalid_selector" });
  });
  it("options.target extended selector (closest) is invalid_selector (plain CSS only)", () => {
    expectHxError(() => hx().trigger("a", {}, { target: "closest tr" }), { code: "invalid_selector" });
  });
  it("non-ASCII target uses JSON escapes", () => {
    expect(h(hx().trigger("a", undefined, { target: "#café" }))[T]).toBe('{"a":{"target":"#caf\\u00e9"}}');
  });
  it("targeted events are written after untargeted ones", () => {
    expect(
      h(hx().trigger("a", undefined, { target: "#t" }).trigger("b").trigger("c", { target: "#u" }))[T],
    ).toBe('{"b":{},"a":{"target":"#t"},"c":{"target":"#u"}}');
  });
  it("targeted events last also after merging", () => {
    const p1 = hx().trigger("a", undefined, { target: "#t" });
    const p2 = hx().trigger("b");
    expect(h(p1.merge(p2))[T]).toBe('{"b":{},"a":{"target":"#t"}}');
  });
  it("re-triggering a targeted name without target: position among untargeted", () => {
    const v = h(hx().trigger("a", undefined, { target: "#t" }).trigger("b").trigger("a"))[T];
    // 'a' no longer carries a target; no targeted event may precede an untargeted one
    const parsed = JSON.parse(v);
    expect(parsed).toEqual({ a: {}, b: {} });
  });
  it("re-triggering an untargeted name with a target moves it after untargeted events", () => {
    const v = h(hx().trigger("a").trigger("b").trigger("a", undefined, { target: "#t" }))[T];
    expect(v).toBe('{"b":{},"a":{"target":"#t"}}');
  });
  it("htmx 2: targeted event named as array index is invalid_event_name", () => {
    expectHxError(() => hx().trigger("0", undefined, { target: "#t" }), { code: "invalid_event_name" });
    expectHxError(() => hx().trigger("17", { target: "#t" }), { code: "invalid_event_name" });
  });
  it("htmx 2: untargeted array-index name is fine", () => {
    expect(h(hx().trigger("17"))[T]).toBe('{"17":{}}');
  });
  it("htmx 2: non-index numeric-ish names with target are fine", () => {
    expect(h(hx().trigger("01", undefined, { target: "#t" }))[T]).toBe('{"01":{"target":"#t"}}');
    expect(h(hx().trigger("-1", undefined, { target: "#t" }))[T]).toBe('{"-1":{"target":"#t"}}');
    expect(h(hx().trigger("1.5", undefined, { target: "#t" }))[T]).toBe('{"1.5":{"target":"#t"}}');
  });
  it("htmx 4: targeted array-index name is allowed", () => {
    expect(h(hx({ htmx: 4 }).trigger("0", undefined, { target: "#t" }))[T]).toBe('{"0":{"target":"#t"}}');
  });
  it("htmx 2: elt key in params → invalid_option", () => {
    expectHxError(() => hx().trigger("a", { elt: 1 }), { code: "invalid_option" });
  });
  it("htmx 4: elt key in params is kept", () => {
    expect(h(hx({ htmx: 4 }).trigger("a", { elt: 1 }))[T]).toBe('{"a":{"elt":1}}');
  });
  it("htmx 2: elt key nested deeper is fine", () => {
    expect(h(hx().trigger("a", { x: { elt: 1 } }))[T]).toBe('{"a":{"x":{"elt":1}}}');
  });
});

describe("htmx 4 folding", () => {
  const p4 = () => hx({ htmx: 4 });
  it("all timings go into HX-Trigger in call order", () => {
    expect(
      h(
        p4()
          .trigger("s", undefined, { after: "swap" })
          .trigger("r")
          .trigger("t", { x: 1 }, { after: "settle" }),
      ),
    ).toEqual({ "HX-Trigger": '{"s":{},"r":{},"t":{"x":1}}' });
  });
  it("same name in two timings: later params win, first position kept", () => {
    expect(h(p4().trigger("a", { v: 1 }).trigger("b").trigger("a", { v: 2 }, { after: "settle" }))).toEqual({
      "HX-Trigger": '{"a":{"v":2},"b":{}}',
    });
  });
  it("after-swap with redirect is fine under htmx 4", () => {
    expect(h(p4().trigger("a", undefined, { after: "swap" }).redirect("/x"))).toEqual({
      "HX-Trigger": '{"a":{}}',
      "HX-Redirect": "/x",
    });
  });
  it("after-settle with status(204) is fine under htmx 4", () => {
    const p = p4().trigger("a", undefined, { after: "settle" }).status(204);
    expect(p.statusCode).toBe(204);
  });
});

describe("htmx 2: after-swap/settle need a swap", () => {
  const afterSwap = () => hx().trigger("a", undefined, { after: "swap" });
  const afterSettle = () => hx().trigger("a", undefined, { after: "settle" });
  it("after-swap then redirect → invalid_option", () => {
    expectHxError(() => afterSwap().redirect("/x"), { code: "invalid_option" });
  });
  it("after-settle then refresh → invalid_option", () => {
    expectHxError(() => afterSettle().refresh(), { code: "invalid_option" });
  });
  it("after-swap then location → invalid_option", () => {
    expectHxError(() => afterSwap().location("/x"), { code: "invalid_option" });
  });
  it("after-settle then status(204) → invalid_option", () => {
    expectHxError(() => afterSettle().status(204), { code: "invalid_option" });
  });
  it("redirect then after-swap → invalid_option", () => {
    expectHxError(() => hx().redirect("/x").trigger("a", undefined, { after: "swap" }), {
      code: "invalid_option",
    });
  });
  it("refresh then after-settle → invalid_option", () => {
    expectHxError(() => hx().refresh().trigger("a", undefined, { after: "settle" }), {
      code: "invalid_option",
    });
  });
  it("location then after-swap → invalid_option", () => {
    expectHxError(() => hx().location("/x").trigger("a", undefined, { after: "swap" }), {
      code: "invalid_option",
    });
  });
  it("status(204) then after-swap → invalid_option", () => {
    expectHxError(() => hx().status(204).trigger("a", undefined, { after: "swap" }), {
      code: "invalid_option",
    });
  });
  it("merge bringing redirect into a plan with after-swap → invalid_option", () => {
    expectHxError(() => afterSwap().merge(hx().redirect("/x")), { code: "invalid_option" });
  });
  it("merge bringing after-settle into a plan with status 204 → invalid_option", () => {
    expectHxError(() => hx().status(204).merge(afterSettle()), { code: "invalid_option" });
  });
  it("after-swap with status 200 / pushUrl is fine", () => {
    expect(h(afterSwap().status(200).pushUrl("/x"))).toEqual({
      "HX-Trigger-After-Swap": '{"a":{}}',
      "HX-Push-Url": "/x",
    });
  });
  it("after-swap then status 204 then status 200? 204 already invalid", () => {
    expectHxError(() => afterSwap().status(204), { code: "invalid_option" });
  });
  it("receive-timing trigger with redirect is fine", () => {
    expect(h(hx().trigger("a").redirect("/x"))).toEqual({ "HX-Trigger": '{"a":{}}', "HX-Redirect": "/x" });
  });
});

describe("event names", () => {
  it("empty name → invalid_event_name", () => {
    expectHxError(() => hx().trigger(""), { code: "invalid_event_name" });
  });
  it("leading/trailing whitespace → invalid_event_name", () => {
    for (const n of [" a", "a ", "\ta", "a\u00a0", "\u2028a", "\ufeffa", "a\u3000"]) {
      expectHxError(() => hx().trigger(n), { code: "invalid_event_name" });
    }
  });
  it("control characters → invalid_event_name", () => {
    for (const n of ["a\u0000b", "a\nb", "a\u001fb", "a\u007fb", "a\tb"]) {
      expectHxError(() => hx().trigger(n), { code: "invalid_event_name" });
    }
  });
  it("__proto__, constructor, '1', names with spaces/commas/colons/unicode are valid", () => {
    for (const n of ["__proto__", "constructor", "1", "a b", "a,b", "ns:ev", "toString", "hasOwnProperty"]) {
      const v = h(hx().trigger(n))[T];
      expect(JSON.parse(v)).toHaveProperty([n]);
      expect(Object.keys(JSON.parse(v))).toEqual([n]);
    }
  });
  it("__proto__ name is written literally in JSON", () => {
    expect(h(hx().trigger("__proto__", { x: 1 }))[T]).toBe('{"__proto__":{"x":1}}');
  });
  it("__proto__ twice: later wins", () => {
    expect(h(hx().trigger("__proto__", { x: 1 }).trigger("__proto__", { x: 2 }))[T]).toBe(
      '{"__proto__":{"x":2}}',
    );
  });
  it("non-ASCII event name is \\u-escaped", () => {
    expect(h(hx().trigger("café"))[T]).toBe('{"caf\\u00e9":{}}');
  });
  it("non-string name is rejected", () => {
    expect(() => hx().trigger(5 as never)).toThrow();
  });
  it("error message names the method, header and bad char index", () => {
    expectHxError(() => hx().trigger("ab\ncd"), {
      code: "invalid_event_name",
      header: "HX-Trigger",
      msg: ["trigger", "HX-Trigger", "2"],
    });
  });
  it("after-swap name error names HX-Trigger-After-Swap", () => {
    expectHxError(() => hx().trigger("", undefined, { after: "swap" }), {
      code: "invalid_event_name",
      header: "HX-Trigger-After-Swap",
    });
  });
});

describe("encoder", () => {
  it("plan encoder is a JSON replacer run before built-in encoding", () => {
    const p = hx({ encoder: (_k, v) => (typeof v === "number" ? v * 10 : v) }).trigger("a", { x: 1 });
    expect(h(p)[T]).toBe('{"a":{"x":10}}');
  });
  it("encoder can turn a class instance into something encodable", () => {
    class Money {
      constructor(public cents: number) {}
    }
    const p = hx({ encoder: (_k, v) => (v instanceof Money ? `$${v.cents / 100}` : v) }).trigger("a", {
      m: new Money(150),
    });
    expect(h(p)[T]).toBe('{"a":{"m":"$1.5"}}');
  });
  it("options.encoder replaces the plan encoder for that call", () => {
    const p = hx({ encoder: (_k, v) => (typeof v === "number" ? v * 10 : v) })
      .trigger("a", { x: 1 }, { encoder: (_k, v) => (typeof v === "number" ? v + 1 : v) })
      .trigger("b", { x: 1 });
    expect(h(p)[T]).toBe('{"a":{"x":2},"b":{"x":10}}');
  });
  it("encoder runs before built-in encoding (can see a Date as a Date)", () => {
    const p = hx({ encoder: (_k, v) => (v instanceof Date ? v.getTime() : v) }).trigger("a", {
      d: new Date(5),
    });
    expect(h(p)[T]).toBe('{"a":{"d":5}}');
  });
  it("encoder returning undefined for a property omits it", () => {
    const p = hx({ encoder: (k, v) => (k === "secret" ? undefined : v) }).trigger("a", { secret: 1, ok: 2 });
    expect(h(p)[T]).toBe('{"a":{"ok":2}}');
  });
  it("encoder output of NaN still unserializable", () => {
    expectHxError(() => hx({ encoder: (_k, v) => (v === 1 ? Number.NaN : v) }).trigger("a", { x: 1 }), {
      code: "unserializable",
    });
  });
  it("encoder is a bad type → invalid_option", () => {
    expectHxError(() => hx({ encoder: 5 } as never), { code: "invalid_option" });
  });
  it("encoder in trigger options bad type → invalid_option", () => {
    expectHxError(() => hx().trigger("a", {}, { encoder: "x" } as never), { code: "invalid_option" });
  });
  it("unknown trigger option → invalid_option", () => {
    expectHxError(() => hx().trigger("a", {}, { foo: 1 } as never), { code: "invalid_option" });
  });
});

describe("output is always ASCII", () => {
  it("all trigger headers are printable ASCII", () => {
    const v = h(hx().trigger("a", { s: "é€😀\u0001\u007f\u0080\u2028" }))[T];
    expect(isPrintableAscii(v)).toBe(true);
  });
});

describe("htmx 4 folding across merge and applyTo", () => {
  it("merge: same name in two timings fires once with the later params, first position", () => {
    const a = hx({ htmx: 4 }).trigger("a", { v: 1 }, { after: "settle" });
    const b = hx({ htmx: 4 }).trigger("b").trigger("a", { v: 2 });
    expect(h(a.merge(b))[T]).toBe('{"a":{"v":2},"b":{}}');
  });
  it("applyTo: an after-swap event merges into the existing HX-Trigger", () => {
    const rec: Record<string, string> = { "HX-Trigger": '{"a":{"v":1},"b":{}}' };
    hx({ htmx: 4 }).trigger("a", { v: 2 }, { after: "swap" }).applyTo(rec);
    expect(rec).toEqual({ "HX-Trigger": '{"a":{"v":2},"b":{}}' });
  });
  it("targeted events last under htmx 4 too", () => {
    expect(h(hx({ htmx: 4 }).trigger("b", undefined, { target: "#t" }).trigger("c"))[T]).toBe(
      '{"c":{},"b":{"target":"#t"}}',
    );
  });
});

describe("params.target details", () => {
  it("params.target from a Map or toJSON is moved last", () => {
    expect(
      h(
        hx().trigger(
          "a",
          new Map<string, unknown>([
            ["target", "#t"],
            ["x", 1],
          ]),
        ),
      )[T],
    ).toBe('{"a":{"x":1,"target":"#t"}}');
    expect(h(hx().trigger("a", { toJSON: () => ({ target: "#t", x: 1 }) }))[T]).toBe(
      '{"a":{"x":1,"target":"#t"}}',
    );
  });
  it("params.target undefined is omitted, so options.target is allowed", () => {
    expect(h(hx().trigger("a", { target: undefined }, { target: "#y" }))[T]).toBe('{"a":{"target":"#y"}}');
  });
  it("options.target undefined with params.target is fine", () => {
    expect(h(hx().trigger("a", { target: "#x" }, { target: undefined }))[T]).toBe('{"a":{"target":"#x"}}');
  });
  it("params.target non-ASCII uses JSON escapes", () => {
    expect(h(hx().trigger("a", { target: "#ü" }))[T]).toBe('{"a":{"target":"#\\u00fc"}}');
  });
  it("htmx 2: elt undefined is omitted, not an error", () => {
    expect(h(hx().trigger("a", { elt: undefined }))[T]).toBe('{"a":{}}');
  });
  it("htmx 2: elt from a Map is invalid_option", () => {
    expectHxError(() => hx().trigger("a", new Map([["elt", 1]])), { code: "invalid_option" });
  });
});

describe("more name rules", () => {
  it("C1 controls and inner NBSP are allowed in names (escaped)", () => {
    expect(h(hx().trigger("a\u0085b"))[T]).toBe('{"a\\u0085b":{}}');
    expect(h(hx().trigger("a\u00a0b"))[T]).toBe('{"a\\u00a0b":{}}');
  });
  it("zero-width space is not trimmed by String.prototype.trim, so it is allowed", () => {
    expect(h(hx().trigger("\u200ba"))[T]).toBe('{"\\u200ba":{}}');
  });
});

describe("encoder is a JSON replacer applied recursively", () => {
  const dbl = (_k: string, v: unknown) => (typeof v === "number" ? v * 2 : v);
  it("reaches Map values, Set items and toJSON results", () => {
    expect(h(hx({ encoder: dbl }).trigger("a", { m: new Map([["x", 1]]) }))[T]).toBe('{"a":{"m":{"x":2}}}');
    expect(h(hx({ encoder: dbl }).trigger("a", { s: new Set([1]) }))[T]).toBe('{"a":{"s":[2]}}');
    expect(h(hx({ encoder: dbl }).trigger("a", { o: { toJSON: () => ({ n: 1 }) } }))[T]).toBe(
      '{"a":{"o":{"n":2}}}',
    );
  });
  it("receives JSON.stringify-style keys (root '', array indexes as strings)", () => {
    const keys: string[] = [];
    hx({
      encoder: (k, v) => {
        keys.push(k);
        return v;
      },
    }).trigger("a", { l: [5, 6] });
    expect(keys).toEqual(["", "l", "0", "1"]);
  });
  it("encoder output goes through the built-in encoding (bigint) and checks (function)", () => {
    expect(h(hx({ encoder: (k, v) => (k === "x" ? 5n : v) }).trigger("a", { x: 1 }))[T]).toBe(
      '{"a":{"x":"5"}}',
    );
    expectHxError(() => hx({ encoder: (k, v) => (k === "x" ? () => 1 : v) }).trigger("a", { x: 1 }), {
      code: "unserializable",
      msg: ["params.x"],
    });
  });
});
