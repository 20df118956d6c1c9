// applyTo against real targets: a node:http server over loopback, Fetch Headers and Response,
// and plain records that already hold headers.
import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { hx, isHxError } from "hxplan";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

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
});
