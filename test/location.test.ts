// HX-Location (src/location.ts): a bare path or JSON, push and replace, option validation.

import { hx } from "hxplan";
import { describe, expect, it } from "vitest";
import { errorOf, expectHxError } from "./support/errors.js";
import { h } from "./support/headers.js";

const L = "HX-Location";
const loc2 = (...a: Parameters<ReturnType<typeof hx>["location"]>) => h(hx().location(...a))[L];
const loc4 = (...a: Parameters<ReturnType<typeof hx>["location"]>) => h(hx({ htmx: 4 }).location(...a))[L];

describe("plain path vs JSON", () => {
  it("plain path when no options and it starts with /", () => {
    expect(loc2("/inbox")).toBe("/inbox");
    expect(loc2("/a/b?x=1#f")).toBe("/a/b?x=1#f");
    expect(loc4("/inbox")).toBe("/inbox");
  });
  it("empty options object: still plain path", () => {
    expect(loc2("/inbox", {})).toBe("/inbox");
  });
  it("relative path → JSON", () => {
    expect(loc2("path.html")).toBe('{"path":"path.html"}');
    expect(loc4("path.html")).toBe('{"path":"path.html"}');
  });
  it("absolute URL → JSON (has a colon)", () => {
    expect(loc2("https://example.com/x")).toBe('{"path":"https://example.com/x"}');
  });
  it("path with comma or colon → JSON", () => {
    expect(loc2("/a,b")).toBe('{"path":"/a,b"}');
    expect(loc2("/a?t=1:2")).toBe('{"path":"/a?t=1:2"}');
  });
  it("path with { → JSON", () => {
    expect(loc2("/a{b}")).toBe('{"path":"/a{b}"}');
  });
  it("path with inner space: percent-encoded, stays plain", () => {
    expect(loc2("/a b")).toBe("/a%20b");
  });
  it("URL object input", () => {
    expect(loc2(new URL("https://example.com/a"))).toBe('{"path":"https://example.com/a"}');
  });
  it("with options → JSON, path first", () => {
    expect(loc2("/inbox", { target: "#main" })).toBe('{"path":"/inbox","target":"#main"}');
  });
  it("options in the API order regardless of input order", () => {
    expect(
      loc2("/p", {
        replace: "/r",
        headers: { "X-A": "1" },
        values: { v: 1 },
        selectOOB: "#oob",
        select: "#sel",
        swap: "outerHTML",
        target: "#t",
        event: "click",
        source: "#src",
      }),
    ).toBe(
      '{"path":"/p","source":"#src","event":"click","target":"#t","swap":"outerHTML","select":"#sel","selectOOB":"#oob","values":{"v":1},"headers":{"X-A":"1"},"push":false,"replace":"/r"}',
    );
  });
  it("htmx 4 key order without push:false", () => {
    expect(
      loc4("/p", {
        replace: "/r",
        values: { v: 1 },
        source: "#src",
      }),
    ).toBe('{"path":"/p","source":"#src","values":{"v":1},"replace":"/r"}');
  });
});
describe("push / replace", () => {
  it("push URL", () => {
    expect(loc2("/p", { push: "/q" })).toBe('{"path":"/p","push":"/q"}');
    expect(loc4("/p", { push: "/q" })).toBe('{"path":"/p","push":"/q"}');
  });
  it("push false is the JSON boolean", () => {
    expect(loc2("/p", { push: false })).toBe('{"path":"/p","push":false}');
    expect(loc4("/p", { push: false })).toBe('{"path":"/p","push":false}');
  });
  it("replace under htmx 2 adds push:false just before it", () => {
    expect(loc2("/p", { replace: "/r" })).toBe('{"path":"/p","push":false,"replace":"/r"}');
  });
  it("replace under htmx 4 is sent alone", () => {
    expect(loc4("/p", { replace: "/r" })).toBe('{"path":"/p","replace":"/r"}');
  });
  it("replace false", () => {
    expect(loc4("/p", { replace: false })).toBe('{"path":"/p","replace":false}');
    const v = loc2("/p", { replace: false });
    expect(JSON.parse(v).replace).toBe(false);
  });
  it("push + replace together → invalid_option", () => {
    expectHxError(() => hx().location("/p", { push: "/a", replace: "/b" }), {
      code: "invalid_option",
      header: L,
    });
    expectHxError(() => hx().location("/p", { push: "/a", replace: false }), { code: "invalid_option" });
    expectHxError(() => hx().location("/p", { push: false, replace: false }), { code: "invalid_option" });
  });
  it('push "true"/"false" strings → invalid_url', () => {
    expectHxError(() => hx().location("/p", { push: "true" }), { code: "invalid_url" });
    expectHxError(() => hx().location("/p", { push: "false" }), { code: "invalid_url" });
    expectHxError(() => hx().location("/p", { replace: "false" }), { code: "invalid_url" });
  });
  it("push URL object", () => {
    expect(loc2("/p", { push: new URL("https://example.com/q") })).toBe(
      '{"path":"/p","push":"https://example.com/q"}',
    );
  });
  it("push unsafe URL → unsafe_url", () => {
    expectHxError(() => hx().location("/p", { push: "javascript:alert(1)" }), { code: "unsafe_url" });
  });
  it("push non-ASCII URL is percent-encoded", () => {
    expect(loc2("/p", { push: "/café" })).toBe('{"path":"/p","push":"/caf%C3%A9"}');
  });
});
describe("options validation", () => {
  it("unknown keys → invalid_option", () => {
    expectHxError(() => hx().location("/p", { handler: "x" } as never), {
      code: "invalid_option",
      header: L,
    });
    expectHxError(() => hx({ htmx: 4 }).location("/p", { confirm: "sure?" } as never), {
      code: "invalid_option",
    });
    expectHxError(() => hx().location("/p", { transition: true } as never), { code: "invalid_option" });
  });
  it("headers: names are HTTP tokens", () => {
    expectHxError(() => hx().location("/p", { headers: { "Bad Name": "x" } }), { code: "invalid_option" });
    expectHxError(() => hx().location("/p", { headers: { "": "x" } }), { code: "invalid_option" });
    expectHxError(() => hx().location("/p", { headers: { "a:b": "x" } }), { code: "invalid_option" });
  });
  it("headers: values are printable ASCII", () => {
    expectHxError(() => hx().location("/p", { headers: { "X-A": "é" } }), { code: "invalid_option" });
    expectHxError(() => hx().location("/p", { headers: { "X-A": "a\nb" } }), { code: "invalid_option" });
    expectHxError(() => hx().location("/p", { headers: { "X-A": "a\u007fb" } }), { code: "invalid_option" });
  });
  it("headers: non-string values rejected", () => {
    expect(() => hx().location("/p", { headers: { "X-A": 1 as never } })).toThrow();
  });
  it("headers valid", () => {
    expect(loc2("/p", { headers: { "X-Token": "abc 123", "x-b": "" } })).toBe(
      '{"path":"/p","headers":{"X-Token":"abc 123","x-b":""}}',
    );
  });
  it("values must be a JSON object", () => {
    expect(() => hx().location("/p", { values: [1, 2] as never })).toThrow();
    expect(() => hx().location("/p", { values: "a=1" as never })).toThrow();
    expect(() => hx().location("/p", { values: null as never })).toThrow();
  });
  it("values encoded with the built-in rules and ASCII escapes", () => {
    expect(loc2("/p", { values: { d: new Date(0), n: "é", s: new Set([1]) } })).toBe(
      '{"path":"/p","values":{"d":"1970-01-01T00:00:00.000Z","n":"\\u00e9","s":[1]}}',
    );
  });
  it("values encoded at call time", () => {
    const values = { a: 1 };
    const p = hx().location("/p", { values });
    values.a = 2;
    expect(h(p)[L]).toBe('{"path":"/p","values":{"a":1}}');
  });
  it("swap raw spec validated like reswap", () => {
    expect(loc2("/p", { swap: "outerHTML swap:1s" })).toBe('{"path":"/p","swap":"outerHTML swap:1000ms"}');
    // @ts-expect-error: the compiler refuses this too (Hx<V> types); checked here at run time
    expectHxError(() => hx().location("/p", { swap: "bogus" }), { code: "invalid_swap" });
    // @ts-expect-error: the compiler refuses this too (Hx<V> types); checked here at run time
    expectHxError(() => hx().location("/p", { swap: "innerMorph" }), { code: "unsupported_in_version" });
  });
  it("swap object {style, ...modifiers}", () => {
    expect(loc2("/p", { swap: { style: "outerHTML", settle: 10 } })).toBe(
      '{"path":"/p","swap":"outerHTML settle:10ms"}',
    );
    expect(loc4("/p", { swap: { scroll: "top", scrollTarget: "#x" } })).toBe(
      '{"path":"/p","swap":"scroll:top scrollTarget:#x"}',
    );
  });
  it("swap object with htmx 4-only modifier under htmx 2 → unsupported_in_version", () => {
    expectHxError(() => hx().location("/p", { swap: { strip: true } }), { code: "unsupported_in_version" });
  });
  it("target/source/select/selectOOB are selectors: non-ASCII uses JSON escapes", () => {
    expect(loc2("/p", { target: "#café" })).toBe('{"path":"/p","target":"#caf\\u00e9"}');
  });
  it("target invalid selector → invalid_selector", () => {
    expectHxError(() => hx().location("/p", { target: "" }), { code: "invalid_selector" });
    expectHxError(() => hx().location("/p", { target: "  " }), { code: "invalid_selector" });
    expectHxError(() => hx().location("/p", { select: "#a\nb" }), { code: "invalid_selector" });
  });
  it("target extended selector keywords → invalid_selector (plain CSS only)", () => {
    expectHxError(() => hx().location("/p", { target: "closest tr" }), { code: "invalid_selector" });
    expectHxError(() => hx().location("/p", { source: "this" }), { code: "invalid_selector" });
  });
  it("event name validated", () => {
    expectHxError(() => hx().location("/p", { event: "" }), { code: "invalid_event_name" });
  });
  it("path validated: empty → invalid_url, unsafe → unsafe_url", () => {
    expectHxError(() => hx().location(""), { code: "invalid_url", header: L });
    expectHxError(() => hx().location("   "), { code: "invalid_url", header: L });
    expectHxError(() => hx().location("javascript:alert(1)"), { code: "unsafe_url", header: L });
  });
  it("undefined option values are ignored", () => {
    expect(loc2("/p", { target: undefined })).toBe("/p");
  });
  it("location output ASCII", () => {
    expect(loc2("/p", { values: { s: "😀" } })).toBe('{"path":"/p","values":{"s":"\\ud83d\\ude00"}}');
  });
  it("htmx 2: replace in JSON and also selectOOB", () => {
    expect(loc2("/p", { selectOOB: "#a", replace: "/r" })).toBe(
      '{"path":"/p","selectOOB":"#a","push":false,"replace":"/r"}',
    );
  });
});
describe("location: own __proto__ keys are data", () => {
  // BUG: an own "__proto__" key in values (e.g. from JSON.parse of user input) is silently dropped: values becomes {}
  it("values with an own __proto__ key keep it (as trigger params do)", () => {
    const values = JSON.parse('{"__proto__":{"x":1},"b":2}');
    expect(h(hx().location("/p", { values }))[L]).toBe('{"path":"/p","values":{"__proto__":{"x":1},"b":2}}');
  });
  // BUG: an own "__proto__" entry in headers (a valid HTTP token) is silently dropped instead of sent or rejected
  it("headers with an own __proto__ key are not silently dropped", () => {
    const headers = JSON.parse('{"__proto__":"x"}');
    let v: string | undefined;
    try {
      v = h(hx().location("/p", { headers }))[L];
    } catch {
      return; // rejecting is acceptable
    }
    expect(v).toBe('{"path":"/p","headers":{"__proto__":"x"}}');
  });
});

describe("location", () => {
  it("is a plain path only when unambiguous", () => {
    expect(hx().location("/inbox").toHeaders()["HX-Location"]).toBe("/inbox");
    expect(hx().location("/a b").toHeaders()["HX-Location"]).toBe("/a%20b");
    expect(hx().location("path.html").toHeaders()["HX-Location"]).toBe('{"path":"path.html"}');
    expect(hx().location("/x?a,b").toHeaders()["HX-Location"]).toBe('{"path":"/x?a,b"}');
    expect(hx().location("/x:y").toHeaders()["HX-Location"]).toBe('{"path":"/x:y"}');
    expect(hx().location("https://example.com/").toHeaders()["HX-Location"]).toBe(
      '{"path":"https://example.com/"}',
    );
    expect(hx().location("/x", {}).toHeaders()["HX-Location"]).toBe("/x");
  });

  it("writes the options in the documented order", () => {
    const value = hx({ htmx: 4 })
      .location("/x", {
        replace: "/r",
        headers: { "X-Token": "abc" },
        values: { n: 1, s: "é" },
        selectOOB: "#a",
        select: "#main",
        swap: { style: "outerHTML", swap: 100 },
        target: "#t-é",
        event: "go",
        source: "#src",
      })
      .toHeaders()["HX-Location"];
    expect(value).toBe(
      '{"path":"/x","source":"#src","event":"go","target":"#t-\\u00e9","swap":"outerHTML swap:100ms","select":"#main","selectOOB":"#a","values":{"n":1,"s":"\\u00e9"},"headers":{"X-Token":"abc"},"replace":"/r"}',
    );
  });

  it("sends push:false before replace for htmx 2", () => {
    expect(hx().location("/x", { replace: "/r" }).toHeaders()["HX-Location"]).toBe(
      '{"path":"/x","push":false,"replace":"/r"}',
    );
    expect(hx().location("/x", { push: false }).toHeaders()["HX-Location"]).toBe(
      '{"path":"/x","push":false}',
    );
  });

  it("refuses nested values for htmx 4, which sends them as [object Object] or a,b", () => {
    expect(hx({ htmx: 4 }).location("/x", { source: "#a", event: "click" }).toHeaders()["HX-Location"]).toBe(
      '{"path":"/x","source":"#a","event":"click"}',
    );
    expect(errorOf(() => hx({ htmx: 4 }).location("/x", { values: { a: [1] } })).code).toBe("invalid_option");
    expect(errorOf(() => hx({ htmx: 4 }).location("/x", { values: { a: { b: 1 } } })).code).toBe(
      "invalid_option",
    );
    expect(
      hx()
        .location("/x", { values: { a: [1], b: { c: 2 } } })
        .toHeaders()["HX-Location"],
    ).toBe('{"path":"/x","values":{"a":[1],"b":{"c":2}}}');
  });

  it("refuses push with replace, unknown keys, bad headers, non-object values", () => {
    expect(errorOf(() => hx().location("/x", { push: "/a", replace: "/b" })).code).toBe("invalid_option");
    expect(errorOf(() => hx().location("/x", { handler: "f" } as object)).code).toBe("invalid_option");
    expect(errorOf(() => hx().location("/x", { headers: { "Bad Name": "x" } })).code).toBe("invalid_option");
    expect(errorOf(() => hx().location("/x", { headers: { "X-A": "é" } })).code).toBe("invalid_option");
    expect(
      errorOf(() => hx().location("/x", { values: [1] as unknown as Record<string, unknown> })).code,
    ).toBe("invalid_option");
    // @ts-expect-error: the compiler refuses this too (Hx<V> types); checked here at run time
    expect(errorOf(() => hx().location("/x", { swap: "bogus" })).code).toBe("invalid_swap");
    expect(errorOf(() => hx().location("/x", { target: "" })).code).toBe("invalid_selector");
    expect(errorOf(() => hx().location("javascript:x")).code).toBe("unsafe_url");
  });

  it("names the option, and the header whose value is not a string", () => {
    const headers = { "X-A": "a", "X-B": 2 } as unknown as Record<string, string>;
    expect(errorOf(() => hx().location("/x", { headers })).message).toBe(
      'location() HX-Location: location option "headers" must have string values, but "X-B" is number 2',
    );
    expect(errorOf(() => hx().reswap("outerHTML", { swap: true as unknown as number })).message).toBe(
      'reswap() HX-Reswap: swap modifier "swap" must be a duration (a number of milliseconds or a string such as "1s"), got boolean true',
    );
  });
});

describe("location() push: false with replace", () => {
  it("is accepted and written as replace alone", () => {
    expect(hx().location("/x", { push: false, replace: "/r" }).toHeaders()).toEqual(
      hx().location("/x", { replace: "/r" }).toHeaders(),
    );
    expect(hx().location("/x", { push: false, replace: "/r" }).toHeaders()["HX-Location"]).toBe(
      '{"path":"/x","push":false,"replace":"/r"}',
    );
    expect(hx({ htmx: 4 }).location("/x", { push: false, replace: "/r" }).toHeaders()["HX-Location"]).toBe(
      '{"path":"/x","replace":"/r"}',
    );
  });

  it("push as a URL with replace, and push: false with replace: false, stay invalid_option", () => {
    expect(errorOf(() => hx().location("/x", { push: "/a", replace: "/b" })).code).toBe("invalid_option");
    expect(errorOf(() => hx().location("/x", { push: "/a", replace: false })).code).toBe("invalid_option");
    expect(errorOf(() => hx().location("/x", { push: false, replace: false })).code).toBe("invalid_option");
  });
});
