// The contract every example meets (node:http, Express, Fastify, Koa, Hono, Fetch). Pure Fetch
// API, so the edge-runtime tests use it too.
import { isHxError } from "hxplan";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const HTMX = { "HX-Request": "true", "HX-Current-URL": "http://127.0.0.1/todos", "HX-Target": "todos" };
const VARY = "Accept-Encoding, HX-Request, HX-History-Restore-Request";

export interface AppContract {
  /** Sends a request to the app: over HTTP to a real server, or straight to a Fetch handler. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** The errors the framework's error path saw, if the test can observe them. */
  errors?(): readonly unknown[];
  /** How the framework's error response carries the HxError code, if it does. */
  errorBody?: RegExp;
}

/** The examples all serve the same routes; these tests hold for every one of them. */
export function itServesTheTodoApp(app: AppContract): void {
  it("serves the full page to a plain request, with the earlier HX-Trigger and a merged Vary", async () => {
    const res = await app.fetch("/todos");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toMatch(/^<!doctype html><html>.*<ul id="todos">/);
    expect(res.headers.get("hx-trigger")).toBe("flash");
    expect(res.headers.get("vary")).toBe(VARY);
  });

  it("serves a fragment to htmx, with the same Vary", async () => {
    const res = await app.fetch("/todos", { headers: HTMX });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^<ul id="todos"><li>Read the request<\/li>/);
    expect(res.headers.get("vary")).toBe(VARY);
  });

  it("serves the full page to a history restore (htmx 2 sends HX-Request too)", async () => {
    const res = await app.fetch("/todos", {
      headers: { ...HTMX, "HX-History-Restore-Request": "true" },
    });
    expect(await res.text()).toMatch(/^<!doctype html>/);
    expect(res.headers.get("vary")).toBe(VARY);
  });

  it("merges the plan's HX-Trigger with the earlier one and sets the plan's status", async () => {
    const res = await app.fetch("/todos", { method: "POST", headers: HTMX });
    expect(res.status).toBe(201);
    const trigger = res.headers.get("hx-trigger") ?? "";
    expect(JSON.parse(trigger)).toEqual({ flash: {}, "todo-added": { count: 3 } });
    expect(trigger).toBe('{"flash":{},"todo-added":{"count":3}}');
    expect(await res.text()).toBe("<li>Todo 3</li>");
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
  });

  it("sends 286 to stop polling", async () => {
    const res = await app.fetch("/jobs/1", { headers: HTMX });
    expect(res.status).toBe(286);
    expect(res.headers.get("hx-trigger")).toBe("flash");
    expect(await res.text()).toBe("<p>Done</p>");
  });

  it("turns an HxError into the framework's error response, with nothing of the plan written", async () => {
    const res = await app.fetch("/broken", { headers: HTMX });
    expect(res.status).toBe(500);
    const body = await res.text();
    if (app.errorBody) expect(body).toMatch(app.errorBody);
    expect(body).not.toContain("unreachable");
    expect(res.headers.get("hx-reswap")).toBeNull();
    // Either the framework cleared the headers, or the broken one is there unchanged.
    expect([null, '{"half":']).toContain(res.headers.get("hx-trigger"));
    if (app.errors) {
      const errors = app.errors();
      expect(errors).toHaveLength(1);
      expect(isHxError(errors[0])).toBe(true);
      expect(errors[0]).toMatchObject({ code: "invalid_existing_header", header: "HX-Trigger" });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// The middleware contract (API.md section 7): the same behaviour table for every framework's
// `htmx()` middleware. The apps serve the routes listed in middleware-apps.ts.

/** A running app with one middleware configuration (see middleware-apps.ts). */
export interface MiddlewareApp {
  readonly base: string;
  readonly renders: { count: number };
  readonly errors: unknown[];
  /** Fetch-based apps: the handler in-process, whose Response keeps its statusText. */
  readonly direct?: (path: string, init?: RequestInit) => Promise<Response>;
  close(): Promise<void>;
}

export type StartMiddlewareApp = (options: {
  vary?: boolean;
  redirects?: false | "hx-redirect" | "hx-location";
  htmx?: 2 | 4;
}) => Promise<MiddlewareApp>;

/** The headers each client sends on a plain hx-get/hx-post (from test/fixtures/htmx-requests.json). */
const HTMX2 = { "HX-Request": "true", "HX-Current-URL": "http://127.0.0.1/start", "HX-Target": "out" };
const HTMX4 = {
  "HX-Request": "true",
  "HX-Current-URL": "http://127.0.0.1/start",
  "HX-Source": "button#go",
  "HX-Target": "div#out",
  "HX-Request-Type": "partial",
};
const VERSION_VARY = "HX-Request-Type, HX-Source, HX-Request, HX-History-Restore-Request";
const REDIRECT_VARY = "HX-Request, HX-History-Restore-Request, HX-Boosted";

/** The HX-* names in a response's Vary. */
function hxVary(res: Response): string[] {
  return (res.headers.get("vary") ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => /^hx-/i.test(name));
}

export interface MiddlewareContractOptions {
  /** True when a thrown error's response is written by the framework through the middleware. */
  readonly varyOnErrors: boolean;
}

export function itKeepsTheMiddlewareContract(
  start: StartMiddlewareApp,
  contract: MiddlewareContractOptions,
): void {
  let plain: MiddlewareApp;
  let toRedirect: MiddlewareApp;
  let toLocation: MiddlewareApp;
  beforeAll(async () => {
    [plain, toRedirect, toLocation] = await Promise.all([
      start({}),
      start({ redirects: "hx-redirect" }),
      start({ redirects: "hx-location", htmx: 4, vary: false }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([plain?.close(), toRedirect?.close(), toLocation?.close()]);
  });
  const get = (app: MiddlewareApp, path: string, init?: RequestInit) =>
    fetch(app.base + path, { redirect: "manual", ...init });

  describe("Vary", () => {
    it("adds nothing when the handler read nothing", async () => {
      const res = await get(plain, "/plain", { headers: HTMX2 });
      expect(await res.text()).toBe("plain");
      expect(res.headers.get("vary")).toBeNull();
    });

    it("lists what the handler read", async () => {
      const res = await get(plain, "/page", { headers: HTMX2 });
      expect(await res.text()).toBe("fragment");
      expect(res.headers.get("vary")).toBe("HX-Request, HX-History-Restore-Request");
      expect(await (await get(plain, "/page")).text()).toBe("page");
    });

    it("is left alone with vary: false", async () => {
      const res = await get(toLocation, "/page", { headers: HTMX2 });
      expect(await res.text()).toBe("fragment");
      expect(res.headers.get("vary")).toBeNull();
    });

    it(
      contract.varyOnErrors
        ? "is on the error response of a handler that throws; the error reaches the error path unchanged"
        : "a handler that throws: the error propagates unchanged (the error response is the caller's)",
      async () => {
        const before = plain.errors.length;
        const res = await get(plain, "/boom", { headers: HTMX2 });
        expect(res.status).toBe(500);
        await res.text();
        expect(res.headers.get("vary")).toBe(
          contract.varyOnErrors ? "HX-Request, HX-History-Restore-Request" : null,
        );
        expect(plain.errors.length).toBe(before + 1);
        const error = plain.errors.at(-1) as Error;
        expect(error.name).toBe("Boom");
        expect(error.message).toBe("boom");
        expect(isHxError(error)).toBe(false);
      },
    );
  });

  describe("the bound hx() follows the request's htmx version", () => {
    it("htmx 2 request: an htmx 2 plan (HX-Trigger-After-Settle), Vary on the version headers", async () => {
      const res = await get(plain, "/version", { headers: HTMX2 });
      expect(await res.text()).toBe("2");
      expect(res.headers.get("hx-trigger-after-settle")).toBe('{"done":{}}');
      expect(res.headers.get("hx-trigger")).toBeNull();
      expect(res.headers.get("vary")).toBe(VERSION_VARY);
    });

    it("htmx 4 request: an htmx 4 plan (HX-Trigger), from the same route", async () => {
      const res = await get(plain, "/version", { headers: HTMX4 });
      expect(await res.text()).toBe("4");
      expect(res.headers.get("hx-trigger")).toBe('{"done":{}}');
      expect(res.headers.get("hx-trigger-after-settle")).toBeNull();
      expect(res.headers.get("vary")).toBe(VERSION_VARY);
    });

    it("a request htmx did not make: version 2 (the default)", async () => {
      const res = await get(plain, "/version");
      expect(await res.text()).toBe("2");
    });

    it("a fixed htmx option wins and reads no header", async () => {
      const res = await get(toLocation, "/version", { headers: HTMX2 });
      expect(await res.text()).toBe("4");
      expect(res.headers.get("hx-trigger")).toBe('{"done":{}}');
    });
  });

  describe("redirects", () => {
    it("redirects: false (the default) leaves a 303 as it is", async () => {
      const res = await get(plain, "/save", { method: "POST", headers: HTMX2 });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/next");
      expect(res.headers.get("hx-redirect")).toBeNull();
      expect(hxVary(res)).toEqual([]);
    });

    it('"hx-redirect": a plain htmx request gets 200 + HX-Redirect, no Location, no body, other headers kept', async () => {
      for (const headers of [HTMX2, HTMX4]) {
        const res = await get(toRedirect, "/save", { method: "POST", headers });
        expect(res.status).toBe(200);
        expect(res.headers.get("hx-redirect")).toBe("/next");
        expect(res.headers.get("location")).toBeNull();
        expect(res.headers.get("x-kept")).toBe("yes");
        expect(await res.text()).toBe("");
        // Express's res.redirect() adds its own Vary: Accept.
        expect(hxVary(res)).toEqual(REDIRECT_VARY.split(", "));
      }
    });

    it('"hx-location": 200 + HX-Location', async () => {
      const res = await get(toLocation, "/save", { method: "POST", headers: HTMX4 });
      expect(res.status).toBe(200);
      expect(res.headers.get("hx-location")).toBe("/next");
      expect(res.headers.get("location")).toBeNull();
      expect(res.headers.get("x-kept")).toBe("yes");
      expect(await res.text()).toBe("");
    });

    it("keeps the 3xx for a boosted request, a history restore and a request htmx did not make", async () => {
      for (const headers of [
        { ...HTMX2, "HX-Boosted": "true" },
        { ...HTMX2, "HX-History-Restore-Request": "true" },
        { "HX-History-Restore-Request": "true", "HX-Request-Type": "full" },
        {},
      ]) {
        const res = await get(toRedirect, "/save", { method: "POST", headers });
        expect(res.status).toBe(303);
        expect(res.headers.get("location")).toBe("/next");
        expect(res.headers.get("hx-redirect")).toBeNull();
      }
    });
  });

  describe("polling tags (ptag)", () => {
    it("answers 304 with HX-PTag, no body and Vary: HX-PTag, without rendering, when the tag matches", async () => {
      const before = plain.renders.count;
      const res = await get(plain, "/news", { headers: { ...HTMX4, "HX-PTag": "news-1" } });
      expect(res.status).toBe(304);
      expect(res.headers.get("hx-ptag")).toBe("news-1");
      expect(res.headers.get("vary")).toBe("HX-PTag");
      expect(await res.text()).toBe("");
      expect(plain.renders.count).toBe(before);
    });

    it("renders and sets HX-PTag when the tag differs or is missing", async () => {
      for (const headers of [{ ...HTMX4, "HX-PTag": "news-0" }, HTMX4, {}]) {
        const before = plain.renders.count;
        const res = await get(plain, "/news", { headers });
        expect(res.status).toBe(200);
        expect(await res.text()).toBe("news");
        expect(res.headers.get("hx-ptag")).toBe("news-1");
        expect(res.headers.get("vary")).toBe("HX-PTag");
        // Not stored by the browser: a cached validator would make it turn the next 304 into a 200.
        expect(res.headers.get("cache-control")).toBe("no-store");
        expect(plain.renders.count).toBe(before + 1);
      }
    });

    it("renders on HEAD too when the tag differs, and answers 304 on HEAD when it matches", async () => {
      const before = plain.renders.count;
      const match = await get(plain, "/news", { method: "HEAD", headers: { "HX-PTag": "news-1" } });
      expect(match.status).toBe(304);
      expect(plain.renders.count).toBe(before);
    });
  });

  describe("status 286", () => {
    it("carries the reason phrase Stop Polling", async () => {
      // A Fetch Response's statusText: @hono/node-server writes no reason phrase of its own.
      const send = plain.direct ?? ((path: string, init?: RequestInit) => get(plain, path, init));
      const res = await send("/stop", { headers: HTMX2 });
      expect(res.status).toBe(286);
      expect(res.statusText).toBe("Stop Polling");
      expect(await res.text()).toBe("stopped");
    });
  });
}
