// Fetch outputs (src/adapters/fetch.ts): toResponseInit and toResponse.

import { hx } from "hxplan";
import { describe, expect, it } from "vitest";
import { expectHxError } from "../support/errors.js";

describe("toResponseInit / toResponse", () => {
  it("merges init.headers and lets the plan's status win", () => {
    const init = hx()
      .trigger("b")
      .status(422)
      .toResponseInit({ status: 200, headers: { "HX-Trigger": "a" } });
    expect(init.status).toBe(422);
    expect(new Headers(init.headers).get("HX-Trigger")).toBe('{"a":{},"b":{}}');
  });

  it("builds a Response", async () => {
    const response = hx()
      .trigger("done")
      .toResponse("<p>ok</p>", { headers: { "Content-Type": "text/html" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html");
    expect(response.headers.get("HX-Trigger")).toBe('{"done":{}}');
    expect(await response.text()).toBe("<p>ok</p>");
  });

  it("refuses a 3xx init status with HX headers", () => {
    expect(() => hx().trigger("x").toResponseInit({ status: 303 })).toThrowError(
      expect.objectContaining({ code: "status_conflict" }),
    );
    expect(hx().vary("Accept").toResponseInit({ status: 303 }).status).toBe(303);
  });
  it("no init: headers and status", () => {
    const ri = hx().trigger("a").status(201).toResponseInit();
    expect(ri.status).toBe(201);
    expect(new Headers(ri.headers).get("HX-Trigger")).toBe('{"a":{}}');
  });
  it("no status in plan: init.status kept", () => {
    expect(hx().trigger("a").toResponseInit({ status: 404 }).status).toBe(404);
    expect(hx().trigger("a").toResponseInit().status).toBeUndefined();
  });
  it("plan status replaces init.status", () => {
    expect(hx().status(422).toResponseInit({ status: 404 }).status).toBe(422);
  });
  it("other init fields kept", () => {
    expect(hx().trigger("a").toResponseInit({ statusText: "Fine" }).statusText).toBe("Fine");
  });
  it("init is not mutated", () => {
    const init = { status: 200, headers: { "HX-Trigger": "b" } };
    hx().trigger("a").status(201).toResponseInit(init);
    expect(init).toEqual({ status: 200, headers: { "HX-Trigger": "b" } });
    const hd = new Headers({ "HX-Trigger": "b" });
    hx().trigger("a").toResponseInit({ headers: hd });
    expect([...hd]).toEqual([["hx-trigger", "b"]]);
  });
  it("merges init.headers record (case-insensitively) for HX-Trigger", () => {
    const ri = hx()
      .trigger("a", { n: 1 })
      .toResponseInit({ headers: { "hx-trigger": '{"b":{}}', "X-Other": "1" } });
    const hd = new Headers(ri.headers);
    expect(hd.get("HX-Trigger")).toBe('{"b":{},"a":{"n":1}}');
    expect(hd.get("X-Other")).toBe("1");
  });
  it("merges init.headers array form and Headers form", () => {
    const a = new Headers(
      hx()
        .trigger("a")
        .toResponseInit({ headers: [["HX-Trigger", "b, c"]] }).headers,
    );
    expect(a.get("HX-Trigger")).toBe('{"b":{},"c":{},"a":{}}');
    const b = new Headers(
      hx()
        .trigger("a")
        .toResponseInit({ headers: new Headers({ "HX-Trigger": "b" }) }).headers,
    );
    expect(b.get("HX-Trigger")).toBe('{"b":{},"a":{}}');
  });
  it("Vary union in init", () => {
    const hd = new Headers(
      hx()
        .vary("Accept", "HX-Request")
        .toResponseInit({ headers: { vary: "accept, Cookie" } }).headers,
    );
    expect(hd.get("Vary")).toBe("accept, Cookie, HX-Request");
  });
  it("exclusive group in init replaced", () => {
    expect(
      headersOf(
        hx()
          .redirect("/x")
          .toResponseInit({ headers: { "HX-Location": "/y", "hx-refresh": "true" } }),
      ),
    ).toEqual([["hx-redirect", "/x"]]);
    expect(
      headersOf(
        hx()
          .replaceUrl("/r")
          .toResponseInit({ headers: { "HX-Push-Url": "/p" } }),
      ),
    ).toEqual([["hx-replace-url", "/r"]]);
  });
  it("3xx init.status with HX header and no plan status → status_conflict", () => {
    expectHxError(() => hx().trigger("a").toResponseInit({ status: 302 }), { code: "status_conflict" });
  });
  it("3xx init.status overridden by plan status is fine", () => {
    expect(hx().trigger("a").status(200).toResponseInit({ status: 302 }).status).toBe(200);
  });
  it("3xx init.status with only Vary is fine", () => {
    expect(hx().vary("Accept").toResponseInit({ status: 302 }).status).toBe(302);
  });
  it("invalid existing HX-Trigger in init → invalid_existing_header", () => {
    expectHxError(
      () =>
        hx()
          .trigger("a")
          .toResponseInit({ headers: { "HX-Trigger": "{bad" } }),
      {
        code: "invalid_existing_header",
        header: "HX-Trigger",
      },
    );
  });
  it("toResponse: body, status, headers", async () => {
    const r = hx()
      .trigger("a")
      .status(201)
      .toResponse("hello", { headers: { "Content-Type": "text/html" } });
    expect(r).toBeInstanceOf(Response);
    expect(r.status).toBe(201);
    expect(r.headers.get("HX-Trigger")).toBe('{"a":{}}');
    expect(r.headers.get("Content-Type")).toBe("text/html");
    expect(await r.text()).toBe("hello");
  });
  it("toResponse defaults: no body, status 200", async () => {
    const r = hx().retarget("#x").toResponse();
    expect(r.status).toBe(200);
    expect(await r.text()).toBe("");
  });
  it("toResponse with 286", () => {
    expect(hx().stopPolling().toResponse("x").status).toBe(286);
  });
  // BUG: errors thrown by toResponse() name "toResponseInit()" in the message, not the method the user called
  it("toResponse: errors name toResponse", () => {
    expectHxError(
      () =>
        hx()
          .trigger("a")
          .toResponse("x", { headers: { "HX-Trigger": "{bad" } }),
      {
        code: "invalid_existing_header",
        msg: ["toResponse("],
      },
    );
  });
});

function headersOf(init: ResponseInit): [string, string][] {
  return [...new Headers(init.headers)];
}

describe("toResponseInit: repeated header pairs are several lines", () => {
  // BUG: init.headers as [["HX-Trigger", json1], ["HX-Trigger", json2]] is joined to "json1, json2" and rejected instead of merging each line
  it("each HX-Trigger pair is parsed and merged", () => {
    const ri = hx()
      .trigger("c")
      .toResponseInit({
        headers: [
          ["HX-Trigger", '{"a":{}}'],
          ["HX-Trigger", '{"b":{}}'],
        ],
      });
    expect(new Headers(ri.headers).get("HX-Trigger")).toBe('{"a":{},"b":{},"c":{}}');
  });
  it("repeated Vary pairs are unioned", () => {
    const ri = hx()
      .vary("C")
      .toResponseInit({
        headers: [
          ["Vary", "A"],
          ["Vary", "B"],
        ],
      });
    expect(new Headers(ri.headers).get("Vary")).toBe("A, B, C");
  });
});
