import { hx } from "hxplan";
import { describe, expect, it } from "vitest";
import { errorOf } from "./errors.js";

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
