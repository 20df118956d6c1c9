// applyTo (src/adapters/apply.ts) against every target: a node:http server over loopback, Fetch
// Headers and Response, plain records, ServerResponse-like objects and framework responses;
// what it merges from the target, and its laws (fast-check). Faults: apply.faults.test.ts.

import { once } from "node:events";
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
  validateHeaderValue,
} from "node:http";
import type { AddressInfo } from "node:net";
import { fc, test } from "@fast-check/vitest";
import express from "express";
import Fastify from "fastify";
import { type Hx, hx, isHxError } from "hxplan";
import Koa from "koa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plan as anyPlan, buildSmall, untargetedOp } from "../support/arbitraries.js";
import { errorOf, expectHxError } from "../support/errors.js";
import { h } from "../support/headers.js";

type Handler = (res: ServerResponse) => void;
let handler: Handler = () => {};
const server = createServer((_req, res) => {
  try {
    handler(res);
    res.end("ok");
  } catch (error) {
    res.statusCode = 500;
    res.setHeader("X-Error", isHxError(error) ? error.code : "other");
    res.end(String(error));
  }
});
let base = "";

beforeAll(async () => {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
});

async function serve(h: Handler): Promise<{ status: number; headers: Headers }> {
  handler = h;
  const response = await fetch(base);
  await response.text();
  return { status: response.status, headers: response.headers };
}

describe("applyTo(ServerResponse) over a real node:http server", () => {
  it("writes every header and the status", async () => {
    const { status, headers } = await serve((res) => {
      hx()
        .trigger("saved", { msg: "Grüße 👋" })
        .pushUrl("/items/é")
        .retarget("#row-é")
        .stopPolling()
        .applyTo(res);
    });
    expect(status).toBe(286);
    expect(JSON.parse(headers.get("HX-Trigger")!)).toEqual({ saved: { msg: "Grüße 👋" } });
    expect(headers.get("HX-Push-Url")).toBe("/items/%C3%A9");
    expect(headers.get("HX-Retarget")).toBe("#row-\\0000e9");
  });

  it("merges into an HX-Trigger and Vary set earlier on the response", async () => {
    const { headers } = await serve((res) => {
      res.setHeader("hx-trigger", '{"early":{"n":1},"saved":{"old":true}}');
      res.setHeader("Vary", "Accept-Encoding");
      hx().trigger("saved", { id: 2 }).trigger("late").vary("HX-Request", "accept-encoding").applyTo(res);
    });
    expect(headers.get("HX-Trigger")).toBe('{"early":{"n":1},"saved":{"id":2},"late":{}}');
    expect(headers.get("Vary")).toBe("Accept-Encoding, HX-Request");
  });

  it("parses several existing HX-Trigger lines (string[]) and sends one line", async () => {
    const { headers } = await serve((res) => {
      res.setHeader("HX-Trigger", ["a, b", '{"c":{"x":1}}']);
      hx().trigger("d").applyTo(res);
    });
    expect(headers.get("HX-Trigger")).toBe('{"a":{},"b":{},"c":{"x":1},"d":{}}');
  });

  it("removes the other member of an exclusive group", async () => {
    const { headers } = await serve((res) => {
      res.setHeader("HX-Redirect", "/old");
      res.setHeader("HX-Replace-Url", "/old");
      hx().location("/new").pushUrl("/p").applyTo(res);
    });
    expect(headers.get("HX-Redirect")).toBeNull();
    expect(headers.get("HX-Replace-Url")).toBeNull();
    expect(headers.get("HX-Location")).toBe("/new");
    expect(headers.get("HX-Push-Url")).toBe("/p");
  });

  it("refuses a redirect status and writes nothing", async () => {
    const { status, headers } = await serve((res) => {
      res.statusCode = 302;
      res.setHeader("Location", "/elsewhere");
      hx().trigger("lost").applyTo(res);
    });
    expect(status).toBe(500);
    expect(headers.get("X-Error")).toBe("status_conflict");
    expect(headers.get("HX-Trigger")).toBeNull();
  });

  it("refuses once headers are sent", async () => {
    const seen: string[] = [];
    await serve((res) => {
      res.writeHead(200);
      try {
        hx().trigger("late").applyTo(res);
      } catch (error) {
        if (isHxError(error)) seen.push(error.code);
      }
    });
    expect(seen).toEqual(["headers_sent"]);
  });
});
describe("applyTo(Headers | Response)", () => {
  it("merges a comma list already on Fetch Headers", () => {
    const headers = new Headers({ "HX-Trigger": "a, b" });
    const out = hx().trigger("c", { v: 1 }).applyTo(headers);
    expect(out).toBe(headers);
    expect(headers.get("hx-trigger")).toBe('{"a":{},"b":{},"c":{"v":1}}');
  });

  it("writes into a Response's headers when the status agrees", () => {
    const response = new Response("x", { status: 422, headers: { Vary: "*" } });
    hx().retarget("#form").status(422).vary("HX-Request").applyTo(response);
    expect(response.headers.get("HX-Retarget")).toBe("#form");
    expect(response.headers.get("Vary")).toBe("*");
  });

  it("refuses a Response whose status differs from the plan's", () => {
    const response = new Response("x", { status: 200 });
    expect(() => hx().stopPolling().applyTo(response)).toThrowError(
      expect.objectContaining({ code: "status_conflict" }),
    );
    expect([...response.headers]).toEqual([["content-type", "text/plain;charset=UTF-8"]]);
  });

  it("refuses the immutable headers of Response.redirect", () => {
    const response = Response.redirect("http://127.0.0.1/x", 302);
    expect(() => hx().status(200).applyTo(response)).toThrowError(
      expect.objectContaining({ code: "status_conflict" }),
    );
    const error = (() => {
      try {
        hx().vary("Accept").applyTo(Response.error());
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isHxError(error) && error.code).toBe("headers_sent");
  });
});
describe("applyTo(immutable Headers)", () => {
  // A Headers whose every change throws, as a fetched Response's does: read-only, with what it
  // held before; hxplan detects it when its first write throws, before anything has changed.
  function frozenHeaders(init: Record<string, string>): Headers {
    const inner = new Headers(init);
    const refuse = (): never => {
      throw new TypeError("immutable");
    };
    return Object.assign(Object.create(Headers.prototype) as Headers, {
      get: (name: string) => inner.get(name),
      has: (name: string) => inner.has(name),
      keys: () => inner.keys(),
      set: refuse,
      append: refuse,
      delete: refuse,
    });
  }

  it.each([
    ["a plan that only sets", () => hx().trigger("a"), {}],
    ["a plan whose first write is a removal", () => hx().replaceUrl("/b"), { "HX-Push-Url": "/a" }],
    ["a plan that merges", () => hx().trigger("b"), { "HX-Trigger": "a" }],
    ["an empty plan", () => hx(), {}],
  ] as const)("refuses %s with headers_sent, the cause kept", (_, plan, init) => {
    const headers = frozenHeaders(init);
    let error: unknown;
    try {
      plan().applyTo(headers);
    } catch (e) {
      error = e;
    }
    expect(isHxError(error) && error.code).toBe("headers_sent");
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });
});
describe("applyTo(record)", () => {
  it("matches keys case-insensitively and keeps the existing spelling", () => {
    const record: IncomingHttpHeaders & Record<string, string | string[] | undefined> = {
      "hx-TRIGGER": '{"a":{"x":1}}',
      vary: "accept",
    };
    hx().trigger("a", { x: 2 }).trigger("b").vary("Accept", "HX-Target").applyTo(record);
    expect(record).toEqual({ "hx-TRIGGER": '{"a":{"x":2},"b":{}}', vary: "accept, HX-Target" });
  });

  it("folds several spellings of one header into the first", () => {
    const record: Record<string, string | string[]> = { "HX-Trigger": "a", "hx-trigger": ["b", '{"c":{}}'] };
    hx().trigger("d").applyTo(record);
    expect(record).toEqual({ "HX-Trigger": '{"a":{},"b":{},"c":{},"d":{}}' });
  });

  it("refuses an existing value that is neither JSON nor a list, and writes nothing", () => {
    const record = { "HX-Trigger": "[1,2]", "HX-Redirect": "/x" };
    expect(() => hx().trigger("a").refresh().applyTo(record)).toThrowError(
      expect.objectContaining({ code: "invalid_existing_header", header: "HX-Trigger" }),
    );
    expect(record).toEqual({ "HX-Trigger": "[1,2]", "HX-Redirect": "/x" });
  });

  it("checks the size again after merging", () => {
    const record = { "HX-Trigger": JSON.stringify({ big: "x".repeat(200) }) };
    expect(() => hx({ maxHeaderBytes: 150 }).trigger("a").applyTo(record)).toThrowError(
      expect.objectContaining({ code: "header_too_large", header: "HX-Trigger" }),
    );
  });
});

describe("applyTo: Headers", () => {
  it("writes the plan's headers and returns the target", () => {
    const hd = new Headers();
    expect(hx().trigger("a").pushUrl("/p").applyTo(hd)).toBe(hd);
    expect(hd.get("HX-Trigger")).toBe('{"a":{}}');
    expect(hd.get("HX-Push-Url")).toBe("/p");
  });
  it("existing JSON HX-Trigger merged, same name: plan wins, first position kept", () => {
    const hd = new Headers({ "HX-Trigger": '{"b":{"v":1},"c":{}}' });
    hx().trigger("b", { v: 2 }).trigger("d").applyTo(hd);
    expect(hd.get("HX-Trigger")).toBe('{"b":{"v":2},"c":{},"d":{}}');
  });
  it("existing comma list: names trimmed, each detail {}", () => {
    const hd = new Headers({ "HX-Trigger": "x,  y ,z" });
    hx().trigger("a").applyTo(hd);
    expect(hd.get("HX-Trigger")).toBe('{"x":{},"y":{},"z":{},"a":{}}');
  });
  it("existing targeted events stay after untargeted", () => {
    const hd = new Headers({ "HX-Trigger": '{"t":{"target":"#t"}}' });
    hx().trigger("a").applyTo(hd);
    expect(hd.get("HX-Trigger")).toBe('{"a":{},"t":{"target":"#t"}}');
  });
  it("existing other header replaced by the plan", () => {
    const hd = new Headers({ "HX-Retarget": "#old", "X-Keep": "1" });
    hx().retarget("#new").applyTo(hd);
    expect(hd.get("HX-Retarget")).toBe("#new");
    expect(hd.get("X-Keep")).toBe("1");
  });
  it("Vary union with first spelling kept", () => {
    const hd = new Headers({ Vary: "accept-encoding, Cookie" });
    hx().vary("Accept-Encoding", "HX-Request").applyTo(hd);
    expect(hd.get("Vary")).toBe("accept-encoding, Cookie, HX-Request");
  });
  it("Vary * on target absorbs", () => {
    const hd = new Headers({ Vary: "*" });
    hx().vary("Accept").applyTo(hd);
    expect(hd.get("Vary")).toBe("*");
  });
  it("Vary * in plan absorbs target names", () => {
    const hd = new Headers({ Vary: "Accept" });
    hx().vary("*").applyTo(hd);
    expect(hd.get("Vary")).toBe("*");
  });
  it("exclusive groups: writing one member removes the others", () => {
    const hd = new Headers({ "HX-Redirect": "/r", "HX-Refresh": "true", "HX-Push-Url": "/p" });
    hx().location("/l").replaceUrl("/q").applyTo(hd);
    expect([...hd]).toEqual([
      ["hx-location", "/l"],
      ["hx-replace-url", "/q"],
    ]);
  });
  it("exclusive groups not touched when the plan does not set them", () => {
    const hd = new Headers({ "HX-Redirect": "/r", "HX-Push-Url": "/p" });
    hx().trigger("a").applyTo(hd);
    expect(hd.get("HX-Redirect")).toBe("/r");
    expect(hd.get("HX-Push-Url")).toBe("/p");
  });
  it("invalid existing → invalid_existing_header, target unchanged", () => {
    const hd = new Headers({ "HX-Trigger": "{not json", "HX-Retarget": "#old" });
    expectHxError(() => hx().retarget("#new").trigger("a").applyTo(hd), {
      code: "invalid_existing_header",
      header: "HX-Trigger",
      msg: ["applyTo"],
    });
    expect([...hd]).toEqual([
      ["hx-retarget", "#old"],
      ["hx-trigger", "{not json"],
    ]);
  });
  it("existing JSON array / string → invalid_existing_header", () => {
    for (const v of ["[1,2]", '"x"', "{}x", "{"]) {
      expectHxError(
        () =>
          hx()
            .trigger("a")
            .applyTo(new Headers({ "HX-Trigger": v })),
        {
          code: "invalid_existing_header",
        },
      );
    }
  });
  it("after-swap existing header merged (htmx 2)", () => {
    const hd = new Headers({ "HX-Trigger-After-Swap": "b" });
    hx().trigger("a", undefined, { after: "swap" }).applyTo(hd);
    expect(hd.get("HX-Trigger-After-Swap")).toBe('{"b":{},"a":{}}');
  });
  it("size checked again after merging, target unchanged", () => {
    const big = `{"${"b".repeat(80)}":{}}`;
    const hd = new Headers({ "HX-Trigger": big });
    expectHxError(() => hx({ maxHeaderBytes: 100 }).retarget("#x").trigger("a").applyTo(hd), {
      code: "header_too_large",
      header: "HX-Trigger",
    });
    expect([...hd]).toEqual([["hx-trigger", big]]);
  });
  it("empty plan leaves the target alone", () => {
    const hd = new Headers({ "X-A": "1" });
    hx().applyTo(hd);
    expect([...hd]).toEqual([["x-a", "1"]]);
  });
});
describe("applyTo: Response", () => {
  it("writes into the Response headers", () => {
    const r = new Response("x", { headers: { "HX-Push-Url": "/p" } });
    expect(hx().replaceUrl("/r").trigger("a").applyTo(r)).toBe(r);
    expect(r.headers.get("HX-Replace-Url")).toBe("/r");
    expect(r.headers.get("HX-Push-Url")).toBeNull();
    expect(r.headers.get("HX-Trigger")).toBe('{"a":{}}');
  });
  it("plan status differing from Response status → status_conflict", () => {
    const r = new Response("x", { status: 200 });
    expectHxError(() => hx().status(201).trigger("a").applyTo(r), { code: "status_conflict" });
    expect(r.headers.get("HX-Trigger")).toBeNull();
  });
  it("plan status equal to Response status is fine", () => {
    const r = new Response("x", { status: 201 });
    hx().status(201).trigger("a").applyTo(r);
    expect(r.headers.get("HX-Trigger")).toBe('{"a":{}}');
  });
  it("3xx Response with HX header → status_conflict", () => {
    const r = new Response(null, { status: 302, headers: { Location: "/x" } });
    expectHxError(() => hx().trigger("a").applyTo(r), { code: "status_conflict" });
  });
});
describe("applyTo: plain records", () => {
  it("mixed-case keys matched case-insensitively, existing spelling kept", () => {
    const rec: Record<string, string> = { "hx-TRIGGER": "b", vary: "Cookie", "Hx-Retarget": "#old" };
    hx().trigger("a").vary("Accept").retarget("#new").applyTo(rec);
    expect(rec).toEqual({ "hx-TRIGGER": '{"b":{},"a":{}}', vary: "Cookie, Accept", "Hx-Retarget": "#new" });
  });
  it("new keys use canonical names", () => {
    const rec: Record<string, string> = {};
    hx().trigger("a").reswap("outerHTML").applyTo(rec);
    expect(rec).toEqual({ "HX-Trigger": '{"a":{}}', "HX-Reswap": "outerHTML" });
  });
  it("string[] existing HX-Trigger: each line parsed and merged", () => {
    const rec: Record<string, string | string[]> = { "HX-Trigger": ['{"b":{"v":1}}', "c, d"] };
    hx().trigger("a").applyTo(rec);
    expect(rec).toEqual({ "HX-Trigger": '{"b":{"v":1},"c":{},"d":{},"a":{}}' });
  });
  it("string[] with one bad line → invalid_existing_header, unchanged", () => {
    const rec: Record<string, string | string[]> = { "HX-Trigger": ['{"b":{}}', "{bad"] };
    expectHxError(() => hx().trigger("a").applyTo(rec), { code: "invalid_existing_header" });
    expect(rec).toEqual({ "HX-Trigger": ['{"b":{}}', "{bad"] });
  });
  it("Vary as string[] on the target", () => {
    const rec: Record<string, string | string[]> = { Vary: ["Accept", "Cookie"] };
    hx().vary("cookie", "HX-Request").applyTo(rec);
    expect(rec.Vary).toBe("Accept, Cookie, HX-Request");
  });
  it("exclusive group members removed from a record whatever their case", () => {
    const rec: Record<string, string> = { "hx-redirect": "/r", "HX-LOCATION": "/l", other: "1" };
    hx().refresh().applyTo(rec);
    expect(rec).toEqual({ other: "1", "HX-Refresh": "true" });
  });
  it("same name twice across target and plan: later (plan) wins, first position kept", () => {
    const rec: Record<string, string> = { "HX-Trigger": '{"x":{"v":1},"y":{}}' };
    hx().trigger("x", { v: 2 }).applyTo(rec);
    expect(rec["HX-Trigger"]).toBe('{"x":{"v":2},"y":{}}');
  });
  it("atomic: nothing written on error", () => {
    const rec: Record<string, string> = { "HX-Trigger": "{bad", "HX-Push-Url": "/p" };
    expect(() => hx().replaceUrl("/r").retarget("#n").trigger("a").applyTo(rec)).toThrow();
    expect(rec).toEqual({ "HX-Trigger": "{bad", "HX-Push-Url": "/p" });
  });
  it("htmx 4: every timing merged into HX-Trigger", () => {
    const rec: Record<string, string> = { "HX-Trigger": "b" };
    hx({ htmx: 4 }).trigger("a", undefined, { after: "settle" }).applyTo(rec);
    expect(rec["HX-Trigger"]).toBe('{"b":{},"a":{}}');
  });
});
describe("applyTo: ServerResponse-like objects", () => {
  function fake(status = 200, init: Record<string, string | string[] | number> = {}) {
    const store = new Map<string, { name: string; value: string | string[] | number }>();
    for (const [k, v] of Object.entries(init)) store.set(k.toLowerCase(), { name: k, value: v });
    return {
      statusCode: status,
      headersSent: false,
      setHeader(name: string, value: string | string[] | number) {
        store.set(name.toLowerCase(), { name, value });
        return this;
      },
      getHeader(name: string) {
        return store.get(name.toLowerCase())?.value;
      },
      removeHeader(name: string) {
        store.delete(name.toLowerCase());
      },
      dump() {
        return Object.fromEntries([...store.values()].map((e) => [e.name, e.value]));
      },
    };
  }
  it("writes headers and status", () => {
    const res = fake();
    hx().trigger("a").status(201).applyTo(res);
    expect(res.statusCode).toBe(201);
    expect(res.dump()).toEqual({ "HX-Trigger": '{"a":{}}' });
  });
  it("no plan status: target status kept", () => {
    const res = fake(404);
    hx().trigger("a").applyTo(res);
    expect(res.statusCode).toBe(404);
  });
  it("3xx target status, HX header, no plan status → status_conflict; unchanged", () => {
    const res = fake(302);
    expectHxError(() => hx().trigger("a").applyTo(res), { code: "status_conflict" });
    expect(res.dump()).toEqual({});
    expect(res.statusCode).toBe(302);
  });
  it("3xx target status with plan status → plan status replaces", () => {
    const res = fake(302);
    hx().trigger("a").status(200).applyTo(res);
    expect(res.statusCode).toBe(200);
  });
  it("3xx target with only Vary plan is fine", () => {
    const res = fake(301);
    hx().vary("Accept").applyTo(res);
    expect(res.dump()).toEqual({ Vary: "Accept" });
  });
  it("headersSent → headers_sent, nothing written", () => {
    const res = fake();
    res.headersSent = true;
    expectHxError(() => hx().trigger("a").applyTo(res), { code: "headers_sent" });
    expect(res.dump()).toEqual({});
  });
  it("existing string[] HX-Trigger", () => {
    const res = fake(200, {});
    res.setHeader("HX-Trigger", ['{"b":{}}', "c"]);
    hx().trigger("a").applyTo(res);
    expect(res.getHeader("hx-trigger")).toBe('{"b":{},"c":{},"a":{}}');
  });
  it("existing numeric Vary-ish values don't crash; Vary union", () => {
    const res = fake(200, { Vary: "Cookie" });
    hx().vary("Accept").applyTo(res);
    expect(res.getHeader("vary")).toBe("Cookie, Accept");
  });
  it("exclusive groups removed", () => {
    const res = fake(200, { "HX-Replace-Url": "/r", "HX-Refresh": "true" });
    hx().pushUrl("/p").redirect("/x").applyTo(res);
    expect(res.dump()).toEqual({ "HX-Push-Url": "/p", "HX-Redirect": "/x" });
  });
});
describe("applyTo on a real node:http server", () => {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = () => {};
  const server = createServer((req, res) => handler(req, res));
  let base = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  async function serve(fn: (res: ServerResponse) => void, init?: RequestInit): Promise<Response> {
    handler = (_req, res) => {
      try {
        fn(res);
        if (!res.writableEnded) res.end("ok");
      } catch (e) {
        if (!res.headersSent) {
          res.statusCode = 599;
          res.setHeader("X-Error", (e as { code?: string }).code ?? "unknown");
        }
        if (!res.writableEnded) res.end();
      }
    };
    return fetch(base, init);
  }
  it("writes headers and status over the wire", async () => {
    const r = await serve((res) => {
      hx().trigger("saved", { msg: "café 😀" }).pushUrl("/ü").vary("HX-Request").status(201).applyTo(res);
    });
    expect(r.status).toBe(201);
    expect(r.headers.get("hx-trigger")).toBe('{"saved":{"msg":"caf\\u00e9 \\ud83d\\ude00"}}');
    expect(JSON.parse(r.headers.get("hx-trigger")!).saved.msg).toBe("café 😀");
    expect(r.headers.get("hx-push-url")).toBe("/%C3%BC");
    expect(r.headers.get("vary")).toBe("HX-Request");
  });
  it("merges with existing headers on the response", async () => {
    const r = await serve((res) => {
      res.setHeader("HX-Trigger", "first, second");
      res.setHeader("Vary", "Accept-Encoding");
      res.setHeader("HX-Redirect", "/gone");
      hx().trigger("third").location("/l").vary("accept-encoding", "HX-Request").applyTo(res);
    });
    expect(r.headers.get("hx-trigger")).toBe('{"first":{},"second":{},"third":{}}');
    expect(r.headers.get("vary")).toBe("Accept-Encoding, HX-Request");
    expect(r.headers.get("hx-redirect")).toBeNull();
    expect(r.headers.get("hx-location")).toBe("/l");
  });
  it("string[] existing trigger lines become one line", async () => {
    const r = await serve((res) => {
      res.setHeader("HX-Trigger", ['{"a":{"v":1}}', '{"b":{}}']);
      hx().trigger("c").applyTo(res);
    });
    expect(r.headers.get("hx-trigger")).toBe('{"a":{"v":1},"b":{},"c":{}}');
  });
  it("stopPolling sends 286", async () => {
    const r = await serve((res) => {
      hx().stopPolling().applyTo(res);
    });
    expect(r.status).toBe(286);
  });
  it("headers already sent → headers_sent", async () => {
    let code: string | undefined;
    const r = await serve((res) => {
      res.writeHead(200);
      res.write("x");
      try {
        hx().trigger("a").applyTo(res);
      } catch (e) {
        code = (e as { code?: string }).code;
      }
      res.end();
    });
    await r.text();
    expect(code).toBe("headers_sent");
  });
  it("3xx response with HX header → status_conflict, nothing written", async () => {
    let code: string | undefined;
    const r = await serve(
      (res) => {
        res.statusCode = 302;
        res.setHeader("Location", "/elsewhere");
        try {
          hx().trigger("a").applyTo(res);
        } catch (e) {
          code = (e as { code?: string }).code;
        }
        res.end();
      },
      { redirect: "manual" },
    );
    expect(code).toBe("status_conflict");
    expect(r.status).toBe(302);
    expect(r.headers.get("hx-trigger")).toBeNull();
  });
  it("atomic on a real response", async () => {
    let code: string | undefined;
    const r = await serve((res) => {
      res.setHeader("HX-Trigger", "{broken");
      res.setHeader("HX-Retarget", "#old");
      try {
        hx().retarget("#new").status(201).trigger("a").applyTo(res);
      } catch (e) {
        code = (e as { code?: string }).code;
      }
    });
    expect(code).toBe("invalid_existing_header");
    expect(r.status).toBe(200);
    expect(r.headers.get("hx-retarget")).toBe("#old");
    expect(r.headers.get("hx-trigger")).toBe("{broken");
  });
});
describe("plan values are independent of applyTo", () => {
  it("applyTo does not change the plan", () => {
    const p: Hx = hx().trigger("a");
    p.applyTo({ "HX-Trigger": "b" });
    expect(h(p)).toEqual({ "HX-Trigger": '{"a":{}}' });
  });
});
describe("more applyTo merging details", () => {
  it("record: existing key spelling kept for replaced headers", () => {
    const rec: Record<string, string> = { "hx-push-url": "/old" };
    hx().pushUrl("/new").applyTo(rec);
    expect(rec).toEqual({ "hx-push-url": "/new" });
  });
  it("Vary: empty items dropped, first spelling kept", () => {
    const rec: Record<string, string> = { Vary: "Accept,, cookie" };
    hx().vary("Cookie", "HX-Request").applyTo(rec);
    expect(rec.Vary).toBe("Accept, cookie, HX-Request");
  });
  it("Vary: * in an existing list absorbs", () => {
    const rec: Record<string, string> = { Vary: "Accept, *" };
    hx().vary("Cookie").applyTo(rec);
    expect(rec.Vary).toBe("*");
  });
  it("plan without Vary leaves the target's Vary alone", () => {
    const rec: Record<string, string> = { vary: "Accept" };
    hx().trigger("a").applyTo(rec);
    expect(rec.vary).toBe("Accept");
  });
  it("existing non-object JSON details are kept", () => {
    const rec: Record<string, string> = { "HX-Trigger": '{"b":1}' };
    hx().trigger("a").applyTo(rec);
    expect(rec["HX-Trigger"]).toBe('{"b":1,"a":{}}');
  });
  it("existing header with only whitespace or commas counts as empty", () => {
    const rec: Record<string, string> = { "HX-Trigger": " , " };
    hx().trigger("a").applyTo(rec);
    expect(rec["HX-Trigger"]).toBe('{"a":{}}');
  });
  it("size is checked for the plan's own headers, not unrelated target headers", () => {
    const rec: Record<string, string> = { "X-Big": "x".repeat(1000) };
    hx({ maxHeaderBytes: 100 }).trigger("a").applyTo(rec);
    expect(rec["HX-Trigger"]).toBe('{"a":{}}');
  });
  it("a Response target with 3xx and a Vary-only plan is fine", () => {
    const r = new Response(null, { status: 302, headers: { Location: "/x" } });
    hx().vary("Accept").applyTo(r);
    expect(r.headers.get("Vary")).toBe("Accept");
  });
  it("non-target argument → invalid_option", () => {
    expectHxError(
      () =>
        hx()
          .trigger("a")
          .applyTo(null as never),
      { code: "invalid_option" },
    );
  });
});
describe("3xx from the plan meets HX-* already on the target", () => {
  // BUG (ambiguous in API.md; section 5 says 3xx + any HX-* is status_conflict "whichever came first"):
  // a Vary-only plan with status 302 applied to a target that already holds HX-Trigger gives 302 + HX-Trigger, no error
  it("plan status 3xx onto a target with HX-* headers → status_conflict", () => {
    const rec = { statusCode: 200, headers: new Map<string, string>([["hx-trigger", "a"]]) };
    const res = {
      get statusCode() {
        return rec.statusCode;
      },
      set statusCode(v: number) {
        rec.statusCode = v;
      },
      setHeader: (k: string, v: string) => rec.headers.set(k.toLowerCase(), v),
      getHeader: (k: string) => rec.headers.get(k.toLowerCase()),
      removeHeader: (k: string) => rec.headers.delete(k.toLowerCase()),
    };
    expectHxError(() => hx().vary("Accept").status(302).applyTo(res), { code: "status_conflict" });
  });
  // BUG (ambiguous, same rule): toResponseInit with init.headers holding HX-Trigger and a 302 plan status
  it("plan status 3xx with HX-* in init.headers → status_conflict", () => {
    expectHxError(
      () =>
        hx()
          .vary("Accept")
          .status(302)
          .toResponseInit({ headers: { "HX-Trigger": "a" } }),
      {
        code: "status_conflict",
      },
    );
  });
});

// API.md section 4: a Node ServerResponse-like target covers node:http, Express, Koa's ctx.res and Fastify's reply.raw.
const plan = () => hx().trigger("saved", { n: 1 }).pushUrl("/é").vary("HX-Request").status(201);

async function check(r: Response) {
  expect(r.status).toBe(201);
  expect(r.headers.get("hx-trigger")).toBe('{"first":{},"saved":{"n":1}}');
  expect(r.headers.get("hx-push-url")).toBe("/%C3%A9");
  expect(r.headers.get("vary")).toBe("Accept-Encoding, HX-Request");
  expect(await r.text()).toBe("ok");
}

describe("framework responses as targets", () => {
  it("Express res", async () => {
    const app = express();
    app.get("/", (_req, res) => {
      res.setHeader("HX-Trigger", "first");
      res.setHeader("Vary", "Accept-Encoding");
      plan().applyTo(res);
      res.send("ok");
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    try {
      await check(await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`));
    } finally {
      server.close();
    }
  });
  it("Koa ctx.res", async () => {
    const app = new Koa();
    app.use((ctx) => {
      ctx.set("HX-Trigger", "first");
      ctx.set("Vary", "Accept-Encoding");
      // Koa resets an implicit status to 200 when ctx.body is set, so the body goes first
      ctx.body = "ok";
      plan().applyTo(ctx.res);
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    try {
      await check(await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`));
    } finally {
      server.close();
    }
  });
  it("Fastify reply.raw", async () => {
    const app = Fastify();
    app.get("/", (_req, reply) => {
      reply.raw.setHeader("HX-Trigger", "first");
      reply.raw.setHeader("Vary", "Accept-Encoding");
      plan().applyTo(reply.raw);
      reply.send("ok");
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      await check(await fetch(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`));
    } finally {
      await app.close();
    }
  });
});

// What applyTo merges from a target is checked like the plan's own values (every header it
// writes is printable ASCII), and merging costs time linear in what the target holds.
const PRINTABLE = /^[\x20-\x7e]*$/;

describe("merged values", () => {
  it.each([
    ["a non-ASCII name", "Accept\u00e9", 6],
    ["a tab inside a name", "A\tB", 1],
    ["CR/LF", "Accept\r\nX-Evil: 1", 6],
    ["a space inside a name", "Accept Encoding", 6],
    ["a quote", 'Accept"', 6],
  ])("an existing Vary with %s is invalid_existing_header, naming the character", (_, vary, index) => {
    for (const target of [{ Vary: vary }, { vary: ["Accept", vary] }]) {
      const error = errorOf(() => hx().vary("HX-Request").applyTo(target));
      expect(error.code).toBe("invalid_existing_header");
      expect(error.header).toBe("Vary");
      expect(error.message).toContain(`index ${index}`);
    }
  });

  it("checks Access-Control-Expose-Headers the same way, on every target kind", () => {
    const plan = hx().trigger("a").exposeHeaders();
    expect(errorOf(() => plan.applyTo({ "Access-Control-Expose-Headers": "X-\u00e9" })).code).toBe(
      "invalid_existing_header",
    );
    const res = { headers: {} as Record<string, unknown> };
    const node = {
      setHeader: (n: string, v: unknown) => {
        res.headers[n.toLowerCase()] = v;
      },
      getHeader: (n: string) => res.headers[n.toLowerCase()] as string | undefined,
      removeHeader: (n: string) => {
        delete res.headers[n.toLowerCase()];
      },
    };
    node.setHeader("Access-Control-Expose-Headers", "X-A\tB");
    expect(errorOf(() => plan.applyTo(node)).code).toBe("invalid_existing_header");
    expect(res.headers).toEqual({ "access-control-expose-headers": "X-A\tB" });
  });

  it("keeps tokens, `*`, spaces and tabs around names and empty elements as HTTP lists allow", () => {
    expect(hx().vary("X").applyTo({ Vary: " Accept ,\tOrigin,, " }).Vary).toBe("Accept, Origin, X");
    expect(hx().vary("X").applyTo({ Vary: "Accept, *" }).Vary).toBe("*");
    expect(hx().vary("X").applyTo({ Vary: 5 }).Vary).toBe("5, X");
  });

  it.each([
    ["null", null],
    ["an object", { toString: () => "Accept" }],
    ["a boolean", true],
    ["an array with a number", ["a", 1]],
    ["a function", () => "a"],
  ])("an existing value that is %s is invalid_existing_header, nothing written", (_, value) => {
    for (const name of ["HX-Trigger", "Vary"]) {
      const record: Record<string, unknown> = { [name]: value, "HX-Retarget": "#old" };
      const error = errorOf(() =>
        hx()
          .trigger("a")
          .vary("X")
          .retarget("#new")
          .applyTo(record as never),
      );
      expect(error.code).toBe("invalid_existing_header");
      expect(error.header).toBe(name);
      expect(record).toEqual({ [name]: value, "HX-Retarget": "#old" });
    }
  });

  it("writes an existing HX-Trigger back as printable ASCII, compact, details as written", () => {
    const existing =
      '{ "caf\u00e9" : { "n" : 1e400, "s" : "a \u2028 b", "big": 12345678901234567890 } ,\n "x":[ 1 , 2 ] }';
    const out = hx().trigger("y").applyTo({ "HX-Trigger": existing })["HX-Trigger"] as string;
    expect(out).toMatch(PRINTABLE);
    expect(out).toBe(
      '{"caf\\u00e9":{"n":1e400,"s":"a \\u2028 b","big":12345678901234567890},"x":[1,2],"y":{}}',
    );
    expect(JSON.parse(out)).toEqual({ ...JSON.parse(existing), y: {} });
  });

  it("an existing event with a target (even spelled with escapes) stays after the untargeted ones", () => {
    const existing = '{"t":{"t\\u0061rget":"#a"},"u":{}}';
    expect(hx().trigger("v").applyTo({ "HX-Trigger": existing })["HX-Trigger"]).toBe(
      '{"u":{},"v":{},"t":{"t\\u0061rget":"#a"}}',
    );
  });

  it("refuses JSON that is not an object, and a comma list with JSON punctuation", () => {
    for (const value of ["[1,2]", '{"a":1', "a, {", '{"a":{}} x', '"a"']) {
      expect(errorOf(() => hx().trigger("b").applyTo({ "HX-Trigger": value })).code).toBe(
        "invalid_existing_header",
      );
    }
  });
});
describe("merge size and time", () => {
  const wide = (events: number) =>
    `{${Array.from({ length: events }, (_, i) => `"event-${i}":{"id":${i},"text":"row ${i}"}`).join(",")}}`;
  // CPU time of this process, so time the scheduler gives to other processes is not counted.
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const time = (value: string) => {
    const plan = hx({ maxHeaderBytes: Number.POSITIVE_INFINITY })
      .trigger("event-7", { id: -1 })
      .trigger("new");
    const t0 = cpuMs();
    const out = plan.applyTo({ "HX-Trigger": value })["HX-Trigger"] as string;
    return { ms: cpuMs() - t0, out };
  };

  it("merges an existing HX-Trigger of 1 MB in time linear in its size", () => {
    const small = wide(2_500); // about 100 KB
    const large = wide(25_000); // about 1 MB
    expect(large.length).toBeGreaterThan(1_000_000);
    time(small); // warm up
    const best = (value: string) => Math.min(...Array.from({ length: 5 }, () => time(value).ms));
    const ratio = best(large) / Math.max(best(small), 0.5);
    // Ten times the size: linear gives about 10, quadratic about 100.
    expect(ratio, `1 MB took ${ratio.toFixed(1)}× the time of 100 KB`).toBeLessThan(30);
    const { ms, out } = time(large);
    expect(ms).toBeLessThan(1000);
    const events = JSON.parse(out);
    expect(Object.keys(events)).toHaveLength(25_001);
    expect(events["event-7"]).toEqual({ id: -1 });
    expect(Object.keys(events).at(-1)).toBe("new");
  });

  it("many repeats of one name, and a long comma list, stay linear too", () => {
    const repeats = `{${Array.from({ length: 50_000 }, (_, i) => `"same":{"i":${i}}`).join(",")}}`;
    const t0 = performance.now();
    const out = hx({ maxHeaderBytes: Number.POSITIVE_INFINITY })
      .trigger("x")
      .applyTo({ "HX-Trigger": repeats })["HX-Trigger"];
    expect(out).toBe('{"same":{"i":49999},"x":{}}');
    const list = Array.from({ length: 100_000 }, (_, i) => `e${i % 1000}`).join(", ");
    const list2 = hx({ maxHeaderBytes: Number.POSITIVE_INFINITY })
      .trigger("x")
      .applyTo({ "HX-Trigger": list })["HX-Trigger"] as string;
    expect(Object.keys(JSON.parse(list2))).toHaveLength(1001);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it("refuses an existing HX-Trigger over maxHeaderBytes before parsing it, quickly", () => {
    const large = `${wide(25_000).slice(0, -1)},`; // 1 MB, and not even valid JSON
    const t0 = performance.now();
    const error = errorOf(() => hx().trigger("a").applyTo({ "HX-Trigger": large }));
    expect(performance.now() - t0).toBeLessThan(50);
    expect(error.code).toBe("header_too_large");
    expect(error.header).toBe("HX-Trigger");
    // Just under the limit it is parsed (and refused as the bad JSON it is).
    expect(
      errorOf(() =>
        hx({ maxHeaderBytes: large.length + 20 })
          .trigger("a")
          .applyTo({ "HX-Trigger": large }),
      ).code,
    ).toBe("invalid_existing_header");
  });

  it("no nesting depth throws anything but an HxError", () => {
    for (const depth of [10, 5_000, 200_000]) {
      const deep = `{"a":${"[".repeat(depth)}${"]".repeat(depth)},"b":${'{"c":'.repeat(depth)}1${"}".repeat(depth)}}`;
      const out = hx({ maxHeaderBytes: Number.POSITIVE_INFINITY })
        .trigger("z")
        .applyTo({ "HX-Trigger": deep })["HX-Trigger"] as string;
      expect(out.length).toBe(deep.length + 7);
      expect(
        errorOf(() =>
          hx()
            .trigger("z")
            .applyTo({ "HX-Trigger": `${deep.slice(0, -1)}` }),
        ).code,
      ).toMatch(/^(header_too_large|invalid_existing_header)$/);
    }
  });
});

describe("law 4: applyTo is atomic", () => {
  const existingTrigger = fc.constantFrom(undefined, '{"a":{}}', "a, b", "{not json", "[1]", [
    "x",
    '{"y":1}',
  ]);
  const status = fc.constantFrom(200, 204, 302, 422);

  function nodeLike(headers: Record<string, string | string[]>, statusCode: number, headersSent: boolean) {
    const store = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v] as const));
    return {
      statusCode,
      headersSent,
      setHeader(name: string, value: string | number | readonly string[]) {
        validateHeaderValue(name, value as string);
        store.set(name.toLowerCase(), value as string);
        return this;
      },
      getHeader: (name: string) => store.get(name.toLowerCase()),
      removeHeader: (name: string) => void store.delete(name.toLowerCase()),
      snapshot: () => JSON.stringify([...store]),
    };
  }

  it("leaves the target unchanged when it throws (node, Headers, record)", () => {
    let refused = 0;
    fc.assert(
      fc.property(anyPlan, existingTrigger, status, fc.boolean(), (p, trig, code, sent) => {
        const initial: Record<string, string | string[]> = { Vary: "Accept", "HX-Redirect": "/old" };
        if (trig !== undefined) initial["hx-trigger"] = trig;
        // node-like
        const res = nodeLike(initial, code, sent);
        const before = res.snapshot();
        try {
          p.applyTo(res);
        } catch (error) {
          refused++;
          expect(isHxError(error)).toBe(true);
          expect(res.snapshot()).toBe(before);
          expect(res.statusCode).toBe(code);
        }
        // plain record
        const record = structuredClone(initial);
        try {
          p.applyTo(record);
        } catch (error) {
          expect(isHxError(error)).toBe(true);
          expect(record).toEqual(initial);
        }
        // Fetch Headers (string[] joins as the runtime would)
        const headers = new Headers();
        for (const [k, v] of Object.entries(initial)) for (const line of [v].flat()) headers.append(k, line);
        const fetchBefore = [...headers];
        try {
          p.applyTo(headers);
        } catch (error) {
          expect(isHxError(error)).toBe(true);
          expect([...headers]).toEqual(fetchBefore);
        }
      }),
      { numRuns: 300 },
    );
    // The generators must reach the refusals, or this law checks nothing.
    expect(refused).toBeGreaterThan(20);
  });
});

describe("applyTo agrees with merge", () => {
  // compare what the client sees: names lower-cased, trigger JSON re-serialised in JS key order
  // (integer-like names such as "0" move first in JSON.parse, on the client too)
  const lower = (r: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [
        k.toLowerCase(),
        k.toLowerCase().startsWith("hx-trigger") ? JSON.stringify(JSON.parse(String(v))) : v,
      ]),
    );
  test.prop(
    [
      fc.constantFrom<2 | 4>(2, 4),
      fc.array(untargetedOp, { maxLength: 6 }),
      fc.array(untargetedOp, { maxLength: 6 }),
    ],
    {
      numRuns: 1000,
    },
  )("applying a then b to a record equals applying a.merge(b)", (v, oa, ob) => {
    const a = buildSmall(v, oa);
    const b = buildSmall(v, ob);
    let merged: Hx;
    try {
      merged = a.merge(b);
    } catch {
      return;
    }
    const r1: Record<string, string> = {};
    a.applyTo(r1);
    b.applyTo(r1);
    const r2: Record<string, string> = {};
    merged.applyTo(r2);
    expect(lower(r1)).toEqual(lower(r2));
  });
});
