import { HTMX_STOP_POLLING, Hx, HxError, hx, isHxError } from "hxplan";
import { describe, expect, it } from "vitest";
import { errorOf } from "./errors.js";

describe("hx() and the Hx value", () => {
  it("is an immutable instance of Hx: no public state, and no way to change a plan", () => {
    const base = hx();
    expect(base).toBeInstanceOf(Hx);
    // Every field is private; the public properties are getters on the prototype.
    expect(Reflect.ownKeys(base)).toEqual([]);
    expect(() => {
      (base as { htmx: number }).htmx = 4;
    }).toThrow(TypeError);
    expect(base.htmx).toBe(2);
    expect(base.isEmpty).toBe(true);
    const a = base.pushUrl("/a");
    const b = base.replaceUrl("/b");
    expect(base.toJSON()).toEqual({ htmx: 2, headers: {} });
    expect(a.toHeaders()).toEqual({ "HX-Push-Url": "/a" });
    expect(b.toHeaders()).toEqual({ "HX-Replace-Url": "/b" });
  });

  it("refuses unknown or malformed options", () => {
    expect(errorOf(() => hx({ htmx: 3 as 2 })).code).toBe("invalid_option");
    expect(errorOf(() => hx({ nope: true } as object)).code).toBe("invalid_option");
    expect(errorOf(() => hx({ maxHeaderBytes: -1 })).code).toBe("invalid_option");
    expect(errorOf(() => hx({ swapStyles: ["two words"] })).code).toBe("invalid_option");
  });

  it("exports the stop-polling status", () => {
    expect(HTMX_STOP_POLLING).toBe(286);
    expect(hx().stopPolling().statusCode).toBe(286);
    // @ts-expect-error: the compiler refuses this too (Hx<V> types); checked here at run time
    expect(errorOf(() => hx({ htmx: 4 }).stopPolling()).code).toBe("unsupported_in_version");
  });
});

describe("URLs", () => {
  it("percent-encodes spaces and non-ASCII, keeps valid escapes, escapes stray %", () => {
    expect(hx().pushUrl("/a b/é?q=%E2%82%AC&p=100%").toHeaders()["HX-Push-Url"]).toBe(
      "/a%20b/%C3%A9?q=%E2%82%AC&p=100%25",
    );
    expect(hx().redirect(new URL("https://bücher.example/ü")).toHeaders()["HX-Redirect"]).toBe(
      "https://xn--bcher-kva.example/%C3%BC",
    );
    expect(hx().redirect("HTTPS://EXAMPLE.com/x%zz").toHeaders()["HX-Redirect"]).toBe(
      "https://example.com/x%25zz",
    );
  });

  it("false means no history update", () => {
    expect(hx().pushUrl(false).toHeaders()).toEqual({ "HX-Push-Url": "false" });
    expect(hx().replaceUrl(false).toHeaders()).toEqual({ "HX-Replace-Url": "false" });
  });

  it.each([
    ["javascript:alert(1)", "unsafe_url"],
    [" \u0001JavaScript:alert(1)", "unsafe_url"],
    ["java\tscript:alert(1)", "unsafe_url"],
    ["data:text/html,x", "unsafe_url"],
    ["VBSCRIPT:x", "unsafe_url"],
    ["file:///etc/passwd", "unsafe_url"],
    ["", "invalid_url"],
    ["   ", "invalid_url"],
    [" /x", "invalid_url"],
    ["/x ", "invalid_url"],
    ["/a\nb", "invalid_url"],
    ["true", "invalid_url"],
    ["false", "invalid_url"],
    ["http://", "invalid_url"],
  ])("pushUrl(%j) is %s", (url, expected) => {
    const error = errorOf(() => hx().pushUrl(url));
    expect(error.code).toBe(expected);
    expect(error.header).toBe("HX-Push-Url");
    expect(error.message).toContain("pushUrl()");
  });
});

describe("exclusive groups", () => {
  it("redirect, refresh and location replace each other", () => {
    expect(hx().redirect("/a").refresh().toHeaders()).toEqual({ "HX-Refresh": "true" });
    expect(hx().refresh().location("/b").toHeaders()).toEqual({ "HX-Location": "/b" });
    expect(hx().location("/b").redirect("/c").toHeaders()).toEqual({ "HX-Redirect": "/c" });
  });

  it("pushUrl and replaceUrl replace each other", () => {
    expect(hx().pushUrl("/a").replaceUrl("/b").toHeaders()).toEqual({ "HX-Replace-Url": "/b" });
  });

  it("refresh() takes no argument", () => {
    expect(hx().refresh(undefined).toHeaders()).toEqual({ "HX-Refresh": "true" });
    expect(errorOf(() => (hx().refresh as (x: unknown) => unknown)(false)).code).toBe("invalid_option");
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

describe("selectors", () => {
  it("retarget takes extended selectors and CSS-escapes non-ASCII", () => {
    expect(hx().retarget("closest tr").toHeaders()["HX-Retarget"]).toBe("closest tr");
    expect(hx().retarget("#a, #b").toHeaders()["HX-Retarget"]).toBe("#a, #b");
    expect(hx().retarget("this").toHeaders()["HX-Retarget"]).toBe("this");
    expect(hx().retarget("#ü😀").toHeaders()["HX-Retarget"]).toBe("#\\0000fc\\01f600");
  });

  it("refuses empty, none, controls, and version-only forms", () => {
    expect(errorOf(() => hx().retarget("")).code).toBe("invalid_selector");
    expect(errorOf(() => hx().retarget("none")).code).toBe("invalid_selector");
    expect(errorOf(() => hx().retarget("#a\u0000")).code).toBe("invalid_selector");
    expect(errorOf(() => hx({ htmx: 4 }).retarget("this")).code).toBe("unsupported_in_version");
    expect(errorOf(() => hx({ htmx: 4 }).reselect("unset")).code).toBe("unsupported_in_version");
    expect(hx().reselect("unset").toHeaders()["HX-Reselect"]).toBe("unset");
    expect(errorOf(() => hx().reselect("closest div")).code).toBe("invalid_selector");
  });
});

describe("status, vary, merge, size", () => {
  it("status is an integer from 200 to 599 and conflicts with HX headers on 3xx", () => {
    expect(hx().status(422).statusCode).toBe(422);
    for (const bad of [199, 600, 200.5, Number.NaN])
      expect(errorOf(() => hx().status(bad)).code).toBe("invalid_option");
    expect(errorOf(() => hx().trigger("a").status(302)).code).toBe("status_conflict");
    expect(errorOf(() => hx().status(301).retarget("#x")).code).toBe("status_conflict");
    // 304 is not a redirect; htmx 2 would swap its empty body, so HX-Reswap: none is implied.
    expect(hx().status(304).vary("Accept").toJSON()).toEqual({
      htmx: 2,
      status: 304,
      headers: { "HX-Reswap": "none", Vary: "Accept" },
    });
  });

  it("vary appends, de-duplicates case-insensitively, and * absorbs", () => {
    expect(hx().vary("HX-Request", "Accept").vary("hx-request", "HX-Target").toHeaders()).toEqual({
      Vary: "HX-Request, Accept, HX-Target",
    });
    expect(hx().vary("A").vary("*").vary("B").toHeaders()).toEqual({ Vary: "*" });
    const base = hx();
    expect(base.vary()).toBe(base);
    expect(errorOf(() => hx().vary("bad name")).code).toBe("invalid_option");
  });

  it("merge: other wins single values, events merge, versions must match", () => {
    const a = hx().trigger("x", { n: 1 }).pushUrl("/a").status(200).vary("A");
    const b = hx().trigger("y").trigger("x", { n: 2 }).replaceUrl("/b").vary("B");
    expect(a.merge(b).toJSON()).toEqual({
      htmx: 2,
      status: 200,
      headers: { "HX-Trigger": '{"x":{"n":2},"y":{}}', "HX-Replace-Url": "/b", Vary: "A, B" },
    });
    expect(errorOf(() => hx().merge(hx({ htmx: 4 }))).code).toBe("version_mismatch");
  });

  it("enforces maxHeaderBytes and names the biggest header", () => {
    const error = errorOf(() =>
      hx({ maxHeaderBytes: 100 })
        .pushUrl("/short")
        .trigger("big", { s: "x".repeat(100) }),
    );
    expect(error.code).toBe("header_too_large");
    expect(error.header).toBe("HX-Trigger");
    // 2 headers: "HX-Push-Url: /x\r\n" (17) + "Vary: A\r\n" (9)
    expect(hx({ maxHeaderBytes: 26 }).pushUrl("/x").vary("A").isEmpty).toBe(false);
    expect(errorOf(() => hx({ maxHeaderBytes: 25 }).pushUrl("/x").vary("A")).code).toBe("header_too_large");
    expect(hx({ maxHeaderBytes: Number.POSITIVE_INFINITY }).trigger("a", "x".repeat(20_000)).isEmpty).toBe(
      false,
    );
  });

  it("exposeHeaders lists the HX headers for CORS", () => {
    const h = hx().trigger("a").pushUrl("/x").exposeHeaders().toHeaders();
    expect(h["Access-Control-Expose-Headers"]).toBe("HX-Trigger, HX-Push-Url");
    const target = { "access-control-expose-headers": "X-Total" };
    hx().retarget("#x").exposeHeaders().applyTo(target);
    expect(target["access-control-expose-headers"]).toBe("X-Total, HX-Retarget");
    expect(hx().exposeHeaders().isEmpty).toBe(true);
  });
});

describe("HxError and isHxError", () => {
  it("carries name, code, header and a message naming the method", () => {
    const error = errorOf(() => hx().retarget("#a\u0007b"));
    expect(error).toBeInstanceOf(HxError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("HxError");
    expect(error.code).toBe("invalid_selector");
    expect(error.header).toBe("HX-Retarget");
    expect(error.message).toMatch(/retarget\(\).*HX-Retarget.*U\+0007\) at index 2/);
  });

  it("recognises an HxError from another copy by name and code", () => {
    expect(isHxError({ name: "HxError", code: "invalid_url", message: "x" })).toBe(true);
    expect(isHxError({ name: "HxError", code: "nope" })).toBe(false);
    expect(isHxError(new Error("x"))).toBe(false);
    expect(isHxError(null)).toBe(false);
  });
});
