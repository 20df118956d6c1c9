import { HTMX_STOP_POLLING, Hx, HxError, hx, isHxError } from "hxplan";
import { describe, expect, it } from "vitest";
import { expectHxError, h } from "./helpers.js";

describe("exports", () => {
  it("hx() returns an instance of the exported class Hx", () => {
    expect(hx()).toBeInstanceOf(Hx);
    expect(hx({ htmx: 4 })).toBeInstanceOf(Hx);
  });
  it("HTMX_STOP_POLLING === 286", () => {
    expect(HTMX_STOP_POLLING).toBe(286);
  });
  it("HxError extends Error with name HxError", () => {
    const err = expectHxError(() => hx().status(99), { code: "invalid_option" });
    expect(err).toBeInstanceOf(HxError);
    expect(err).toBeInstanceOf(Error);
  });
  it("isHxError recognises an HxError from another copy (by name and code)", () => {
    const foreign = Object.assign(new Error("x"), { name: "HxError", code: "invalid_url" });
    expect(isHxError(foreign)).toBe(true);
  });
  it("isHxError rejects plain errors and non-errors", () => {
    expect(isHxError(new Error("x"))).toBe(false);
    expect(isHxError(Object.assign(new Error("x"), { name: "HxError" }))).toBe(false);
    expect(isHxError(null)).toBe(false);
    expect(isHxError(undefined)).toBe(false);
    expect(isHxError("HxError")).toBe(false);
    expect(isHxError({ code: "invalid_url" })).toBe(false);
  });
  it("isHxError accepts a genuine HxError", () => {
    let e: unknown;
    try {
      hx().redirect("");
    } catch (err) {
      e = err;
    }
    expect(isHxError(e)).toBe(true);
  });
});

describe("hx() options and defaults", () => {
  it("empty plan: no headers, no status, isEmpty", () => {
    const p = hx();
    expect(h(p)).toEqual({});
    expect(p.statusCode).toBeUndefined();
    expect(p.isEmpty).toBe(true);
  });
  it("default htmx version is 2", () => {
    expect(hx().toJSON().htmx).toBe(2);
    expect(hx({ htmx: 4 }).toJSON().htmx).toBe(4);
  });
  it("unknown hx() option is invalid_option", () => {
    expectHxError(() => hx({ foo: 1 } as never), { code: "invalid_option" });
  });
  it("bad htmx version is invalid_option", () => {
    expectHxError(() => hx({ htmx: 3 } as never), { code: "invalid_option" });
    expectHxError(() => hx({ htmx: "2" } as never), { code: "invalid_option" });
  });
  it("hx(undefined) is an empty htmx 2 plan", () => {
    expect(hx(undefined).toJSON()).toEqual({ htmx: 2, headers: {} });
  });
});

describe("immutability", () => {
  it("every method returns a new Hx and leaves the receiver unchanged", () => {
    const base = hx();
    const calls: ((p: Hx) => Hx)[] = [
      (p) => p.trigger("a"),
      (p) => p.pushUrl("/a"),
      (p) => p.replaceUrl("/a"),
      (p) => p.redirect("/a"),
      (p) => p.refresh(),
      (p) => p.location("/a"),
      (p) => p.reswap("outerHTML"),
      (p) => p.retarget("#a"),
      (p) => p.reselect("#a"),
      (p) => p.stopPolling(),
      (p) => p.status(201),
      (p) => p.vary("Accept"),
      (p) => p.merge(hx().trigger("x")),
    ];
    for (const c of calls) {
      const next = c(base);
      expect(next).toBeInstanceOf(Hx);
      expect(next).not.toBe(base);
      expect(h(base)).toEqual({});
      expect(base.statusCode).toBeUndefined();
      expect(base.isEmpty).toBe(true);
    }
  });
  it("two plans branched from one base never see each other's changes", () => {
    const base = hx().trigger("a", { n: 1 });
    const b1 = base.trigger("b").pushUrl("/one");
    const b2 = base.trigger("c").replaceUrl("/two");
    expect(h(base)).toEqual({ "HX-Trigger": '{"a":{"n":1}}' });
    expect(h(b1)).toEqual({ "HX-Trigger": '{"a":{"n":1},"b":{}}', "HX-Push-Url": "/one" });
    expect(h(b2)).toEqual({ "HX-Trigger": '{"a":{"n":1},"c":{}}', "HX-Replace-Url": "/two" });
  });
  it("vary on a branch does not leak into the other", () => {
    const base = hx().vary("Accept");
    const b1 = base.vary("HX-Request");
    const b2 = base.vary("Cookie");
    expect(h(b1).Vary).toBe("Accept, HX-Request");
    expect(h(b2).Vary).toBe("Accept, Cookie");
    expect(h(base).Vary).toBe("Accept");
  });
});

describe("methods and their headers (htmx 2)", () => {
  it("trigger → HX-Trigger", () => {
    expect(h(hx().trigger("saved"))).toEqual({ "HX-Trigger": '{"saved":{}}' });
  });
  it("trigger after swap → HX-Trigger-After-Swap", () => {
    expect(h(hx().trigger("saved", undefined, { after: "swap" }))).toEqual({
      "HX-Trigger-After-Swap": '{"saved":{}}',
    });
  });
  it("trigger after settle → HX-Trigger-After-Settle", () => {
    expect(h(hx().trigger("saved", undefined, { after: "settle" }))).toEqual({
      "HX-Trigger-After-Settle": '{"saved":{}}',
    });
  });
  it("trigger after receive is the default", () => {
    expect(h(hx().trigger("a", undefined, { after: "receive" }))).toEqual(h(hx().trigger("a")));
  });
  it("unknown after is invalid_option", () => {
    expectHxError(() => hx().trigger("a", {}, { after: "load" } as never), { code: "invalid_option" });
  });
  it("pushUrl(url) → HX-Push-Url", () => {
    expect(h(hx().pushUrl("/items/1"))).toEqual({ "HX-Push-Url": "/items/1" });
  });
  it("pushUrl(false) → 'false'", () => {
    expect(h(hx().pushUrl(false))).toEqual({ "HX-Push-Url": "false" });
  });
  it("replaceUrl(url) → HX-Replace-Url", () => {
    expect(h(hx().replaceUrl("/items?page=2"))).toEqual({ "HX-Replace-Url": "/items?page=2" });
  });
  it("replaceUrl(false) → 'false'", () => {
    expect(h(hx().replaceUrl(false))).toEqual({ "HX-Replace-Url": "false" });
  });
  it("pushUrl/replaceUrl accept URL objects", () => {
    expect(h(hx().pushUrl(new URL("https://example.com/a?b=1#c")))).toEqual({
      "HX-Push-Url": "https://example.com/a?b=1#c",
    });
    expect(h(hx().replaceUrl(new URL("http://example.com/x")))).toEqual({
      "HX-Replace-Url": "http://example.com/x",
    });
  });
  it('pushUrl("true") / pushUrl("false") are invalid_url', () => {
    expectHxError(() => hx().pushUrl("true"), { code: "invalid_url", header: "HX-Push-Url" });
    expectHxError(() => hx().pushUrl("false"), { code: "invalid_url", header: "HX-Push-Url" });
  });
  it('replaceUrl("true") / replaceUrl("false") are invalid_url', () => {
    expectHxError(() => hx().replaceUrl("true"), { code: "invalid_url", header: "HX-Replace-Url" });
    expectHxError(() => hx().replaceUrl("false"), { code: "invalid_url", header: "HX-Replace-Url" });
  });
  it("pushUrl(true) (boolean) is rejected", () => {
    expect(() => hx().pushUrl(true as never)).toThrow(HxError);
  });
  it("redirect(url) → HX-Redirect", () => {
    expect(h(hx().redirect("/login"))).toEqual({ "HX-Redirect": "/login" });
    expect(h(hx().redirect(new URL("https://example.com/")))).toEqual({
      "HX-Redirect": "https://example.com/",
    });
  });
  it("refresh() → HX-Refresh: true", () => {
    expect(h(hx().refresh())).toEqual({ "HX-Refresh": "true" });
  });
  it("refresh(false) / refresh(true) / refresh(null) are invalid_option", () => {
    expectHxError(() => (hx().refresh as (x: unknown) => Hx)(false), { code: "invalid_option" });
    expectHxError(() => (hx().refresh as (x: unknown) => Hx)(true), { code: "invalid_option" });
    expectHxError(() => (hx().refresh as (x: unknown) => Hx)(null), { code: "invalid_option" });
  });
  it("refresh(undefined) is fine", () => {
    expect(h((hx().refresh as (x: unknown) => Hx)(undefined))).toEqual({ "HX-Refresh": "true" });
  });
  it("location(path) → HX-Location plain path", () => {
    expect(h(hx().location("/inbox"))).toEqual({ "HX-Location": "/inbox" });
  });
  it("reswap(style) → HX-Reswap", () => {
    expect(h(hx().reswap("outerHTML"))).toEqual({ "HX-Reswap": "outerHTML" });
  });
  it("retarget(selector) → HX-Retarget", () => {
    expect(h(hx().retarget("#main"))).toEqual({ "HX-Retarget": "#main" });
  });
  it("reselect(selector) → HX-Reselect", () => {
    expect(h(hx().reselect(".content"))).toEqual({ "HX-Reselect": ".content" });
  });
  it("stopPolling() → status 286 (htmx 2)", () => {
    const p = hx().stopPolling();
    expect(p.statusCode).toBe(286);
    expect(h(p)).toEqual({});
    expect(p.isEmpty).toBe(false);
  });
  it("stopPolling() with htmx 4 is unsupported_in_version", () => {
    // @ts-expect-error: the compiler refuses this too (Hx<V> types); checked here at run time
    expectHxError(() => hx({ htmx: 4 }).stopPolling(), { code: "unsupported_in_version" });
  });
  it("status(code) sets statusCode", () => {
    expect(hx().status(201).statusCode).toBe(201);
    expect(hx().status(200).statusCode).toBe(200);
    expect(hx().status(599).statusCode).toBe(599);
    expect(hx().status(422).isEmpty).toBe(false);
  });
  it("status outside 200–599 or non-integer is invalid_option", () => {
    for (const c of [199, 600, 100, 0, -1, 200.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expectHxError(() => hx().status(c), { code: "invalid_option" });
    }
    expectHxError(() => hx().status("200" as never), { code: "invalid_option" });
  });
  it("status: last call wins", () => {
    expect(hx().status(201).status(202).statusCode).toBe(202);
    expect(hx().stopPolling().status(200).statusCode).toBe(200);
    expect(hx().status(200).stopPolling().statusCode).toBe(286);
  });
  it("vary(...names) appends, de-duplicated case-insensitively", () => {
    expect(h(hx().vary("HX-Request", "Accept").vary("hx-request", "Cookie"))).toEqual({
      Vary: "HX-Request, Accept, Cookie",
    });
  });
  it("vary() with no names: no change", () => {
    const p = hx().vary();
    expect(h(p)).toEqual({});
    expect(p.isEmpty).toBe(true);
    expect(h(hx().vary("Accept").vary())).toEqual({ Vary: "Accept" });
  });
  it("vary with a bad token is invalid_option", () => {
    expectHxError(() => hx().vary("Bad Name"), { code: "invalid_option" });
    expectHxError(() => hx().vary(""), { code: "invalid_option" });
    expectHxError(() => hx().vary("a,b"), { code: "invalid_option" });
    expectHxError(() => hx().vary("x\n"), { code: "invalid_option" });
  });
  it("vary('*') is accepted", () => {
    expect(h(hx().vary("*")).Vary).toBe("*");
  });
  it("vary('*') absorbs the other names in the plan", () => {
    expect(h(hx().vary("Accept").vary("*")).Vary).toBe("*");
    expect(h(hx().vary("*").vary("Accept")).Vary).toBe("*");
  });
  it("single-valued headers: last call wins", () => {
    expect(h(hx().retarget("#a").retarget("#b"))).toEqual({ "HX-Retarget": "#b" });
    expect(h(hx().reselect("#a").reselect("#b"))).toEqual({ "HX-Reselect": "#b" });
    expect(h(hx().reswap("innerHTML").reswap("outerHTML"))).toEqual({ "HX-Reswap": "outerHTML" });
    expect(h(hx().pushUrl("/a").pushUrl("/b"))).toEqual({ "HX-Push-Url": "/b" });
    expect(h(hx().redirect("/a").redirect("/b"))).toEqual({ "HX-Redirect": "/b" });
    expect(h(hx().location("/a").location("/b"))).toEqual({ "HX-Location": "/b" });
  });
});

describe("exclusive groups", () => {
  it("redirect then refresh: refresh only", () => {
    expect(h(hx().redirect("/a").refresh())).toEqual({ "HX-Refresh": "true" });
  });
  it("refresh then redirect: redirect only", () => {
    expect(h(hx().refresh().redirect("/a"))).toEqual({ "HX-Redirect": "/a" });
  });
  it("redirect then location: location only", () => {
    expect(h(hx().redirect("/a").location("/b"))).toEqual({ "HX-Location": "/b" });
  });
  it("location then refresh: refresh only", () => {
    expect(h(hx().location("/b").refresh())).toEqual({ "HX-Refresh": "true" });
  });
  it("refresh then location: location only", () => {
    expect(h(hx().refresh().location("/b"))).toEqual({ "HX-Location": "/b" });
  });
  it("location then redirect: redirect only", () => {
    expect(h(hx().location("/b").redirect("/a"))).toEqual({ "HX-Redirect": "/a" });
  });
  it("pushUrl then replaceUrl: replace only", () => {
    expect(h(hx().pushUrl("/a").replaceUrl("/b"))).toEqual({ "HX-Replace-Url": "/b" });
  });
  it("replaceUrl then pushUrl: push only", () => {
    expect(h(hx().replaceUrl("/b").pushUrl("/a"))).toEqual({ "HX-Push-Url": "/a" });
  });
  it("pushUrl(false) then replaceUrl: replace only", () => {
    expect(h(hx().pushUrl(false).replaceUrl("/b"))).toEqual({ "HX-Replace-Url": "/b" });
  });
  it("htmx 4: exclusive groups behave the same", () => {
    expect(h(hx({ htmx: 4 }).redirect("/a").refresh())).toEqual({ "HX-Refresh": "true" });
    expect(h(hx({ htmx: 4 }).pushUrl("/a").replaceUrl("/b"))).toEqual({ "HX-Replace-Url": "/b" });
  });
  it("groups are independent of each other", () => {
    expect(h(hx().pushUrl("/a").redirect("/r"))).toEqual({ "HX-Push-Url": "/a", "HX-Redirect": "/r" });
  });
});

describe("validation happens at call time", () => {
  it("bad input throws from the method itself", () => {
    const p = hx();
    expect(() => p.retarget("")).toThrow(HxError);
    expect(() => p.pushUrl("javascript:alert(1)")).toThrow(HxError);
    expect(() => p.trigger("")).toThrow(HxError);
  });
});

describe("inputs are snapshotted (immutable value)", () => {
  it("mutating the swapStyles array later has no effect", () => {
    const styles = ["upsert"];
    const p = hx({ swapStyles: styles });
    styles.push("later");
    expectHxError(() => p.reswap("later"), { code: "invalid_swap" });
    expect(h(p.reswap("upsert"))["HX-Reswap"]).toBe("upsert");
  });
  it("mutating the options object later has no effect", () => {
    const opts: { htmx: 2 | 4 } = { htmx: 2 };
    const p = hx(opts);
    opts.htmx = 4;
    expect(p.toJSON().htmx).toBe(2);
  });
  it("mutating a URL object later has no effect", () => {
    const u = new URL("https://example.com/x");
    const p = hx().pushUrl(u);
    u.pathname = "/y";
    expect(h(p)["HX-Push-Url"]).toBe("https://example.com/x");
  });
  it("mutating location options later has no effect", () => {
    const headers: Record<string, string> = { "X-A": "1" };
    const p = hx().location("/p", { headers });
    headers["X-A"] = "2";
    expect(h(p)["HX-Location"]).toBe('{"path":"/p","headers":{"X-A":"1"}}');
  });
  it("the plan object itself cannot be mutated", () => {
    const p = hx().trigger("a");
    try {
      (p as unknown as Record<string, unknown>).extra = 1;
    } catch {}
    expect(p.toJSON()).toEqual({ htmx: 2, headers: { "HX-Trigger": '{"a":{}}' } });
  });
});
