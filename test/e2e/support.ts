// Shared machinery for the browser tests: Debian's Chromium driven by playwright-core, a tiny
// node:http server whose routes the tests register, and a recorder injected into every page.
//
// Nothing here downloads a browser. When /usr/bin/chromium is missing the tests are skipped
// with an install hint, or fail with it when CI=true, so a CI machine cannot go green without
// ever having opened a browser.

import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import type { Hx } from "hxplan";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";

/** Debian's chromium. `HXPLAN_E2E_CHROMIUM` overrides it (used to test the missing-browser policy). */
export const CHROMIUM_PATH: string = process.env.HXPLAN_E2E_CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_MISSING_MESSAGE =
  `Chromium not found at ${CHROMIUM_PATH}: the browser tests drive Debian's chromium package ` +
  "(never a downloaded browser). Install it with `apt-get install -y chromium` " +
  "(as root, or with sudo), then run the tests again.";

export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The two htmx majors under test, with the exact npm versions installed as aliases. */
export const VERSIONS = [2, 4] as const;
export type Version = (typeof VERSIONS)[number];
export const HTMX_VERSION: Record<Version, string> = { 2: "2.0.11", 4: "4.0.1" };
/**
 * A client script: a major (its version in HTMX_VERSION) or 208, htmx 2.0.8, the oldest htmx 2
 * hxplan supports (some tests run on it too, with `PageOptions.client`).
 */
export type Client = Version | 208;

const require = createRequire(import.meta.url);
const htmxFiles: Record<Client, string> = {
  2: require.resolve("htmx2/dist/htmx.min.js"),
  4: require.resolve("htmx4/dist/htmx.min.js"),
  208: require.resolve("htmx208/dist/htmx.min.js"),
};
const htmxSource = new Map<Client, string>();

/** The minified htmx client for `version`, read once. */
export function htmxScript(version: Client): string {
  let source = htmxSource.get(version);
  if (source === undefined) {
    source = readFileSync(htmxFiles[version], "utf8");
    htmxSource.set(version, source);
  }
  return source;
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export interface BrowserSession {
  /**
   * The file's shared page (one renderer for the whole file: opening a page costs about half a
   * second here). Every test starts with `page.goto`, which resets the page's JavaScript state;
   * history grows across tests, so tests compare `history.length` with its value at their start
   * (a new tab replaces the shared one before Chromium's 50-entry cap could matter).
   */
  page(): Promise<Page>;
  /** A page in a fresh context of its own (own storage and history), closed after the test. */
  isolatedPage(options?: { width?: number; height?: number }): Promise<Page>;
}

/**
 * Registers the hooks that give a test file one browser: launched once in `beforeAll`, closed
 * in `afterAll`. Applies the missing-Chromium policy: without Chromium every test is skipped
 * with the install hint, or fails with it when `CI=true`.
 */
export function useBrowser(): BrowserSession {
  const available = chromiumAvailable();
  let browser: Browser | undefined;
  let shared: Page | undefined;
  const isolated: BrowserContext[] = [];

  function running(): Browser {
    if (browser === undefined) throw new Error("the browser is not running");
    return browser;
  }

  async function open(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    page.setDefaultTimeout(5_000);
    return page;
  }

  beforeAll(async () => {
    if (!available) {
      console.warn(`[e2e] ${CHROMIUM_MISSING_MESSAGE}`);
      return;
    }
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  });

  beforeEach((ctx) => {
    if (available) return;
    if (process.env.CI === "true") throw new Error(CHROMIUM_MISSING_MESSAGE);
    ctx.skip(CHROMIUM_MISSING_MESSAGE);
  });

  afterEach(async () => {
    await Promise.all(isolated.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
  });

  return {
    async page() {
      // Chromium keeps at most 50 session-history entries per tab, and `history.length` stops
      // growing there: start a new tab well before a test could hit the cap.
      if (shared !== undefined && !shared.isClosed()) {
        const length = await shared.evaluate(() => history.length).catch(() => Number.POSITIVE_INFINITY);
        if (length > 25) {
          await shared.context().close();
          shared = undefined;
        }
      }
      if (shared === undefined || shared.isClosed()) {
        shared = await open(await running().newContext({ viewport: { width: 1000, height: 700 } }));
      }
      return shared;
    },
    async isolatedPage({ width = 1000, height = 700 } = {}) {
      const context = await running().newContext({ viewport: { width, height } });
      isolated.push(context);
      return open(context);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The test server

/** What a route answers. A plan is applied with `plan.applyTo(res)`, after `headers`. */
export interface Reply {
  plan?: Hx;
  body?: string;
  status?: number;
  /** Raw headers set on the response before the plan is applied (to test merging). */
  headers?: Record<string, string>;
}

export interface Hit {
  method: string;
  path: string;
  url: URL;
  headers: IncomingMessage["headers"];
}

export type Handler = (
  hit: Hit,
  res: ServerResponse,
) => Reply | Response | undefined | Promise<Reply | Response | undefined>;

export interface PageOptions {
  /** Event names recorded into `window.__events` (with detail, target and probe text). */
  record?: readonly string[];
  /** A selector whose text is captured with every recorded event. */
  probe?: string;
  /** Extra markup for `<head>`. */
  head?: string;
  title?: string;
  /** The htmx script to load instead of `version`'s (208: htmx 2.0.8). */
  client?: Client;
}

export interface TestServer {
  readonly origin: string;
  /** Registers (or replaces) the handler for an exact path. */
  route(path: string, handler: Handler): void;
  /** Serves a full HTML page with the given htmx version, the recorder and `body` at `path`. */
  page(path: string, version: Version, body: string, options?: PageOptions): void;
  /** Requests received for `path` since the last reset. */
  hits(path: string): Hit[];
  /** Forgets every route and hit (called before each test). */
  reset(): void;
  close(): Promise<void>;
}

/** Starts the test server on 127.0.0.1 with an ephemeral port; resets it before each test. */
export function useServer(): { readonly current: TestServer } {
  const holder: { current: TestServer } = {
    get current(): TestServer {
      if (server === undefined) throw new Error("the test server is not running");
      return server;
    },
  };
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer();
  });
  beforeEach(() => {
    server?.reset();
  });
  afterAll(async () => {
    await server?.close();
  });
  return holder;
}

export async function startTestServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const hits: Hit[] = [];

  const http: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("[e2e server]", error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader("Content-Type", "text/plain; charset=utf-8");
      }
      res.end(`test server error: ${String(error)}`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = url.pathname;
    const match = /^\/htmx\/(2|4|208)\.js$/.exec(path);
    if (match) {
      res.setHeader("Content-Type", "text/javascript; charset=utf-8");
      res.setHeader("Cache-Control", "max-age=3600");
      res.end(htmxScript(Number(match[1]) as Client));
      return;
    }
    if (path === "/favicon.ico") {
      res.statusCode = 204;
      res.end();
      return;
    }
    const hit: Hit = { method: req.method ?? "GET", path, url, headers: req.headers };
    hits.push(hit);
    const handler = routes.get(path) ?? routes.get(decodeURIComponent(path));
    if (handler === undefined) {
      res.statusCode = 404;
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.end(`<p id="not-found">no route for ${escapeHtml(path)}</p>`);
      return;
    }
    const reply = await handler(hit, res);
    if (res.writableEnded) return;
    if (reply instanceof Response) {
      res.statusCode = reply.status;
      for (const [name, value] of reply.headers) res.setHeader(name, value);
      res.end(Buffer.from(await reply.arrayBuffer()));
      return;
    }
    if (!res.hasHeader("Content-Type")) res.setHeader("Content-Type", "text/html; charset=utf-8");
    if (reply?.status !== undefined) res.statusCode = reply.status;
    for (const [name, value] of Object.entries(reply?.headers ?? {})) res.setHeader(name, value);
    reply?.plan?.applyTo(res);
    res.end(reply?.body ?? "");
  }

  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    route(path, handler) {
      routes.set(path, handler);
    },
    page(path, version, body, options = {}) {
      routes.set(path, () => ({ body: pageHtml(version, body, options) }));
    },
    hits(path) {
      return hits.filter((hit) => hit.path === path);
    },
    reset() {
      routes.clear();
      hits.length = 0;
    },
    close() {
      http.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        http.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// The recorder runs before htmx loads. It listens on `window` in the capture phase, so it sees
// every event whatever element it is dispatched on (htmx 4 falls back to `document`), and it
// snapshots the probe's text at that moment, which is how the tests tell "before the swap" from
// "after the swap". Elements in a detail (htmx 2 adds `elt`) are dropped: they are htmx's, not
// the server's.
const RECORDER = `
window.__events = [];
window.__errors = [];
window.__describe = function (node) {
  if (node === window) return "window";
  if (node === document) return "document";
  if (!node || !node.tagName) return String(node);
  return node.tagName.toLowerCase() + (node.id ? "#" + node.id : "");
};
window.__record = function (names, probe) {
  names.forEach(function (name) {
    window.addEventListener(name, function (event) {
      var probeElt = probe ? document.querySelector(probe) : null;
      // htmx's own events carry big request objects: their detail is not the server's.
      var detail = event.detail === undefined || name.indexOf("htmx:") === 0 ? undefined
        : JSON.parse(JSON.stringify(event.detail, function (key, value) {
            return value instanceof Node || value === window ? undefined : value;
          }) ?? "null");
      window.__events.push({
        type: event.type,
        detail: detail,
        target: window.__describe(event.target),
        probe: probeElt ? probeElt.textContent : null,
        at: performance.now()
      });
    }, true);
  });
};
["htmx:error", "htmx:onLoadError", "htmx:targetError", "htmx:swapError", "htmx:responseError",
 "htmx:sendError", "htmx:response:error"].forEach(function (name) {
  window.addEventListener(name, function (event) {
    var error = event.detail && (event.detail.error || event.detail.ctx && event.detail.ctx.status);
    window.__errors.push(name + (error ? ": " + String(error) : ""));
  }, true);
});
`;

/** htmx lifecycle events every page records (without their detail). */
export const LIFECYCLE: readonly string[] = [
  "htmx:afterRequest",
  "htmx:afterSwap",
  "htmx:afterSettle",
  "htmx:after:request",
  "htmx:after:swap",
  "htmx:after:settle",
  "htmx:finally:request",
];

export function pageHtml(version: Version, body: string, options: PageOptions = {}): string {
  const record = JSON.stringify([...new Set([...LIFECYCLE, ...(options.record ?? [])])]);
  const probe = JSON.stringify(options.probe ?? null);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(options.title ?? "hxplan e2e")}</title>
<script>${RECORDER}
window.__record(${record}, ${probe});</script>
<script src="/htmx/${options.client ?? version}.js"></script>
${options.head ?? ""}
</head>
<body>
${body}
</body>
</html>`;
}

// ---------------------------------------------------------------------------------------------
// Reading the page

export interface RecordedEvent {
  type: string;
  detail: unknown;
  /** `tag#id` of the element the event was dispatched on, or `document`. */
  target: string;
  /** The probe's text content when the event fired (null without a probe). */
  probe: string | null;
  at: number;
}

declare global {
  interface Window {
    __events: RecordedEvent[];
    __errors: string[];
    __marker?: string;
  }
}

export async function recorded(page: Page, type?: string): Promise<RecordedEvent[]> {
  const events = await page.evaluate(() => window.__events);
  return type === undefined ? events : events.filter((event) => event.type === type);
}

/** Waits until `count` events named `type` have been recorded and returns all of them. */
export async function waitForEvents(page: Page, type: string, count = 1): Promise<RecordedEvent[]> {
  await page.waitForFunction(
    ([name, n]) => window.__events.filter((event) => event.type === name).length >= n,
    [type, count] as const,
  );
  return recorded(page, type);
}

/** htmx errors seen by the page (htmx:error, htmx:targetError, …). */
export function htmxErrors(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__errors);
}

/**
 * The last event of a request, per version: htmx 2 fires `htmx:afterRequest` once the response is
 * handled (swapped, unless a swap delay was asked for); htmx 4 fires `htmx:finally:request` after
 * the swap and the HX-Trigger events. htmx 2 settles 20 ms later, on a timer.
 */
export const REQUEST_DONE: Record<Version, string> = { 2: "htmx:afterRequest", 4: "htmx:finally:request" };
/** htmx's own after-swap and after-settle events, per version. */
export const AFTER_SWAP: Record<Version, string> = { 2: "htmx:afterSwap", 4: "htmx:after:swap" };
export const AFTER_SETTLE: Record<Version, string> = { 2: "htmx:afterSettle", 4: "htmx:after:settle" };

/** Lets queued timers run (htmx settles on a timer) before a negative assertion. */
export function pause(page: Page, ms = 150): Promise<void> {
  return page.waitForTimeout(ms);
}

/**
 * Clicks `selector` with `HTMLElement.click()` inside the page: the same `click` event htmx
 * listens for, in one round trip (a Playwright mouse click costs 150–350 ms here). The demo
 * tests use real mouse clicks.
 */
export async function click(page: Page, selector = "#go"): Promise<void> {
  const found = await page.evaluate((s) => {
    const element = document.querySelector(s);
    if (!(element instanceof HTMLElement)) return false;
    element.click();
    return true;
  }, selector);
  if (!found) throw new Error(`click: no element matches ${selector}`);
}

/** Clicks `selector`, waits until htmx has handled the response, then lets it settle. */
export async function clickAndSettle(page: Page, version: Version, selector = "#go"): Promise<void> {
  const before = (await recorded(page, REQUEST_DONE[version])).length;
  await click(page, selector);
  await waitForEvents(page, REQUEST_DONE[version], before + 1);
  // htmx 2 settles 20 ms after the swap and fires HX-Trigger-After-Settle then.
  await pause(page, 60);
}

/** Names of the recorded events that are not htmx's own, in order. */
export async function firedNames(page: Page): Promise<string[]> {
  return (await recorded(page)).filter((event) => !event.type.startsWith("htmx:")).map((event) => event.type);
}
