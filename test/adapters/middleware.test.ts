// The shared middleware core (src/adapters/middleware.ts): options, the redirect decision and
// the polling-tag decision, without a framework. The frameworks run the same behaviour in
// test/frameworks/middleware.test.ts and in Chromium in test/e2e/protocol.test.ts.

import { hxRequest } from "hxplan";
import { describe, expect, it } from "vitest";
import { boundHx, middlewareSettings, ptagMatches, redirectHeader } from "../../src/adapters/middleware.js";

const HTMX = { "HX-Request": "true" };
const toRedirect = middlewareSettings({ redirects: "hx-redirect" });
const toLocation = middlewareSettings({ redirects: "hx-location" });

describe("redirectHeader", () => {
  it("converts 301, 302, 303, 307 and 308 with a Location, nothing else", () => {
    for (const status of [301, 302, 303, 307, 308]) {
      expect(redirectHeader(toRedirect, hxRequest(HTMX), status, "/next", "http://a.test/save")).toEqual({
        "HX-Redirect": "/next",
      });
    }
    for (const status of [200, 300, 304, 305, 404]) {
      expect(redirectHeader(toRedirect, hxRequest(HTMX), status, "/next", undefined)).toBeUndefined();
    }
    expect(redirectHeader(toRedirect, hxRequest(HTMX), 303, undefined, undefined)).toBeUndefined();
    expect(redirectHeader(toRedirect, hxRequest(HTMX), 303, "", undefined)).toBeUndefined();
  });

  it("resolves a relative Location against the request URL, as the browser would", () => {
    expect(
      redirectHeader(toRedirect, hxRequest(HTMX), 303, "next?x=1", "http://a.test/todos/7/save"),
    ).toEqual({
      "HX-Redirect": "/todos/7/next?x=1",
    });
    expect(redirectHeader(toLocation, hxRequest(HTMX), 303, "../list", "/todos/7/save")).toEqual({
      "HX-Location": "/todos/list",
    });
  });

  it('"hx-location" sends a Location on another host as HX-Redirect (htmx cannot GET it)', () => {
    expect(
      redirectHeader(toLocation, hxRequest(HTMX), 302, "https://login.example/sso?r=1", "http://a.test/save"),
    ).toEqual({ "HX-Redirect": "https://login.example/sso?r=1" });
    expect(
      redirectHeader(toLocation, hxRequest(HTMX), 302, "http://a.test/in", "http://a.test/save"),
    ).toEqual({
      "HX-Location": '{"path":"http://a.test/in"}',
    });
  });

  it("leaves a Location hxplan refuses (unsafe) as a redirect", () => {
    expect(
      redirectHeader(toRedirect, hxRequest(HTMX), 302, "javascript:alert(1)", undefined),
    ).toBeUndefined();
    for (const sneaky of ["//evil.example/", "/\\\\evil.example/", "\\\\evil.example/"]) {
      expect(redirectHeader(toRedirect, hxRequest(HTMX), 302, sneaky, undefined)).toBeUndefined();
    }
  });

  it("reads the request only for a redirect, and then only isHtmx and boosted", () => {
    const request = hxRequest(HTMX);
    redirectHeader(toRedirect, request, 200, "/next", undefined);
    expect(request.consulted).toEqual([]);
    redirectHeader(toRedirect, request, 303, "/next", undefined);
    expect(request.consulted).toEqual(["HX-Request", "HX-History-Restore-Request", "HX-Boosted"]);
    const off = hxRequest(HTMX);
    redirectHeader(middlewareSettings(undefined), off, 303, "/next", undefined);
    expect(off.consulted).toEqual([]);
  });
});
describe("boundHx and ptagMatches", () => {
  it("boundHx reads the version only when called, and a fixed version reads nothing", () => {
    const request = hxRequest({ "HX-Request": "true", "HX-Source": "button#b" });
    const make = boundHx(() => request, middlewareSettings(undefined));
    expect(request.consulted).toEqual([]);
    expect(make({ maxHeaderBytes: 100, htmx: 2 }).htmx).toBe(4);
    const fixed = hxRequest({ "HX-Request": "true" });
    expect(boundHx(() => fixed, middlewareSettings({ htmx: 4 }))().htmx).toBe(4);
    expect(fixed.consulted).toEqual([]);
  });

  it("ptagMatches only on GET and HEAD, and reads HX-PTag only then", () => {
    const post = hxRequest({ "HX-PTag": "t" });
    expect(ptagMatches(post, "POST", "t")).toBe(false);
    expect(post.consulted).toEqual([]);
    expect(ptagMatches(hxRequest({ "HX-PTag": "t" }), "GET", "t")).toBe(true);
    expect(ptagMatches(hxRequest({ "HX-PTag": "t" }), "HEAD", "t")).toBe(true);
    expect(ptagMatches(hxRequest({ "HX-PTag": "u" }), "GET", "t")).toBe(false);
  });
});
describe("middlewareSettings", () => {
  it("defaults, and refuses anything else with invalid_option naming the option", () => {
    expect(middlewareSettings(undefined)).toEqual({ vary: true, redirects: false, htmx: undefined });
    expect(middlewareSettings({ vary: false, redirects: "hx-location", htmx: 2 })).toEqual({
      vary: false,
      redirects: "hx-location",
      htmx: 2,
    });
    expect(() => middlewareSettings({ redirect: "hx-redirect" })).toThrow(/unknown option "redirect"/);
    const getter = {
      get htmx() {
        throw new Error("boom");
      },
    };
    expect(() => middlewareSettings(getter)).toThrow(expect.objectContaining({ code: "invalid_option" }));
  });
});
