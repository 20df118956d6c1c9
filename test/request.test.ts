// hxRequest (src/request.ts): sources, boolean headers, decoding, consulted, never throwing,
// its properties (fast-check), and the requests htmx 2.0.8, 2.0.11 and 4.0.1 really sent.

import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import { connect } from "node:net";
import { fc, test } from "@fast-check/vitest";
import { type HxRequest, hx, hxRequest } from "hxplan";
import { describe, expect, it } from "vitest";

type Property = Exclude<keyof HxRequest, "consulted">;

const PROPERTIES: readonly Property[] = [
  "isHtmx",
  "boosted",
  "historyRestore",
  "currentUrl",
  "prompt",
  "target",
  "trigger",
  "triggerName",
  "source",
  "requestType",
  "version",
  "ptag",
  "currentUrlPath",
  "triggeringEvent",
];

/** The headers each property reads, in the order it reads them. */
const READS: Record<Property, readonly string[]> = {
  isHtmx: ["HX-Request", "HX-History-Restore-Request"],
  boosted: ["HX-Boosted"],
  historyRestore: ["HX-History-Restore-Request"],
  currentUrl: ["HX-Current-URL"],
  prompt: ["HX-Prompt"],
  target: ["HX-Target"],
  trigger: ["HX-Trigger"],
  triggerName: ["HX-Trigger-Name"],
  source: ["HX-Source"],
  requestType: ["HX-Request-Type"],
  version: ["HX-Request-Type", "HX-Source", "HX-Request", "HX-History-Restore-Request"],
  ptag: ["HX-PTag"],
  currentUrlPath: ["HX-Current-URL"],
  triggeringEvent: ["Triggering-Event"],
};

function readAll(request: HxRequest): Record<Property, unknown> {
  const values = {} as Record<Property, unknown>;
  for (const property of PROPERTIES) values[property] = request[property];
  return values;
}

/** A real IncomingMessage for raw request text, from a real node:http server. */
async function incoming(head: string): Promise<IncomingMessage> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  const received = once(server, "request") as Promise<[IncomingMessage, import("node:http").ServerResponse]>;
  const socket = connect(port, "127.0.0.1");
  socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n${head}\r\n`);
  const [req, res] = await received;
  res.end();
  socket.destroy();
  server.close();
  return req;
}

describe("hxRequest: sources", () => {
  const headers = {
    "HX-Request": "true",
    "HX-Boosted": "true",
    "HX-Current-URL": "http://127.0.0.1/page?a=1",
    "HX-Target": "rows",
    "HX-Trigger": "save",
    "HX-Trigger-Name": "action",
    "HX-Prompt": "yes",
    "HX-PTag": "p1",
    "Triggering-Event": '{"type":"click"}',
  };
  // A record or Headers has no Host here; a Request's URL and an IncomingMessage's Host do.
  const expected = {
    isHtmx: true,
    boosted: true,
    historyRestore: false,
    currentUrl: "http://127.0.0.1/page?a=1",
    prompt: "yes",
    target: "rows",
    trigger: "save",
    triggerName: "action",
    source: undefined,
    requestType: undefined,
    version: 2,
    ptag: "p1",
    currentUrlPath: undefined as string | undefined,
    triggeringEvent: { type: "click" },
  };
  const onHost = { ...expected, currentUrlPath: "/page?a=1" };

  it("reads a plain record", () => {
    expect(readAll(hxRequest(headers))).toEqual(expected);
  });

  it("reads a Fetch Headers", () => {
    expect(readAll(hxRequest(new Headers(headers)))).toEqual(expected);
  });

  it("reads a Fetch Request", () => {
    expect(readAll(hxRequest(new Request("http://127.0.0.1/", { headers })))).toEqual(onHost);
  });

  it("reads a Node IncomingMessage", async () => {
    const head = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join("");
    expect(readAll(hxRequest(await incoming(head)))).toEqual(onHost);
  });

  it("uses the first of repeated header lines from an IncomingMessage (headersDistinct)", async () => {
    const req = await incoming("HX-Target: first\r\nHX-Target: second\r\nHX-Request: true\r\n");
    expect(req.headers["hx-target"]).toBe("first, second");
    expect(hxRequest(req).target).toBe("first");
  });

  it("falls back to IncomingMessage.headers when headersDistinct is missing", () => {
    expect(hxRequest({ headers: { "hx-target": "rows", "hx-request": "true" } }).target).toBe("rows");
  });

  it("uses the first of a string[] in a record", () => {
    expect(hxRequest({ "HX-Target": ["first", "second"] }).target).toBe("first");
    expect(hxRequest({ "HX-Request": ["true", "false"] }).isHtmx).toBe(true);
    expect(hxRequest({ "HX-Target": [] }).target).toBeUndefined();
  });

  it("uses a value Fetch Headers joined as is", () => {
    const joined = new Headers();
    joined.append("HX-Target", "first");
    joined.append("HX-Target", "second");
    joined.append("HX-Request", "true");
    joined.append("HX-Request", "true");
    const request = hxRequest(joined);
    expect(request.target).toBe("first, second");
    expect(request.isHtmx).toBe(false);
  });

  it("matches names case-insensitively; the first matching key of a record wins", () => {
    expect(hxRequest({ "hx-request": "true" }).isHtmx).toBe(true);
    expect(hxRequest({ "HX-REQUEST": "true", "hx-request": "false" }).isHtmx).toBe(true);
    expect(hxRequest({ "Hx-Target": "a", "HX-TARGET": "b" }).target).toBe("a");
  });

  it("returns undefined for absent headers and keeps empty ones", () => {
    const request = hxRequest({ "HX-Target": "" });
    expect(request.target).toBe("");
    expect(request.trigger).toBeUndefined();
    expect(request.prompt).toBeUndefined();
  });
});
describe("hxRequest: boolean headers", () => {
  it("isHtmx needs HX-Request exactly 'true'", () => {
    expect(hxRequest({}).isHtmx).toBe(false);
    for (const value of ["True", "TRUE", "1", "", " true", "false"]) {
      expect(hxRequest({ "HX-Request": value }).isHtmx).toBe(false);
    }
  });

  it("a history restore is not an htmx request, in htmx 2 (with HX-Request) and 4 (without)", () => {
    const htmx2 = hxRequest({ "HX-Request": "true", "HX-History-Restore-Request": "true" });
    expect(htmx2.isHtmx).toBe(false);
    expect(htmx2.historyRestore).toBe(true);
    const htmx4 = hxRequest({ "HX-History-Restore-Request": "true", "HX-Request-Type": "full" });
    expect(htmx4.isHtmx).toBe(false);
    expect(htmx4.historyRestore).toBe(true);
    expect(htmx4.requestType).toBe("full");
  });

  it("boosted and historyRestore need exactly 'true'", () => {
    expect(hxRequest({ "HX-Boosted": "true" }).boosted).toBe(true);
    expect(hxRequest({ "HX-Boosted": "True" }).boosted).toBe(false);
    expect(hxRequest({ "HX-History-Restore-Request": "yes" }).historyRestore).toBe(false);
  });

  it("requestType is 'full', 'partial' or undefined", () => {
    expect(hxRequest({ "HX-Request-Type": "partial" }).requestType).toBe("partial");
    expect(hxRequest({ "HX-Request-Type": "full" }).requestType).toBe("full");
    expect(hxRequest({ "HX-Request-Type": "Full" }).requestType).toBeUndefined();
    expect(hxRequest({ "HX-Request-Type": "other" }).requestType).toBeUndefined();
  });
});
describe("hxRequest: decoding", () => {
  it("decodes <Name>-URI-AutoEncoded values (htmx 1.9/2, encodeURIComponent)", () => {
    // What htmx 2.0.11 sent for the id `b€x` (htmx-semantics.md §5).
    const request = hxRequest({
      "HX-Request": "true",
      "HX-Trigger": "b%E2%82%ACx",
      "HX-Trigger-URI-AutoEncoded": "true",
      "HX-Trigger-Name": "n%C3%A4m%C3%A9",
      "HX-Trigger-Name-URI-AutoEncoded": "true",
      "HX-Target": "a%2Fb%23c",
      "HX-Target-URI-AutoEncoded": "true",
      "HX-Prompt": "caf%C3%A9%20%F0%9F%98%80",
      "HX-Prompt-URI-AutoEncoded": "true",
      "HX-Current-URL": "http%3A%2F%2Fx%2F",
      "HX-Current-URL-URI-AutoEncoded": "true",
    });
    expect(request.trigger).toBe("b€x");
    expect(request.triggerName).toBe("nämé");
    expect(request.target).toBe("a/b#c");
    expect(request.prompt).toBe("café 😀");
    expect(request.currentUrl).toBe("http://x/");
  });

  it("leaves htmx 2 values without -URI-AutoEncoded: true as they are", () => {
    const request = hxRequest({
      "HX-Request": "true",
      "HX-Target": "a%20b",
      "HX-Trigger": "c%41",
      "HX-Trigger-URI-AutoEncoded": "false",
    });
    expect(request.target).toBe("a%20b");
    expect(request.trigger).toBe("c%41");
  });

  it("decodes htmx 4 HX-Source, HX-Target and HX-Prompt (encodeURI)", () => {
    const request = hxRequest({
      "HX-Request": "true",
      "HX-Request-Type": "partial",
      "HX-Source": `button#${encodeURI("b€ 1")}`,
      "HX-Target": `div#${encodeURI("100%")}`,
      "HX-Prompt": encodeURI("oui, café"),
    });
    expect(request.source).toBe("button#b€ 1");
    expect(request.target).toBe("div#100%");
    expect(request.prompt).toBe("oui, café");
  });

  it("assumes htmx 4 encoding when only HX-Source, or only HX-Request-Type, is present", () => {
    expect(hxRequest({ "HX-Source": "a#x%20y" }).source).toBe("a#x y");
    expect(hxRequest({ "HX-Request-Type": "full", "HX-Target": "body" }).target).toBe("body");
    expect(hxRequest({ "HX-Request-Type": "full", "HX-Target": "div#%C3%A9" }).target).toBe("div#é");
  });

  it("decodeURI keeps reserved escapes, so encodeURI round-trips exactly", () => {
    const id = "a%23b";
    const request = hxRequest({ "HX-Source": `button#${encodeURI(id)}`, "HX-Request-Type": "partial" });
    expect(request.source).toBe(`button#${id}`);
  });

  it("leaves malformed escapes raw and never throws", () => {
    const request = hxRequest({
      "HX-Trigger": "%E0%A4%A",
      "HX-Trigger-URI-AutoEncoded": "true",
      "HX-Source": "button#%ZZ",
      "HX-Target": "div#%C3",
      "HX-Prompt": "%",
      "HX-Request-Type": "partial",
    });
    expect(request.trigger).toBe("%E0%A4%A");
    expect(request.source).toBe("button#%ZZ");
    expect(request.target).toBe("div#%C3");
    expect(request.prompt).toBe("%");
  });
});
describe("hxRequest: consulted", () => {
  it("starts empty and records what was read, in first-read order, present or not", () => {
    const request = hxRequest({ "HX-Request": "true", "HX-Target": "rows" });
    expect(request.consulted).toEqual([]);
    void request.target;
    void request.isHtmx;
    void request.target;
    void request.boosted;
    expect(request.consulted).toEqual([
      "HX-Target",
      "HX-Request",
      "HX-History-Restore-Request",
      "HX-Boosted",
    ]);
  });

  it("never lists the headers read only to choose the decoding", () => {
    const request = hxRequest({
      "HX-Target": "div#x",
      "HX-Target-URI-AutoEncoded": "true",
      "HX-Source": "button#y",
      "HX-Request-Type": "partial",
    });
    void request.target;
    expect(request.consulted).toEqual(["HX-Target"]);
  });

  it("is a frozen snapshot", () => {
    const request = hxRequest({});
    void request.historyRestore;
    const first = request.consulted;
    expect(Object.isFrozen(first)).toBe(true);
    void request.prompt;
    expect(first).toEqual(["HX-History-Restore-Request"]);
    expect(request.consulted).toEqual(["HX-History-Restore-Request", "HX-Prompt"]);
  });

  it("feeds hx().vary(...) for a cache-correct Vary", () => {
    const request = hxRequest(new Headers({ "HX-Request": "true" }));
    const plan = request.isHtmx ? hx().trigger("loaded") : hx();
    expect(plan.vary(...request.consulted).toHeaders().Vary).toBe("HX-Request, HX-History-Restore-Request");
  });
});
describe("hxRequest: never throws", () => {
  const hostile: [string, unknown][] = [
    ["null", null],
    ["undefined", undefined],
    ["a number", 42],
    ["a string", "HX-Request: true"],
    ["an array", ["HX-Request", "true"]],
    ["a function", () => "true"],
    [
      "a Proxy that throws",
      new Proxy(
        {},
        {
          get() {
            throw new Error("boom");
          },
          ownKeys() {
            throw new Error("boom");
          },
        },
      ),
    ],
    [
      "headers whose getter throws",
      {
        get headers() {
          throw new Error("boom");
        },
      },
    ],
    [
      "a Headers-like whose get throws",
      {
        get() {
          throw new Error("boom");
        },
      },
    ],
    [
      "non-string values",
      { "HX-Request": 1, "HX-Target": { a: 1 }, "HX-Trigger": [null, 2], "HX-Boosted": true },
    ],
    ["a null-prototype record", Object.assign(Object.create(null), { "hx-request": "true" })],
  ];

  for (const [label, source] of hostile) {
    it(`reads ${label} as a value`, () => {
      const request = hxRequest(source as Record<string, string>);
      expect(() => readAll(request)).not.toThrow();
      expect(Array.isArray(request.consulted)).toBe(true);
    });
  }

  it("reads prototype-ish names as ordinary headers", () => {
    const request = hxRequest(JSON.parse('{"__proto__":"x","constructor":"y","HX-Target":"t"}'));
    expect(request.target).toBe("t");
    expect(request.trigger).toBeUndefined();
  });
});
const NAMES = [
  "HX-Request",
  "HX-Boosted",
  "HX-History-Restore-Request",
  "HX-Current-URL",
  "HX-Prompt",
  "HX-Target",
  "HX-Trigger",
  "HX-Trigger-Name",
  "HX-Source",
  "HX-Request-Type",
  "HX-Trigger-URI-AutoEncoded",
  "HX-Target-URI-AutoEncoded",
  "HX-Prompt-URI-AutoEncoded",
  "HX-PTag",
  "Triggering-Event",
  "Host",
];

const headerName = fc.oneof(fc.constantFrom(...NAMES), fc.string());
const headerValue = fc.oneof(
  fc.constantFrom("true", "false", "full", "partial", "%", "%E0%A4%A", "%C3%A9"),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "binary-ascii" }),
);
const headerMap = fc.dictionary(
  headerName,
  fc.oneof(headerValue, fc.array(headerValue, { maxLength: 3 }), fc.constant(undefined)),
  { maxKeys: 12 },
);

/** Every casing of a name is the same header. */
const randomCase = (name: string) =>
  fc
    .array(fc.boolean(), { minLength: name.length, maxLength: name.length })
    .map((upper) => [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(""));

/** Well-formed strings (no lone surrogates, which no browser can send). */
const id = fc.string({ unit: "binary", minLength: 1, maxLength: 20 });

describe("hxRequest: properties", () => {
  test.prop([headerMap])("any header map gives a value for every property without throwing", (map) => {
    const request = hxRequest(map);
    const values = readAll(request);
    for (const flag of ["isHtmx", "boosted", "historyRestore"] as const) {
      expect(typeof values[flag]).toBe("boolean");
    }
    for (const text of ["currentUrl", "prompt", "target", "trigger", "triggerName", "source"] as const) {
      expect(values[text] === undefined || typeof values[text] === "string").toBe(true);
    }
    expect([undefined, "full", "partial"]).toContain(values.requestType);
    expect([undefined, 2, 4]).toContain(values.version);
    for (const text of ["ptag", "currentUrlPath"] as const) {
      expect(values[text] === undefined || typeof values[text] === "string").toBe(true);
    }
    if (typeof values.currentUrlPath === "string") expect(values.currentUrlPath).toMatch(/^\/(?!\/)/);
    expect(request.consulted).toEqual([...new Set(PROPERTIES.flatMap((p) => READS[p]))]);
  });

  test.prop([headerMap])("a Fetch Headers built from the same map reads without throwing", (map) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(map)) {
      for (const one of Array.isArray(value) ? value : [value]) {
        try {
          if (one !== undefined) headers.append(name, one);
        } catch {
          // not a valid header name or value for Fetch: skip it
        }
      }
    }
    expect(() => readAll(hxRequest(headers))).not.toThrow();
  });

  test.prop([id, fc.constantFrom("record", "headers", "request")])(
    "round-trips an encodeURIComponent-ed id (htmx 1.9/2 -URI-AutoEncoded)",
    (value, kind) => {
      const raw = {
        "HX-Request": "true",
        "HX-Trigger": encodeURIComponent(value),
        "HX-Trigger-URI-AutoEncoded": "true",
        "HX-Target": encodeURIComponent(value),
        "HX-Target-URI-AutoEncoded": "true",
      };
      const source =
        kind === "record"
          ? raw
          : kind === "headers"
            ? new Headers(raw)
            : new Request("http://127.0.0.1/", { headers: raw });
      const request = hxRequest(source);
      expect(request.trigger).toBe(value);
      expect(request.target).toBe(value);
    },
  );

  test.prop([id, id, fc.constantFrom("full", "partial")])(
    "round-trips encodeURI-ed ids and prompt answers (htmx 4)",
    (sourceId, answer, type) => {
      const request = hxRequest(
        new Headers({
          "HX-Request": "true",
          "HX-Request-Type": type,
          "HX-Source": `button#${encodeURI(sourceId)}`,
          "HX-Target": `div#${encodeURI(sourceId)}`,
          "HX-Prompt": encodeURI(answer),
        }),
      );
      expect(request.source).toBe(`button#${sourceId}`);
      expect(request.target).toBe(`div#${sourceId}`);
      expect(request.prompt).toBe(answer);
      expect(request.requestType).toBe(type);
    },
  );

  test.prop([
    fc.constantFrom(...NAMES.slice(0, 10)).chain((name) => fc.tuple(fc.constant(name), randomCase(name))),
    headerValue,
  ])("header names match case-insensitively", ([name, cased], value) => {
    expect(readAll(hxRequest({ [cased]: value }))).toEqual(readAll(hxRequest({ [name]: value })));
  });

  test.prop([fc.array(fc.constantFrom(...PROPERTIES), { maxLength: 15 })])(
    "consulted lists the headers behind the properties read, in first-read order",
    (reads) => {
      const request = hxRequest({ "HX-Request": "true", "HX-Source": "a#b" });
      for (const property of reads) void request[property];
      expect(request.consulted).toEqual([...new Set(reads.flatMap((p) => READS[p]))]);
    },
  );
});
describe("hxRequest: version, ptag, currentUrlPath, triggeringEvent", () => {
  it("version is 4 with HX-Request-Type or HX-Source, 2 for another htmx request or restore, else undefined", () => {
    expect(hxRequest({ "HX-Request": "true", "HX-Request-Type": "partial" }).version).toBe(4);
    expect(hxRequest({ "HX-Request": "true", "HX-Source": "button#b" }).version).toBe(4);
    // htmx 4's history restore sends no HX-Request, but HX-Request-Type: full.
    expect(hxRequest({ "HX-History-Restore-Request": "true", "HX-Request-Type": "full" }).version).toBe(4);
    expect(hxRequest({ "HX-Request": "true", "HX-Target": "t" }).version).toBe(2);
    expect(hxRequest({ "HX-History-Restore-Request": "true" }).version).toBe(2);
    expect(hxRequest({ "HX-Request": "TRUE" }).version).toBeUndefined();
    expect(hxRequest({}).version).toBeUndefined();
  });

  it("version consults its four headers, present or not, and hx({ htmx: request.version ?? 2 }) follows it", () => {
    const request = hxRequest(new Headers({ "HX-Request": "true", "HX-Source": "button#b" }));
    const plan = hx({ htmx: request.version ?? 2 });
    expect(plan.htmx).toBe(4);
    expect(request.consulted).toEqual([
      "HX-Request-Type",
      "HX-Source",
      "HX-Request",
      "HX-History-Restore-Request",
    ]);
    expect(hxRequest({}).consulted).toEqual([]);
  });

  it("ptag is HX-PTag as sent, and consults it", () => {
    const request = hxRequest({ "hx-ptag": 'v 7:"x"' });
    expect(request.ptag).toBe('v 7:"x"');
    expect(request.consulted).toEqual(["HX-PTag"]);
    expect(hxRequest({}).ptag).toBeUndefined();
  });

  it.each([
    ["http://127.0.0.1:8080/a/b?q=1#f", "127.0.0.1:8080", "/a/b?q=1#f"],
    ["http://EXAMPLE.com:80/x", "example.com", "/x"],
    ["https://example.com:443/x", "example.com:443", "/x"],
    ["http://example.com/caf%C3%A9", "example.com", "/caf%C3%A9"],
    ["http://example.com", "example.com", "/"],
  ])("currentUrlPath of %s on host %s is %s", (url, host, path) => {
    expect(hxRequest({ "HX-Current-URL": url, Host: host }).currentUrlPath).toBe(path);
  });

  it.each([
    ["another host", "http://evil.example/x", "example.com"],
    ["another port", "http://example.com:8081/x", "example.com:8080"],
    ["a path starting with //", "http://example.com//evil.example/x", "example.com"],
    ["a path starting with \\\\ (read as //)", "http://example.com/\\evil.example/x", "example.com"],
    ["credentials", "http://user:pw@example.com/x", "example.com"],
    ["not http(s)", "javascript://example.com/%0aalert(1)", "example.com"],
    ["not a URL", "/relative", "example.com"],
    ["no Host", "http://example.com/x", undefined],
    ["a malformed Host", "http://example.com/x", "exa mple.com"],
  ])("currentUrlPath is undefined for %s", (_why, url, host) => {
    const headers: Record<string, string> = { "HX-Current-URL": url };
    if (host !== undefined) headers.Host = host;
    expect(hxRequest(headers).currentUrlPath).toBeUndefined();
  });

  it("currentUrlPath compares with a Fetch Request's URL (browsers cannot set Host) and consults only HX-Current-URL", () => {
    const same = hxRequest(
      new Request("http://127.0.0.1:3000/save", {
        headers: { "HX-Current-URL": "http://127.0.0.1:3000/list?p=2" },
      }),
    );
    expect(same.currentUrlPath).toBe("/list?p=2");
    expect(same.consulted).toEqual(["HX-Current-URL"]);
    const other = hxRequest(
      new Request("http://127.0.0.1:3000/save", {
        headers: { "HX-Current-URL": "http://127.0.0.1:3001/list" },
      }),
    );
    expect(other.currentUrlPath).toBeUndefined();
  });

  it("currentUrlPath decodes an htmx 2 -URI-AutoEncoded HX-Current-URL first", () => {
    const url = "http://example.com/ä?x=€";
    const request = hxRequest({
      "HX-Current-URL": encodeURIComponent(url),
      "HX-Current-URL-URI-AutoEncoded": "true",
      Host: "example.com",
    });
    expect(request.currentUrlPath).toBe("/%C3%A4?x=%E2%82%AC");
  });

  it("currentUrlPath reads the Host of a real IncomingMessage", async () => {
    const req = await incoming("HX-Current-URL: http://127.0.0.1/back?x=1\r\n");
    expect(hxRequest(req).currentUrlPath).toBe("/back?x=1");
  });

  it("triggeringEvent is the JSON-parsed Triggering-Event, undefined when not JSON; consulted", () => {
    const event = { type: "click", target: "button#go", isTrusted: true };
    const request = hxRequest({ "Triggering-Event": JSON.stringify(event) });
    expect(request.triggeringEvent).toEqual(event);
    expect(request.triggeringEvent).toBe(request.triggeringEvent);
    expect(request.consulted).toEqual(["Triggering-Event"]);
    expect(hxRequest({ "Triggering-Event": "{half" }).triggeringEvent).toBeUndefined();
    expect(hxRequest({}).triggeringEvent).toBeUndefined();
    expect(hxRequest({ "Triggering-Event": "null" }).triggeringEvent).toBeNull();
  });
});

describe("hostile header values", () => {
  it("reads a list of lines by index with a bound: a huge sparse array or an endless iterator ends at once", () => {
    const sparse: string[] = [];
    sparse.length = 2 ** 32 - 1;
    const started = performance.now();
    expect(hxRequest({ "HX-Request": sparse }).isHtmx).toBe(false);
    const endless = Object.assign(["true"], {
      *[Symbol.iterator]() {
        for (;;) yield "x";
      },
    });
    expect(hxRequest({ "HX-Request": endless }).isHtmx).toBe(true);
    expect(hxRequest(new Float64Array(1e6) as never).isHtmx).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

// hxRequest on the exact request headers htmx 2.0.8, 2.0.11 and 4.0.1 sent from Chromium
// (captured by test/e2e/request-headers.test.ts into test/fixtures/htmx-requests.json).
interface Captured {
  method: string;
  path: string;
  headers: Record<string, string>;
}
type Fixture = Record<string, Record<string, Captured>>;

const fixture = JSON.parse(
  readFileSync(new URL("./fixtures/htmx-requests.json", import.meta.url), "utf8"),
) as Fixture;

const ORIGIN = "http://127.0.0.1:4000";

/** The same request as each source shape hxRequest reads. */
function sources(shot: Captured) {
  const { host: _host, ...withoutHost } = shot.headers;
  return {
    record: shot.headers,
    headers: new Headers(shot.headers),
    request: new Request(ORIGIN + shot.path, { method: shot.method, headers: withoutHost }),
  };
}

it("the fixture holds every capture", () => {
  expect(Object.keys(fixture)).toEqual(["2.0.11", "2.0.8", "4.0.1"]);
  for (const client of ["2.0.11", "2.0.8"]) {
    expect(Object.keys(fixture[client]!).sort()).toEqual([
      "boosted",
      "history-restore",
      "hx-get",
      "hx-post",
      "hx-prompt",
    ]);
  }
  expect(Object.keys(fixture["4.0.1"]!).sort()).toEqual([
    "boosted",
    "history-restore",
    "hx-get",
    "hx-post",
    "hx-prompt",
    "hx-ptag-first",
    "hx-ptag-next",
  ]);
});
describe.each(["2.0.11", "2.0.8"])("htmx %s requests", (client) => {
  const shots = fixture[client]!;

  it.each(Object.keys(shots))("%s: version 2, and the flags", (name) => {
    for (const source of Object.values(sources(shots[name]!))) {
      const request = hxRequest(source);
      expect(request.version).toBe(2);
      expect(request.isHtmx).toBe(name !== "history-restore");
      expect(request.historyRestore).toBe(name === "history-restore");
      expect(request.boosted).toBe(name === "boosted");
      expect(request.currentUrlPath).toBe("/start");
      expect(request.requestType).toBeUndefined();
      expect(request.source).toBeUndefined();
      expect(request.ptag).toBeUndefined();
    }
  });

  it("hx-get: HX-Target is the id, HX-Trigger the element's id; Triggering-Event is the click", () => {
    const request = hxRequest(shots["hx-get"]!.headers);
    expect(request.target).toBe("out");
    expect(request.trigger).toBe("get");
    expect(request.triggeringEvent).toMatchObject({ type: "click", target: "button#get", isTrusted: true });
    expect(request.consulted).toEqual(["HX-Target", "HX-Trigger", "Triggering-Event"]);
  });

  it("hx-post: Triggering-Event is the submit, with its submitter", () => {
    const request = hxRequest(shots["hx-post"]!.headers);
    expect(request.triggeringEvent).toMatchObject({ type: "submit", submitter: "button#post" });
    expect(request.trigger).toBe("form");
  });

  it("hx-prompt: the answer arrives -URI-AutoEncoded and decodes back", () => {
    expect(hxRequest(shots["hx-prompt"]!.headers).prompt).toBe("Grüße €");
  });

  it("history restore: HX-Request is sent too, yet it is not an htmx request", () => {
    const request = hxRequest(shots["history-restore"]!.headers);
    expect(request.isHtmx).toBe(false);
    expect(request.triggeringEvent).toBeUndefined();
  });

  it("Vary: the version and the flags read give the headers a cache must key on", () => {
    const request = hxRequest(shots["hx-get"]!.headers);
    const plan = hx({ htmx: request.version ?? 2 });
    void request.isHtmx;
    void request.boosted;
    expect(plan.vary(...request.consulted).toHeaders().Vary).toBe(
      "HX-Request-Type, HX-Source, HX-Request, HX-History-Restore-Request, HX-Boosted",
    );
  });
});

describe("htmx 4.0.1 requests", () => {
  const shots = fixture["4.0.1"]!;

  it.each(Object.keys(shots))("%s: version 4", (name) => {
    for (const source of Object.values(sources(shots[name]!))) {
      const request = hxRequest(source);
      expect(request.version).toBe(4);
      expect(request.isHtmx).toBe(name !== "history-restore");
      expect(request.historyRestore).toBe(name === "history-restore");
      expect(request.boosted).toBe(name === "boosted");
      expect(request.trigger).toBeUndefined();
      expect(request.triggeringEvent).toBeUndefined();
    }
  });

  it("hx-get: tag#id source and target, partial", () => {
    const request = hxRequest(shots["hx-get"]!.headers);
    expect(request.source).toBe("button#get");
    expect(request.target).toBe("div#out");
    expect(request.requestType).toBe("partial");
    expect(request.currentUrlPath).toBe("/start");
  });

  it("boosted: target body, full", () => {
    const request = hxRequest(shots.boosted!.headers);
    expect(request.target).toBe("body");
    expect(request.requestType).toBe("full");
  });

  it("hx-prompt (extension): the answer arrives encodeURI-ed and decodes back", () => {
    expect(hxRequest(shots["hx-prompt"]!.headers).prompt).toBe("Grüße €");
  });

  it("history restore: no HX-Request and no HX-Current-URL, HX-Request-Type: full; version 4", () => {
    const request = hxRequest(shots["history-restore"]!.headers);
    expect(request.version).toBe(4);
    expect(request.currentUrl).toBeUndefined();
    expect(request.currentUrlPath).toBeUndefined();
    expect(request.requestType).toBe("full");
    expect(request.consulted).toEqual([
      "HX-Request-Type",
      "HX-Source",
      "HX-Request",
      "HX-History-Restore-Request",
      "HX-Current-URL",
    ]);
  });

  it("hx-ptag: the element's tag first, then the tag the server sent; consulted as HX-PTag", () => {
    const first = hxRequest(shots["hx-ptag-first"]!.headers);
    const next = hxRequest(shots["hx-ptag-next"]!.headers);
    expect(first.ptag).toBe("tag-0");
    expect(next.ptag).toBe("tag-1");
    expect(next.currentUrlPath).toBe("/poll");
    expect(
      hx({ htmx: 4 })
        .vary(...first.consulted)
        .toHeaders().Vary,
    ).toBe("HX-PTag");
  });
});
