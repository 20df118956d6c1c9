import { hx } from "hxplan";
import { describe, expect, it } from "vitest";
import { expectHxError, h, isPrintableAscii } from "./helpers.js";

const P = "HX-Push-Url";
const push = (u: string | URL) => h(hx().pushUrl(u))[P];

describe("URLs", () => {
  it("non-ASCII percent-encoded as UTF-8", () => {
    expect(push("/café")).toBe("/caf%C3%A9");
    expect(push("/😀")).toBe("/%F0%9F%98%80");
  });
  it("inner spaces percent-encoded", () => {
    expect(push("/a b?c=d e")).toBe("/a%20b?c=d%20e");
  });
  it("existing valid %XX kept", () => {
    expect(push("/a%20b%C3%A9")).toBe("/a%20b%C3%A9");
  });
  it("stray % becomes %25", () => {
    expect(push("/100%")).toBe("/100%25");
    expect(push("/a%zz")).toBe("/a%25zz");
    expect(push("/a%2")).toBe("/a%252");
  });
  it("absolute URLs go through the WHATWG parser (punycode host)", () => {
    expect(push("https://exämple.com/ü")).toBe("https://xn--exmple-cua.com/%C3%BC");
    expect(push(new URL("https://exämple.com/ü"))).toBe("https://xn--exmple-cua.com/%C3%BC");
  });
  it("% rule applies to URL objects too", () => {
    expect(push(new URL("https://example.com/a%zz"))).toBe("https://example.com/a%25zz");
    expect(push("https://example.com/a%zz")).toBe("https://example.com/a%25zz");
  });
  it("leading/trailing whitespace → invalid_url", () => {
    expectHxError(() => hx().pushUrl(" /a"), { code: "invalid_url", header: P, msg: ["pushUrl", P] });
    expectHxError(() => hx().pushUrl("/a "), { code: "invalid_url", header: P });
    expectHxError(() => hx().pushUrl("/a\u00a0"), { code: "invalid_url", header: P });
  });
  it("empty / whitespace-only → invalid_url", () => {
    for (const u of ["", " ", "\u3000"]) {
      expectHxError(() => hx().pushUrl(u), { code: "invalid_url" });
      expectHxError(() => hx().replaceUrl(u), { code: "invalid_url", header: "HX-Replace-Url" });
      expectHxError(() => hx().redirect(u), { code: "invalid_url", header: "HX-Redirect" });
      expectHxError(() => hx().location(u), { code: "invalid_url", header: "HX-Location" });
    }
  });
  it("control characters → invalid_url naming char and index", () => {
    const e = expectHxError(() => hx().redirect("/ab\ncd"), { code: "invalid_url", header: "HX-Redirect" });
    expect(e.message).toContain("redirect");
    expect(e.message).toContain("HX-Redirect");
    expect(e.message).toMatch(/U\+000A|\\n/);
    expect(e.message).toContain("3");
    expectHxError(() => hx().pushUrl("/a\u007f"), { code: "invalid_url" });
    expectHxError(() => hx().pushUrl("/a\u0000"), { code: "invalid_url" });
  });
  it("unsafe schemes in any case, after leading whitespace/controls → unsafe_url", () => {
    for (const u of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      " javascript:alert(1)",
      "\u0001javascript:x",
      "\n\tjavascript:x",
      "data:text/html,x",
      "DATA:x",
      "vbscript:x",
      "file:///etc/passwd",
      "ftp://example.com/",
      "mailto:a@b.c",
      "java\tscript:x",
      "javascript:alert(1) ",
    ]) {
      expectHxError(() => hx().pushUrl(u), { code: "unsafe_url", header: P });
      expectHxError(() => hx().redirect(u), { code: "unsafe_url", header: "HX-Redirect" });
      expectHxError(() => hx().location(u), { code: "unsafe_url", header: "HX-Location" });
      expectHxError(() => hx().replaceUrl(u), { code: "unsafe_url" });
    }
  });
  it("unsafe URL objects → unsafe_url", () => {
    expectHxError(() => hx().redirect(new URL("javascript:alert(1)")), { code: "unsafe_url" });
    expectHxError(() => hx().redirect(new URL("file:///x")), { code: "unsafe_url" });
  });
  it("http/https allowed in any case", () => {
    expect(push("HTTPS://example.com/a")).toBe("https://example.com/a");
    expect(h(hx().redirect("http://example.com"))["HX-Redirect"]).toBe("http://example.com/");
  });
  it("relative forms allowed", () => {
    expect(push("?page=2")).toBe("?page=2");
    expect(push("#top")).toBe("#top");
    expect(push("items/2")).toBe("items/2");
  });
  it("output is printable ASCII", () => {
    expect(isPrintableAscii(push("/ü\u2028€😀?q=ä#ö"))).toBe(true);
  });
});

describe("selectors", () => {
  it("non-ASCII → 6-digit CSS escapes, one per code point", () => {
    expect(h(hx().retarget("#café"))["HX-Retarget"]).toBe("#caf\\0000e9");
    expect(h(hx().retarget("#😀"))["HX-Retarget"]).toBe("#\\01f600");
    expect(h(hx().reselect(".ü"))["HX-Reselect"]).toBe(".\\0000fc");
  });
  it("retarget accepts htmx extended selectors", () => {
    for (const s of ["closest tr", "find .x", "next", "previous", "next .row", "previous .row", "#a, #b"]) {
      expect(h(hx().retarget(s))["HX-Retarget"]).toBe(s);
      expect(h(hx({ htmx: 4 }).retarget(s))["HX-Retarget"]).toBe(s);
    }
    expect(h(hx().retarget("this"))["HX-Retarget"]).toBe("this");
  });
  it("plain-CSS inputs reject keyword forms", () => {
    for (const s of ["closest tr", "find .x", "next", "previous", "this"]) {
      expectHxError(() => hx().reselect(s), { code: "invalid_selector", header: "HX-Reselect" });
      expectHxError(() => hx().trigger("a", {}, { target: s }), { code: "invalid_selector" });
      expectHxError(() => hx().location("/p", { target: s }), { code: "invalid_selector" });
    }
  });
  it("swap-modifier selectors with keyword forms → invalid_swap", () => {
    expectHxError(() => hx().reswap("innerHTML", { show: "top", showTarget: "closest tr" }), {
      code: "invalid_swap",
    });
  });
  it('retarget("none") → invalid_selector', () => {
    expectHxError(() => hx().retarget("none"), { code: "invalid_selector", header: "HX-Retarget" });
    expectHxError(() => hx({ htmx: 4 }).retarget("none"), { code: "invalid_selector" });
  });
  it('htmx 4: retarget("this") → unsupported_in_version', () => {
    expectHxError(() => hx({ htmx: 4 }).retarget("this"), {
      code: "unsupported_in_version",
      header: "HX-Retarget",
    });
  });
  it('htmx 4: reselect("unset") → unsupported_in_version; htmx 2 ok', () => {
    expectHxError(() => hx({ htmx: 4 }).reselect("unset"), {
      code: "unsupported_in_version",
      header: "HX-Reselect",
    });
    expect(h(hx().reselect("unset"))["HX-Reselect"]).toBe("unset");
  });
  it("empty/whitespace selectors → invalid_selector", () => {
    for (const s of ["", " ", "\t"]) {
      expectHxError(() => hx().retarget(s), { code: "invalid_selector" });
      expectHxError(() => hx().reselect(s), { code: "invalid_selector" });
    }
  });
  it("control chars in selectors → invalid_selector with index", () => {
    expectHxError(() => hx().retarget("#a\u0007b"), {
      code: "invalid_selector",
      msg: ["retarget", "HX-Retarget", "2"],
    });
  });
});

describe("3xx status conflicts", () => {
  it("HX header then 3xx status → status_conflict", () => {
    expectHxError(() => hx().trigger("a").status(302), { code: "status_conflict" });
    expectHxError(() => hx().pushUrl("/a").status(301), { code: "status_conflict" });
  });
  it("3xx status then HX header → status_conflict", () => {
    expectHxError(() => hx().status(303).retarget("#a"), { code: "status_conflict" });
    expectHxError(() => hx().status(300).redirect("/a"), { code: "status_conflict" });
    expectHxError(() => hx().status(399).refresh(), { code: "status_conflict" });
  });
  it("3xx with only Vary is fine", () => {
    const p = hx().vary("Accept").status(302);
    expect(p.statusCode).toBe(302);
    expect(h(p)).toEqual({ Vary: "Accept" });
  });
  it("merge producing 3xx + HX → status_conflict", () => {
    expectHxError(() => hx().trigger("a").merge(hx().status(302)), { code: "status_conflict" });
    expectHxError(() => hx().status(302).merge(hx().trigger("a")), { code: "status_conflict" });
  });
  it("htmx 4 same rule", () => {
    expectHxError(() => hx({ htmx: 4 }).trigger("a").status(307), { code: "status_conflict" });
  });
});

describe("merge", () => {
  it("different versions → version_mismatch", () => {
    expectHxError(() => hx().merge(hx({ htmx: 4 })), { code: "version_mismatch" });
    expectHxError(() => hx({ htmx: 4 }).merge(hx()), { code: "version_mismatch" });
  });
  it("other wins for single-valued headers", () => {
    expect(h(hx().retarget("#a").reswap("innerHTML").merge(hx().retarget("#b")))).toEqual({
      "HX-Retarget": "#b",
      "HX-Reswap": "innerHTML",
    });
  });
  it("other's status wins", () => {
    expect(hx().status(201).merge(hx().status(202)).statusCode).toBe(202);
    expect(hx().status(201).merge(hx()).statusCode).toBe(201);
  });
  it("exclusive group counts as one thing: other's member replaces", () => {
    expect(h(hx().redirect("/a").merge(hx().refresh()))).toEqual({ "HX-Refresh": "true" });
    expect(h(hx().pushUrl("/a").merge(hx().replaceUrl("/b")))).toEqual({ "HX-Replace-Url": "/b" });
    expect(h(hx().location("/a").merge(hx().redirect("/b")))).toEqual({ "HX-Redirect": "/b" });
  });
  it("exclusive group kept when other does not set it", () => {
    expect(h(hx().redirect("/a").merge(hx().trigger("x")))).toEqual({
      "HX-Redirect": "/a",
      "HX-Trigger": '{"x":{}}',
    });
  });
  it("triggers merged: other's params win, first position kept", () => {
    const a = hx().trigger("x", { v: 1 }).trigger("y");
    const b = hx().trigger("z").trigger("x", { v: 2 });
    expect(h(a.merge(b))["HX-Trigger"]).toBe('{"x":{"v":2},"y":{},"z":{}}');
  });
  it("triggers merged per timing (htmx 2)", () => {
    const a = hx().trigger("x", undefined, { after: "swap" });
    const b = hx().trigger("y", undefined, { after: "swap" }).trigger("z");
    expect(h(a.merge(b))).toEqual({ "HX-Trigger-After-Swap": '{"x":{},"y":{}}', "HX-Trigger": '{"z":{}}' });
  });
  it("vary union", () => {
    expect(h(hx().vary("Accept", "Cookie").merge(hx().vary("cookie", "HX-Request")))).toEqual({
      Vary: "Accept, Cookie, HX-Request",
    });
  });
  it("merge with empty plan is identity", () => {
    const p = hx().trigger("a").pushUrl("/x").status(201).vary("Accept");
    expect(p.merge(hx()).toJSON()).toEqual(p.toJSON());
    expect(hx().merge(p).toJSON()).toEqual(p.toJSON());
  });
  it("merge is associative", () => {
    const a = hx().trigger("x", { v: 1 }).redirect("/a").vary("A");
    const b = hx().trigger("y", undefined, { target: "#t" }).trigger("x", { v: 2 }).refresh().vary("B");
    const c = hx().trigger("z").trigger("y").location("/c").vary("a", "C").status(201);
    expect(a.merge(b).merge(c).toJSON()).toEqual(a.merge(b.merge(c)).toJSON());
  });
  it("merge associativity with push/replace", () => {
    const a = hx().pushUrl("/a");
    const b = hx().replaceUrl("/b");
    const c = hx().retarget("#c");
    expect(a.merge(b).merge(c).toJSON()).toEqual(a.merge(b.merge(c)).toJSON());
  });
  it("merge of non-Hx → invalid_option", () => {
    expectHxError(() => hx().merge({} as never), { code: "invalid_option" });
  });
  it("merge keeps the receiver's options (encoder) for later calls", () => {
    const p = hx({ encoder: (_k, v) => (v === 1 ? "one" : v) }).merge(hx());
    expect(h(p.trigger("a", { x: 1 }))["HX-Trigger"]).toBe('{"a":{"x":"one"}}');
  });
  it("merge: targeted events last after merging", () => {
    const a = hx().trigger("t", undefined, { target: "#t" });
    const b = hx().trigger("u");
    expect(h(a.merge(b))["HX-Trigger"]).toBe('{"u":{},"t":{"target":"#t"}}');
  });
  it("merge: stopPolling status", () => {
    expect(hx().merge(hx().stopPolling()).statusCode).toBe(286);
  });
});

describe("size limit", () => {
  it("default 8192: a header that fits is fine", () => {
    // "HX-Trigger: " + value + CRLF ; value '{"a":{"v":"xxx"}}'
    const overhead = 'HX-Trigger: {"a":{"v":""}}\r\n'.length;
    const p = hx().trigger("a", { v: "x".repeat(8192 - overhead) });
    expect(h(p)["HX-Trigger"].length).toBe(8192 - "HX-Trigger: \r\n".length);
  });
  it("default 8192: one byte over → header_too_large", () => {
    const overhead = 'HX-Trigger: {"a":{"v":""}}\r\n'.length;
    expectHxError(() => hx().trigger("a", { v: "x".repeat(8193 - overhead) }), {
      code: "header_too_large",
      header: "HX-Trigger",
    });
  });
  it("escaped characters count as their escaped length", () => {
    const overhead = 'HX-Trigger: {"a":{"v":""}}\r\n'.length;
    // each é is 6 bytes on the wire
    const n = Math.floor((8192 - overhead) / 6) + 1;
    expectHxError(() => hx().trigger("a", { v: "é".repeat(n) }), { code: "header_too_large" });
  });
  it("sum over all header lines, including Vary", () => {
    const p = hx({ maxHeaderBytes: 60 }).vary("Accept"); // "Vary: Accept\r\n" = 14
    // "HX-Retarget: " + sel + "\r\n" = 15 + len
    expect(() => p.retarget(`#${"a".repeat(30)}`)).not.toThrow(); // 14 + 15 + 31 = 60
    expectHxError(() => p.retarget(`#${"a".repeat(31)}`), { code: "header_too_large" }); // 61
  });
  it("names the biggest header", () => {
    const p = hx({ maxHeaderBytes: 100 }).retarget(`#${"a".repeat(40)}`);
    expectHxError(() => p.reselect(`#${"b".repeat(50)}`), {
      code: "header_too_large",
      header: "HX-Reselect",
      msg: ["HX-Reselect"],
    });
    const q = hx({ maxHeaderBytes: 100 }).retarget(`#${"a".repeat(80)}`);
    expectHxError(() => q.reselect("#b"), {
      code: "header_too_large",
      header: "HX-Retarget",
      msg: ["HX-Retarget"],
    });
  });
  it("message names the method that overflowed", () => {
    const p = hx({ maxHeaderBytes: 40 });
    expectHxError(() => p.pushUrl(`/${"a".repeat(40)}`), { code: "header_too_large", msg: ["pushUrl"] });
  });
  it("Infinity = no limit", () => {
    const p = hx({ maxHeaderBytes: Number.POSITIVE_INFINITY }).trigger("a", { v: "x".repeat(100_000) });
    expect(h(p)["HX-Trigger"].length).toBeGreaterThan(100_000);
  });
  it("merge checks size with the receiver's options", () => {
    const small = hx({ maxHeaderBytes: 50 });
    const big = hx().retarget(`#${"a".repeat(60)}`);
    expectHxError(() => small.merge(big), { code: "header_too_large" });
    expect(() => hx().merge(hx({ maxHeaderBytes: 50 }))).not.toThrow();
    expect(h(hx().merge(big))["HX-Retarget"]).toBeDefined();
  });
  it("bad maxHeaderBytes → invalid_option", () => {
    for (const v of [0, -1, Number.NaN, "100"]) {
      expectHxError(() => hx({ maxHeaderBytes: v as never }), { code: "invalid_option" });
    }
  });
  it("status counts nothing toward the limit", () => {
    expect(() => hx({ maxHeaderBytes: 1 }).status(201)).not.toThrow();
  });
  it("a plan that fails the size check leaves the receiver unchanged", () => {
    const p = hx({ maxHeaderBytes: 40 }).retarget("#a");
    expect(() => p.trigger("x", { v: "y".repeat(100) })).toThrow();
    expect(h(p)).toEqual({ "HX-Retarget": "#a" });
  });
});

describe("error shape", () => {
  it("invalid_option for bad after names the method", () => {
    expectHxError(() => hx().trigger("a", {}, { after: "later" } as never), {
      code: "invalid_option",
      msg: ["trigger"],
    });
  });
  it("status error names the method", () => {
    expectHxError(() => hx().status(700), { code: "invalid_option", msg: ["status", "700"] });
  });
  it("unsupported_in_version for stopPolling names the method", () => {
    // @ts-expect-error: the compiler refuses this too (Hx<V> types); checked here at run time
    expectHxError(() => hx({ htmx: 4 }).stopPolling(), {
      code: "unsupported_in_version",
      msg: ["stopPolling"],
    });
  });
  it("version_mismatch names merge", () => {
    expectHxError(() => hx().merge(hx({ htmx: 4 })), { code: "version_mismatch", msg: ["merge"] });
  });
  it("invalid_swap names reswap and HX-Reswap", () => {
    expectHxError(() => hx().reswap("bogus" as never), {
      code: "invalid_swap",
      header: "HX-Reswap",
      msg: ["reswap", "HX-Reswap", "bogus"],
    });
  });
  it("invalid_url names the offending input", () => {
    expectHxError(() => hx().replaceUrl("true"), {
      code: "invalid_url",
      header: "HX-Replace-Url",
      msg: ["replaceUrl", "HX-Replace-Url", "true"],
    });
  });
});

describe("more URL rules", () => {
  it("C1 controls are not control characters here: percent-encoded", () => {
    expect(push("/a\u0085b")).toBe("/a%C2%85b");
  });
  it("unicode whitespace inside a URL is percent-encoded", () => {
    expect(push("/a\u3000b")).toBe("/a%E3%80%80b");
  });
  it("unicode whitespace at the ends → invalid_url", () => {
    expectHxError(() => hx().pushUrl("/a\u3000"), { code: "invalid_url" });
  });
  it("control characters inside the scheme still unsafe_url", () => {
    expectHxError(() => hx().pushUrl("java\nscript:x"), { code: "unsafe_url" });
    expectHxError(() => hx().pushUrl("javascript:x\n"), { code: "unsafe_url" });
  });
  // BUG (API says "after any leading whitespace"): a NBSP/U+3000-prefixed javascript: URL is invalid_url, not unsafe_url
  it("non-ASCII leading whitespace before an unsafe scheme → unsafe_url", () => {
    expectHxError(() => hx().pushUrl("\u00a0javascript:alert(1)"), { code: "unsafe_url" });
    expectHxError(() => hx().pushUrl("\u3000javascript:alert(1)"), { code: "unsafe_url" });
  });
  it("lone surrogates in a URL are rejected with invalid_url", () => {
    expectHxError(() => hx().pushUrl("/a\ud800"), { code: "invalid_url", msg: ["2"] });
  });
  it("% in query and fragment", () => {
    expect(push("/x?a=%E9&b=%")).toBe("/x?a=%E9&b=%25");
    expect(push("/x#a b")).toBe("/x#a%20b");
  });
});

describe("more selector rules", () => {
  it("C1 controls in selectors are CSS-escaped, not errors", () => {
    expect(h(hx().retarget("#a\u0085b"))["HX-Retarget"]).toBe("#a\\000085b");
  });
  it("astral code point is one 6-digit escape", () => {
    expect(h(hx().reselect("#x😀y"))["HX-Reselect"]).toBe("#x\\01f600y");
  });
});

describe("merge errors name merge", () => {
  // BUG: merging a targeted array-index event under htmx 2 reports "trigger()" in the message, not "merge()"
  // The argument plan cannot be built: trigger("0", …, { target }) itself throws, and names trigger().
  it("targeted array-index name brought in by merge → invalid_event_name", () => {
    expectHxError(
      () =>
        hx()
          .trigger("0")
          .merge(hx().trigger("0", undefined, { target: "#t" })),
      {
        code: "invalid_event_name",
      },
    );
  });
  it("re-triggering an index name with a target → invalid_event_name", () => {
    expectHxError(() => hx().trigger("0").trigger("0", undefined, { target: "#t" }), {
      code: "invalid_event_name",
    });
  });
  it("merge error messages", () => {
    expectHxError(() => hx().trigger("a", undefined, { after: "swap" }).merge(hx().redirect("/x")), {
      code: "invalid_option",
      msg: ["merge("],
    });
    expectHxError(() => hx({ maxHeaderBytes: 30 }).merge(hx().retarget(`#${"a".repeat(40)}`)), {
      code: "header_too_large",
      header: "HX-Retarget",
      msg: ["merge("],
    });
  });
});
