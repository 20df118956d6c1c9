// hxRequest on the exact request headers htmx 2.0.8, 2.0.11 and 4.0.1 sent from Chromium
// (captured by test/e2e/request-headers.test.ts into test/fixtures/htmx-requests.json).
import { readFileSync } from "node:fs";
import { hx, hxRequest } from "hxplan";
import { describe, expect, it } from "vitest";

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
