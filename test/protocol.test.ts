// Section 7 of the contract on the builder: HX-PTag, 304 with HX-* headers (and htmx 2's
// implied HX-Reswap: none), the Stop Polling reason phrase, location push:false with replace.
import { createServer, request as httpRequest } from "node:http";
import { fc, test } from "@fast-check/vitest";
import { HTMX_STOP_POLLING, hx } from "hxplan";
import { describe, expect, it } from "vitest";
import { errorOf } from "./errors.js";

describe("ptag()", () => {
  it("writes HX-PTag with htmx 4", () => {
    expect(hx({ htmx: 4 }).ptag("news-42").toHeaders()).toEqual({ "HX-PTag": "news-42" });
    expect(hx({ htmx: 4 }).ptag("a").ptag('W/"b c"').toHeaders()).toEqual({ "HX-PTag": 'W/"b c"' });
  });

  it("is unsupported_in_version with htmx 2", () => {
    // @ts-expect-error: the compiler refuses this too (Hx<V> types); checked here at run time
    const error = errorOf(() => hx().ptag("news-42"));
    expect(error).toMatchObject({ code: "unsupported_in_version", header: "HX-PTag" });
    expect(error.message).toMatch(/ptag\(\)/);
  });

  it.each([
    ["empty", ""],
    ["too long", "x".repeat(513)],
    ["a leading space", " x"],
    ["a trailing space", "x "],
    ["a tab", "a\tb"],
    ["non-ASCII", "café"],
    ["a control character", "a\u007fb"],
  ])("refuses a tag with %s (invalid_option, naming the character)", (_why, tag) => {
    const error = errorOf(() => hx({ htmx: 4 }).ptag(tag));
    expect(error).toMatchObject({ code: "invalid_option", header: "HX-PTag" });
  });

  it("names the offending character and index", () => {
    expect(errorOf(() => hx({ htmx: 4 }).ptag("abé")).message).toMatch(/"é" \(U\+00E9\) at index 2/);
    expect(errorOf(() => hx({ htmx: 4 }).ptag("ab ")).message).toMatch(/at index 2/);
  });

  it("accepts 512 characters, and a tag made of inner spaces", () => {
    expect(hx({ htmx: 4 }).ptag("x".repeat(512)).toHeaders()["HX-PTag"]).toHaveLength(512);
    expect(hx({ htmx: 4 }).ptag("a b").toHeaders()["HX-PTag"]).toBe("a b");
  });

  test.prop([
    fc.string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
      minLength: 1,
      maxLength: 512,
    }),
  ])("any printable-ASCII tag without outer spaces round-trips through a Fetch Headers", (tag) => {
    fc.pre(tag.trim() === tag);
    const response = hx({ htmx: 4 }).ptag(tag).toResponse(null);
    expect(response.headers.get("hx-ptag")).toBe(tag);
  });

  it("merge: the other plan's tag wins; counted in maxHeaderBytes", () => {
    const a = hx({ htmx: 4 }).ptag("a");
    expect(a.merge(hx({ htmx: 4 }).ptag("b")).toHeaders()["HX-PTag"]).toBe("b");
    expect(a.merge(hx({ htmx: 4 })).toHeaders()["HX-PTag"]).toBe("a");
    expect(errorOf(() => hx({ htmx: 4, maxHeaderBytes: 20 }).ptag("x".repeat(10))).code).toBe(
      "header_too_large",
    );
    expect(hx({ htmx: 4, maxHeaderBytes: 21 }).ptag("x".repeat(10)).isEmpty).toBe(false);
  });

  it("applyTo replaces an existing HX-PTag", () => {
    const target: Record<string, string> = { "hx-ptag": "old" };
    hx({ htmx: 4 }).ptag("new").applyTo(target);
    expect(target).toEqual({ "hx-ptag": "new" });
  });
});

describe("304 with HX-* headers", () => {
  it("is allowed, with HX-PTag, on every output (htmx 4: no implied reswap)", () => {
    const plan = hx({ htmx: 4 }).ptag("v1").status(304);
    expect(plan.toJSON()).toEqual({ htmx: 4, status: 304, headers: { "HX-PTag": "v1" } });
    const response = plan.toResponse(null);
    expect(response.status).toBe(304);
    expect(response.headers.get("hx-ptag")).toBe("v1");
    const init = plan.toResponseInit();
    expect(init.status).toBe(304);
    const record: Record<string, string> = {};
    plan.applyTo(record);
    expect(record).toEqual({ "HX-PTag": "v1" });
  });

  it("htmx 2: a 304 plan writes HX-Reswap: none in toHeaders, applyTo and toResponseInit", () => {
    const plan = hx().status(304);
    expect(plan.toHeaders()).toEqual({ "HX-Reswap": "none" });
    const record: Record<string, string> = {};
    plan.applyTo(record);
    expect(record).toEqual({ "HX-Reswap": "none" });
    expect(new Headers(plan.toResponseInit().headers).get("hx-reswap")).toBe("none");
    expect(hx().trigger("x").status(304).toHeaders()).toEqual({
      "HX-Trigger": '{"x":{}}',
      "HX-Reswap": "none",
    });
  });

  it("htmx 2: the plan's own reswap wins, whichever came first; another status drops the implied one", () => {
    expect(hx().status(304).reswap("outerHTML").toHeaders()).toEqual({ "HX-Reswap": "outerHTML" });
    expect(hx().reswap("outerHTML").status(304).toHeaders()).toEqual({ "HX-Reswap": "outerHTML" });
    expect(hx().status(304).status(200).toHeaders()).toEqual({});
    expect(hx().status(304).merge(hx().status(200)).toHeaders()).toEqual({});
  });

  it("htmx 2: the implied HX-Reswap counts in maxHeaderBytes (HX-Reswap: none\\r\\n is 17 bytes)", () => {
    expect(errorOf(() => hx({ maxHeaderBytes: 16 }).status(304)).code).toBe("header_too_large");
    expect(hx({ maxHeaderBytes: 17 }).status(304).toHeaders()).toEqual({ "HX-Reswap": "none" });
  });

  it("applies onto a 304 target and puts a 304 over HX-* headers already there", () => {
    const res = { statusCode: 304, headers: new Map<string, string>() } as const;
    const node = {
      statusCode: res.statusCode as number,
      setHeader: (n: string, v: string) => res.headers.set(n.toLowerCase(), v),
      getHeader: (n: string) => res.headers.get(n.toLowerCase()),
      removeHeader: (n: string) => res.headers.delete(n.toLowerCase()),
    };
    hx({ htmx: 4 }).ptag("t").applyTo(node);
    expect(res.headers.get("hx-ptag")).toBe("t");
    const record: Record<string, string> = { "HX-Trigger": "a" };
    hx().status(304).applyTo(record);
    expect(record["HX-Reswap"]).toBe("none");
  });

  it("other 3xx statuses with HX-* headers stay status_conflict", () => {
    expect(errorOf(() => hx({ htmx: 4 }).ptag("t").status(303)).code).toBe("status_conflict");
    expect(
      errorOf(() =>
        hx()
          .trigger("x")
          .applyTo({ statusCode: 302, setHeader() {}, getHeader() {}, removeHeader() {} }),
      ).code,
    ).toBe("status_conflict");
  });
});

describe("Stop Polling", () => {
  it("toResponse() sets statusText 'Stop Polling' for 286, keeping a caller's own", () => {
    expect(hx().stopPolling().toResponse("x").statusText).toBe("Stop Polling");
    expect(hx().status(HTMX_STOP_POLLING).toResponse("x").statusText).toBe("Stop Polling");
    expect(hx().stopPolling().toResponse("x", { statusText: "Done" }).statusText).toBe("Done");
    expect(hx().status(200).toResponse("x").statusText).toBe("");
  });

  it("applyTo a node:http response sends the reason phrase 'Stop Polling' on the wire", async () => {
    const server = createServer((_req, res) => {
      hx().stopPolling().applyTo(res).end("done");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const [status, message] = await new Promise<[number | undefined, string | undefined]>(
      (resolve, reject) => {
        httpRequest({ host: "127.0.0.1", port, path: "/" }, (res) => {
          res.resume();
          resolve([res.statusCode, res.statusMessage]);
        })
          .on("error", reject)
          .end();
      },
    );
    server.close();
    expect(status).toBe(286);
    expect(message).toBe("Stop Polling");
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
