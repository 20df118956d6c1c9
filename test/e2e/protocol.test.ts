// The middleware of every framework (hxplan/express, node, fetch, fastify, koa, hono), seen
// from Chromium with htmx 2.0.11 and 4.0.1: redirects converted for a plain hx-post, a boosted
// form's 303 left alone, hx-ptag polling answered 304 without rendering, and one route giving
// each page version-correct headers. The apps are test/frameworks/middleware-apps.ts.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { hx } from "hxplan";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FRAMEWORKS, type Framework, type RunningApp, startApp } from "../frameworks/middleware-apps.js";
import { clickAndSettle, htmxScript, useBrowser, useServer, VERSIONS, type Version } from "./support.js";

const session = useBrowser();
const server = useServer();
const require = createRequire(import.meta.url);
const PTAG_EXTENSION = readFileSync(require.resolve("htmx4/dist/ext/hx-ptag.js"), "utf8");

const inline = (code: string) => `<script>${code.replace(/<\/script/gi, "<\\/script")}</script>`;

// Counts the "done" events (the /version route's trigger) and the status of every response htmx saw.
const RECORDER = `window.__done = 0; window.__statuses = [];
addEventListener("done", function () { window.__done++; }, true);
addEventListener("htmx:afterRequest", function (e) { window.__statuses.push(e.detail.xhr.status); }, true);
addEventListener("htmx:after:request", function (e) { window.__statuses.push(e.detail.ctx.response ? e.detail.ctx.response.status : null); }, true);`;

function page(version: Version, body: string): string {
  const extension = version === 4 ? inline(PTAG_EXTENSION) : "";
  return `<!doctype html><html><head><meta charset="utf-8">${inline(RECORDER)}${inline(htmxScript(version))}${extension}</head><body>${body}</body></html>`;
}

const START = `
<button id="post" hx-post="/save" hx-target="#out">save</button>
<form id="boosted" hx-boost="true" action="/save" method="post"><button id="boosted-go">save (boosted)</button></form>
<button id="version" hx-get="/version" hx-target="#out">version</button>
<div id="out">old</div>`;

const POLL = `<div id="news" hx-get="/news" hx-trigger="every 100ms" hx-ptag="news-0">initial</div>`;

const EXTRA = {
  "/start2": () => page(2, START),
  "/start4": () => page(4, START),
  "/poll": () => page(4, POLL),
};

type Page = Awaited<ReturnType<typeof session.page>>;

async function open(app: RunningApp, version: Version): Promise<Page> {
  const p = await session.page();
  await p.goto(`${app.base}/start${version}`);
  await p.evaluate(() => {
    window.__marker = "still here";
  });
  return p;
}

const state = (p: Page) =>
  p.evaluate(() => ({
    path: location.pathname,
    marker: window.__marker,
    out: document.querySelector("#out")?.textContent ?? null,
    body: document.body.textContent?.trim() ?? "",
  }));

describe.each(VERSIONS)("a 304 plan, htmx %i", (version) => {
  test("keeps the target's content (htmx 2 thanks to the implied HX-Reswap: none); a bare 304 empties it on htmx 2", async () => {
    const srv = server.current;
    srv.page(
      "/start",
      version,
      '<button id="go" hx-get="/r" hx-target="#out">go</button><div id="out">old</div>',
    );
    srv.route("/r", () => ({ plan: hx({ htmx: version }).status(304) }));
    const p = await session.page();
    await p.goto(`${srv.origin}/start`);
    await clickAndSettle(p, version);
    expect(srv.hits("/r")).toHaveLength(1);
    expect(await p.textContent("#out")).toBe("old");
    // Without it: htmx 2 swaps the 304's empty body in; htmx 4 does not (304 is in its noSwap).
    srv.route("/r", () => ({ status: 304 }));
    await clickAndSettle(p, version);
    expect(await p.textContent("#out")).toBe(version === 2 ? "" : "old");
  });
});

describe.each(FRAMEWORKS)("%s middleware in Chromium", (framework: Framework) => {
  let toRedirect: RunningApp;
  let toLocation: RunningApp;
  let unconverted: RunningApp;
  beforeAll(async () => {
    [toRedirect, toLocation, unconverted] = await Promise.all([
      startApp(framework, { redirects: "hx-redirect" }, EXTRA),
      startApp(framework, { redirects: "hx-location" }, EXTRA),
      startApp(framework, {}, EXTRA),
    ]);
  });
  afterAll(async () => {
    await Promise.all([toRedirect?.close(), toLocation?.close(), unconverted?.close()]);
  });

  describe.each(VERSIONS)("htmx %i", (version) => {
    test('an hx-post answered 303: "hx-redirect" loads the next page in full, "hx-location" swaps it into body, unconverted nests it', async () => {
      let p = await open(toRedirect, version);
      await p.click("#post");
      await p.waitForURL("**/next");
      expect(await state(p)).toMatchObject({ path: "/next", marker: undefined, body: "next (page)" });

      p = await open(toLocation, version);
      await p.click("#post");
      await p.waitForFunction(() => document.querySelector("#next") !== null);
      expect(await state(p)).toMatchObject({
        path: "/next",
        marker: "still here",
        out: null,
        body: "next (htmx)",
      });

      // Without the option htmx follows the 303 itself and nests the next page in the target.
      p = await open(unconverted, version);
      await p.click("#post");
      await p.waitForFunction(() => document.querySelector("#out #next") !== null);
      expect(await state(p)).toMatchObject({
        path: `/start${version}`,
        marker: "still here",
        out: "next (htmx)",
      });
    });

    test("a boosted form's 303 is left alone: htmx follows it, swaps the next page into body and updates the URL", async () => {
      const p = await open(toRedirect, version);
      await p.click("#boosted-go");
      await p.waitForFunction(() => document.querySelector("#next") !== null);
      await p.waitForURL("**/next");
      // The browser followed the 303 with HX-Request and HX-Boosted still set.
      expect(await state(p)).toMatchObject({
        path: "/next",
        marker: "still here",
        body: "next (htmx, boosted)",
      });
    });

    test("the same route gives each page version-correct headers (htmx option from request.version)", async () => {
      const p = await open(toRedirect, version);
      await p.click("#version");
      await p.waitForFunction(() => window.__done === 1);
      await p.waitForTimeout(50);
      expect(await state(p)).toMatchObject({ out: String(version) });
      expect(await p.evaluate(() => window.__done)).toBe(1);
    });
  });

  test("htmx 4 hx-ptag polling: 304 keeps the element's content and the server renders once", async () => {
    const p = await session.page();
    const before = toRedirect.renders.count;
    await p.goto(`${toRedirect.base}/poll`);
    await p.waitForFunction(() => document.querySelector("#news")?.textContent === "news");
    // Once the server has answered 304 (the element now holds the server's tag), mark the
    // content: a swap would overwrite the mark.
    await p.waitForFunction(() => window.__statuses.includes(304));
    await p.evaluate(() => {
      document.querySelector("#news")!.textContent = "kept";
    });
    const renders = toRedirect.renders.count;
    const seen = await p.evaluate(() => window.__statuses.length);
    await p.waitForFunction((n) => window.__statuses.length >= n + 3, seen);
    await p.waitForTimeout(30);
    const statuses = await p.evaluate(() => window.__statuses);
    expect(statuses[0]).toBe(200);
    expect(statuses.slice(seen)).toEqual(statuses.slice(seen).map(() => 304));
    expect(await p.textContent("#news")).toBe("kept");
    // One render for the first poll (two at most, if the second poll left before it returned).
    expect(renders - before).toBeGreaterThanOrEqual(1);
    expect(renders - before).toBeLessThanOrEqual(2);
    expect(toRedirect.renders.count).toBe(renders);
    await p.goto("about:blank");
  });
});

declare global {
  interface Window {
    __done: number;
    __statuses: Array<number | null>;
  }
}
