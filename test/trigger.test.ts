// HX-Trigger, HX-Trigger-After-Swap and HX-Trigger-After-Settle (src/trigger.ts): details,
// names, targets, htmx 4 folding, the encoder, call order, and the Map-model law (fast-check).

import fc from "fast-check";
import { hx } from "hxplan";
import { describe, expect, it } from "vitest";
import { errorOf, expectHxError } from "./support/errors.js";
import { h, isPrintableAscii } from "./support/headers.js";

describe("trigger details", () => {
  it("params omitted is {}; objects are the detail; anything else is {value}", () => {
    const h = hx().trigger("a").trigger("b", { x: 1 }).trigger("c", [1]).trigger("d", null).trigger("e", "s");
    expect(h.toHeaders()["HX-Trigger"]).toBe(
      '{"a":{},"b":{"x":1},"c":{"value":[1]},"d":{"value":null},"e":{"value":"s"}}',
    );
  });

  it("encodes params at call time", () => {
    const params = { n: 1 };
    const h = hx().trigger("a", params);
    params.n = 2;
    expect(h.toHeaders()["HX-Trigger"]).toBe('{"a":{"n":1}}');
  });

  it("escapes everything above U+007E as lowercase \\uXXXX, with surrogate pairs", () => {
    const value = hx().trigger("Grüße", { msg: "café €😀\u007f" }).toHeaders()["HX-Trigger"]!;
    expect(value).toBe('{"Gr\\u00fc\\u00dfe":{"msg":"caf\\u00e9 \\u20ac\\ud83d\\ude00\\u007f"}}');
    expect(JSON.parse(value)).toEqual({ Grüße: { msg: "café €😀\u007f" } });
  });

  it("keeps control characters in params as JSON data", () => {
    const value = hx().trigger("a", { t: "line\nbreak\u0000" }).toHeaders()["HX-Trigger"]!;
    expect(value).toBe('{"a":{"t":"line\\nbreak\\u0000"}}');
  });

  it("encodes Date, bigint, Map, Set, URL and toJSON", () => {
    const value = hx()
      .trigger("a", {
        d: new Date(Date.UTC(2026, 0, 2)),
        b: 12345678901234567890n,
        m: new Map<unknown, unknown>([
          ["k", 1],
          [2, new Set(["x"])],
        ]),
        u: new URL("https://example.com/é"),
        j: { toJSON: () => "custom" },
        skip: undefined,
      })
      .toHeaders()["HX-Trigger"]!;
    expect(JSON.parse(value)).toEqual({
      a: {
        d: "2026-01-02T00:00:00.000Z",
        b: "12345678901234567890",
        m: { k: 1, "2": ["x"] },
        u: "https://example.com/%C3%A9",
        j: "custom",
      },
    });
  });

  it.each([
    [{ n: Number.NaN }, "params.n"],
    [{ list: [1, Number.POSITIVE_INFINITY] }, "params.list[1]"],
    [{ user: { born: new Date("nope") } }, "params.user.born"],
    [{ f: () => 1 }, "params.f"],
    [{ s: Symbol("x") }, "params.s"],
    [{ items: [1, 2, undefined] }, "params.items[2]"],
    [{ "a b": Number.NEGATIVE_INFINITY }, 'params["a b"]'],
  ])("refuses %o naming %s", (params, path) => {
    const error = errorOf(() => hx().trigger("a", params));
    expect(error.code).toBe("unserializable");
    expect(error.header).toBe("HX-Trigger");
    expect(error.message).toContain(path);
    expect(error.message).toContain("trigger()");
  });

  it("refuses cycles", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { back: cyclic };
    expect(errorOf(() => hx().trigger("a", cyclic)).message).toContain("params.self.back");
  });

  it("runs the plan encoder, and a per-call encoder instead of it", () => {
    const upper = (_k: string, v: unknown) => (typeof v === "string" ? v.toUpperCase() : v);
    const plan = hx({ encoder: upper }).trigger("a", { s: "x" });
    expect(plan.toHeaders()["HX-Trigger"]).toBe('{"a":{"s":"X"}}');
    const dates = (_k: string, v: unknown) => (v instanceof Date ? v.getTime() : v);
    expect(
      hx({ encoder: upper })
        .trigger("b", { d: new Date(5), s: "y" }, { encoder: dates })
        .toHeaders()["HX-Trigger"],
    ).toBe('{"b":{"d":5,"s":"y"}}');
  });
});
describe("trigger names and merging", () => {
  it("accepts any name without outer whitespace or controls", () => {
    const h = hx().trigger("__proto__").trigger("constructor", { a: 1 }).trigger("1").trigger("a b");
    expect(JSON.parse(h.toHeaders()["HX-Trigger"]!)).toEqual(
      JSON.parse('{"__proto__":{},"constructor":{"a":1},"1":{},"a b":{}}'),
    );
  });

  it.each(["", " a", "a ", "\ta", "a\nb", "a\u007f"])("refuses the name %j", (name) => {
    const error = errorOf(() => hx().trigger(name));
    expect(error.code).toBe("invalid_event_name");
    expect(error.header).toBe("HX-Trigger");
  });

  it("names the control character and its index", () => {
    expect(errorOf(() => hx().trigger("ab\ncd")).message).toContain("U+000A) at index 2");
  });

  it("keeps the first position and takes the later params", () => {
    const h = hx().trigger("a", { n: 1 }).trigger("b").trigger("a", { n: 2 });
    expect(h.toHeaders()["HX-Trigger"]).toBe('{"a":{"n":2},"b":{}}');
  });

  it("writes one header per timing under htmx 2", () => {
    const h = hx().trigger("r").trigger("s", 1, { after: "swap" }).trigger("t", 2, { after: "settle" });
    expect(h.toHeaders()).toEqual({
      "HX-Trigger": '{"r":{}}',
      "HX-Trigger-After-Swap": '{"s":{"value":1}}',
      "HX-Trigger-After-Settle": '{"t":{"value":2}}',
    });
  });

  it("folds every timing into HX-Trigger under htmx 4, in call order, once per name", () => {
    const h = hx({ htmx: 4 })
      .trigger("s", 1, { after: "swap" })
      .trigger("r")
      .trigger("s", 3, { after: "settle" });
    expect(h.toHeaders()).toEqual({ "HX-Trigger": '{"s":{"value":3},"r":{}}' });
  });
});
describe("trigger targets", () => {
  it("writes the target last in the detail and targeted events last", () => {
    const h = hx().trigger("t", { a: 1 }, { target: "#box-é" }).trigger("plain");
    expect(h.toHeaders()["HX-Trigger"]).toBe('{"plain":{},"t":{"a":1,"target":"#box-\\u00e9"}}');
  });

  it("treats params.target as the target, and refuses both", () => {
    expect(hx().trigger("t", { target: "#x", b: 2 }).toHeaders()["HX-Trigger"]).toBe(
      '{"t":{"b":2,"target":"#x"}}',
    );
    expect(errorOf(() => hx().trigger("t", { target: "#x" }, { target: "#y" })).code).toBe("invalid_option");
    expect(errorOf(() => hx().trigger("t", { target: 5 })).code).toBe("invalid_selector");
    expect(errorOf(() => hx().trigger("t", {}, { target: "closest tr" })).code).toBe("invalid_selector");
  });

  it("refuses array-index names with targets and elt under htmx 2 only", () => {
    expect(errorOf(() => hx().trigger("17", {}, { target: "#x" })).code).toBe("invalid_event_name");
    expect(errorOf(() => hx().trigger("a", { elt: 1 })).code).toBe("invalid_option");
    expect(hx({ htmx: 4 }).trigger("17", { elt: 1 }, { target: "#x" }).toHeaders()["HX-Trigger"]).toBe(
      '{"17":{"elt":1,"target":"#x"}}',
    );
  });

  it("refuses after-swap/settle events with navigation or 204 under htmx 2", () => {
    const late = hx().trigger("a", {}, { after: "swap" });
    expect(errorOf(() => late.redirect("/x")).code).toBe("invalid_option");
    expect(errorOf(() => late.refresh()).code).toBe("invalid_option");
    expect(errorOf(() => late.location("/x")).code).toBe("invalid_option");
    expect(errorOf(() => late.status(204)).code).toBe("invalid_option");
    expect(errorOf(() => hx().status(204).trigger("a", {}, { after: "settle" })).code).toBe("invalid_option");
    expect(hx({ htmx: 4 }).trigger("a", {}, { after: "swap" }).redirect("/x").toHeaders()).toEqual({
      "HX-Trigger": '{"a":{}}',
      "HX-Redirect": "/x",
    });
  });

  it("refuses a truthy cancelled key for htmx 4, which would never fire the event", () => {
    expect(errorOf(() => hx({ htmx: 4 }).trigger("a", { cancelled: 1 })).code).toBe("invalid_option");
    expect(errorOf(() => hx({ htmx: 4 }).trigger("a", { cancelled: "yes" }, { target: "#x" })).code).toBe(
      "invalid_option",
    );
    for (const falsy of [false, 0, null, ""]) {
      expect(hx({ htmx: 4 }).trigger("a", { cancelled: falsy }).isEmpty).toBe(false);
    }
    expect(hx().trigger("a", { cancelled: true }).toHeaders()["HX-Trigger"]).toBe('{"a":{"cancelled":true}}');
  });

  it("refuses unknown options", () => {
    expect(errorOf(() => hx().trigger("a", {}, { after: "later" as "swap" })).code).toBe("invalid_option");
    expect(errorOf(() => hx().trigger("a", {}, { when: 1 } as object)).code).toBe("invalid_option");
  });
});

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

describe("call order and targeted events", () => {
  // A plan keeps its events in call order (same name: first position kept) and writes the
  // untargeted ones first. That order is what makes merge associative (law 5); the price is
  // that two plans with the same headers can order a later same-name event differently.
  const p1 = () => hx().trigger("c", undefined, { target: "#u" }).trigger("a");
  const p2 = () => hx().trigger("a").trigger("c", undefined, { target: "#u" });
  it("the two plans write the same headers", () => {
    expect(p1().toJSON()).toEqual(p2().toJSON());
  });
  it("a targeted event keeps its call position among the targeted ones", () => {
    expect(p1().trigger("a", undefined, { target: "#t" }).toHeaders()["HX-Trigger"]).toBe(
      '{"c":{"target":"#u"},"a":{"target":"#t"}}',
    );
    expect(p2().trigger("a", undefined, { target: "#t" }).toHeaders()["HX-Trigger"]).toBe(
      '{"a":{"target":"#t"},"c":{"target":"#u"}}',
    );
  });
  it("merging keeps first positions across plans, as applying one after the other does for untargeted events", () => {
    const x = hx().trigger("b").trigger("a", { n: 2 });
    const seq: Record<string, string> = {};
    p2().applyTo(seq);
    x.applyTo(seq);
    const merged: Record<string, string> = {};
    p2().merge(x).applyTo(merged);
    expect(merged).toEqual(seq);
  });
});

const HEADER_OF = {
  receive: "HX-Trigger",
  swap: "HX-Trigger-After-Swap",
  settle: "HX-Trigger-After-Settle",
} as const;

function keysInOrder(json: string): string[] {
  // JSON.parse reorders integer-like keys; the model's names avoid them, so Object.keys is exact.
  return Object.keys(JSON.parse(json));
}

describe("law 1: trigger calls equal a Map model", () => {
  const name = fc.constantFrom("saved", "toast", "Grüße 👋", "__proto__", "constructor", "a,b", "x:y");
  const params = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.integer(),
    fc.string(),
    fc.array(fc.integer(), { maxLength: 3 }),
    fc.dictionary(
      fc.string({ maxLength: 4 }).filter((k) => k !== "target" && k !== "elt"),
      fc.string(),
      { maxKeys: 3 },
    ),
  );
  const timing = fc.constantFrom("receive", "swap", "settle") as fc.Arbitrary<"receive" | "swap" | "settle">;

  it.each([2, 4] as const)("htmx %i: per timing, later params win and the first position is kept", (v) => {
    fc.assert(
      fc.property(fc.array(fc.tuple(name, params, timing), { maxLength: 12 }), (calls) => {
        let p = hx({ htmx: v });
        const model = new Map<string, Map<string, unknown>>();
        for (const [n, prm, t] of calls) {
          p = p.trigger(n, prm, { after: t });
          const header = v === 4 ? "HX-Trigger" : HEADER_OF[t];
          const events = model.get(header) ?? new Map<string, unknown>();
          const detail =
            prm === undefined
              ? {}
              : typeof prm === "object" && prm !== null && !Array.isArray(prm)
                ? prm
                : { value: prm };
          events.set(n, detail);
          model.set(header, events);
        }
        const headers = p.toHeaders();
        const expectedNames = [...model.keys()].sort();
        expect(Object.keys(headers).sort()).toEqual(expectedNames);
        for (const [header, events] of model) {
          const actual = headers[header]!;
          expect(keysInOrder(actual)).toEqual([...events.keys()]);
          const parsed = JSON.parse(actual);
          for (const [n, detail] of events) expect(parsed[n]).toEqual(detail);
        }
      }),
    );
  });
});
