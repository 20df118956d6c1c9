// The request headers each htmx client really sends, captured in Chromium and kept as the
// fixture test/fixtures/htmx-requests.json, which test/request.test.ts reads through
// hxRequest. This test fails when a capture differs from the fixture; run it with
// UPDATE_FIXTURES=1 to write the fixture again.

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import { type Hit, useBrowser, useServer, waitForEvents } from "./support.js";

const session = useBrowser();
const server = useServer();

const require = createRequire(import.meta.url);
const FIXTURE = new URL("../fixtures/htmx-requests.json", import.meta.url);
const SCRIPTS: Record<string, string> = {
  "2.0.11": require.resolve("htmx2/dist/htmx.min.js"),
  "2.0.8": require.resolve("htmx208/dist/htmx.min.js"),
  "4.0.1": require.resolve("htmx4/dist/htmx.min.js"),
  "event-header": require.resolve("htmx2/dist/ext/event-header.js"),
  "hx-ptag": require.resolve("htmx4/dist/ext/hx-ptag.js"),
  "hx-prompt": require.resolve("htmx4/dist/ext/hx-prompt.js"),
};
const CLIENTS = ["2.0.11", "2.0.8", "4.0.1"] as const;
type Client = (typeof CLIENTS)[number];

/** A captured request: the headers that matter to a server, the origin's port written as 4000. */
interface Captured {
  method: string;
  path: string;
  headers: Record<string, string>;
}

const STABLE_EVENT_KEYS: ReadonlySet<string> = new Set([
  "isTrusted",
  "type",
  "target",
  "currentTarget",
  "submitter",
  "bubbles",
  "cancelable",
  "defaultPrevented",
  "composed",
  "srcElement",
  "view",
]);
const KEEP = /^(hx-|triggering-event$|host$|accept$|content-type$)/;

function capture(hit: Hit, origin: string): Captured {
  const port = new URL(origin).port;
  const headers: Record<string, string> = {};
  for (const name of Object.keys(hit.headers).sort()) {
    const value = hit.headers[name];
    if (!KEEP.test(name) || typeof value !== "string") continue;
    headers[name] = value.split(`127.0.0.1:${port}`).join("127.0.0.1:4000");
  }
  // The event-header extension serialises the whole event: keep the keys that do not change
  // from run to run (no times, no coordinates), in the order the client wrote them.
  const event = headers["triggering-event"];
  if (event !== undefined) {
    const parsed = JSON.parse(event) as Record<string, unknown>;
    const stable = Object.fromEntries(Object.entries(parsed).filter(([key]) => STABLE_EVENT_KEYS.has(key)));
    headers["triggering-event"] = JSON.stringify(stable);
  }
  return { method: hit.method, path: hit.path, headers };
}

function page(client: Client, body: string): string {
  const four = client.startsWith("4");
  const extensions = four
    ? '<script src="/js/hx-ptag.js"></script><script src="/js/hx-prompt.js"></script>'
    : '<script src="/js/event-header.js"></script>';
  return `<!doctype html><html><head><meta charset="utf-8">
<meta name="htmx-config" content='{"historyCacheSize":0}'>
<script src="/js/${client}.js"></script>${extensions}
<script>window.__events = []; ["htmx:afterRequest", "htmx:finally:request", "htmx:historyRestore", "htmx:after:history:restore", "htmx:after:swap", "htmx:afterSwap"].forEach(function (n) {
  window.addEventListener(n, function (e) { window.__events.push({ type: "done", detail: null, target: "", probe: null, at: 0 }); }, true);
});
window.htmxPrompt = function () { return "Grüße €"; };</script>
</head><body${four ? "" : ' hx-ext="event-header"'}>${body}</body></html>`;
}

const BODY = `
<button id="get" hx-get="/r/get" hx-target="#out">get</button>
<form id="form" hx-post="/r/post" hx-target="#out"><input name="q" value="v"><button id="post">post</button></form>
<a id="boosted" hx-boost="true" href="/r/boosted">boosted</a>
<button id="prompt" hx-get="/r/prompt" hx-prompt="Your name?" hx-target="#out">prompt</button>
<button id="push" hx-get="/r/pushed" hx-push-url="true" hx-target="#out">push</button>
<div id="out">old</div>`;

const captured: Partial<Record<Client, Record<string, Captured>>> = {};

async function done(p: Awaited<ReturnType<typeof session.page>>, before: number): Promise<void> {
  await waitForEvents(p, "done", before + 1);
}

describe.each(CLIENTS)("htmx %s sends", (client) => {
  test("the headers of hx-get, hx-post, a boosted link, hx-prompt, a history restore and hx-ptag polling", async () => {
    const srv = server.current;
    const shots: Record<string, Captured> = {};
    for (const [name, file] of Object.entries(SCRIPTS)) {
      srv.route(`/js/${name}.js`, (_hit, res) => {
        res.setHeader("Content-Type", "text/javascript; charset=utf-8");
        return { body: readFileSync(file, "utf8") };
      });
    }
    srv.route("/start", () => ({ body: page(client, BODY) }));
    for (const name of ["get", "post", "prompt", "pushed"]) srv.route(`/r/${name}`, () => ({ body: name }));
    srv.route("/r/boosted", () => ({ body: page(client, '<p id="landed">boosted</p>') }));
    const p = await session.isolatedPage();
    p.on("dialog", (dialog) => void dialog.accept("Grüße €"));
    await p.goto(`${srv.origin}/start`);
    const count = () => p.evaluate(() => window.__events.length);
    const step = async (selector: string) => {
      const before = await count();
      await p.click(selector);
      await done(p, before);
    };
    await step("#get");
    await step("#post");
    await step("#prompt");
    await step("#push");
    shots["hx-get"] = capture(srv.hits("/r/get")[0]!, srv.origin);
    shots["hx-post"] = capture(srv.hits("/r/post")[0]!, srv.origin);
    shots["hx-prompt"] = capture(srv.hits("/r/prompt")[0]!, srv.origin);
    // History restore: back to /start with no history cache, so htmx asks the server.
    await p.goBack();
    await p.waitForFunction(() => document.querySelector("#boosted") !== null);
    await expect.poll(() => srv.hits("/start").length).toBe(2);
    shots["history-restore"] = capture(srv.hits("/start")[1]!, srv.origin);
    const before = await count();
    await p.click("#boosted");
    await done(p, before);
    shots.boosted = capture(srv.hits("/r/boosted")[0]!, srv.origin);
    if (client.startsWith("4")) {
      // hx-ptag: the element's tag, then the one the server sent, comes back as HX-PTag.
      srv.route("/poll", () => ({
        body: page(
          client,
          '<div id="news" hx-get="/r/news" hx-trigger="every 100ms" hx-ptag="tag-0">…</div>',
        ),
      }));
      srv.route("/r/news", () => ({ body: "news", headers: { "HX-PTag": "tag-1" } }));
      await p.goto(`${srv.origin}/poll`);
      await expect.poll(() => srv.hits("/r/news").length).toBeGreaterThanOrEqual(2);
      shots["hx-ptag-first"] = capture(srv.hits("/r/news")[0]!, srv.origin);
      shots["hx-ptag-next"] = capture(srv.hits("/r/news")[1]!, srv.origin);
      await p.goto("about:blank");
    }
    captured[client] = shots;
    expect(Object.keys(shots).length).toBe(client.startsWith("4") ? 7 : 5);
  });
});

describe("the fixture", () => {
  test("matches what the clients sent", () => {
    if (process.env.UPDATE_FIXTURES === "1") {
      writeFileSync(FIXTURE, `${JSON.stringify(captured, null, 2)}\n`);
    }
    const fixture = JSON.parse(readFileSync(FIXTURE, "utf8")) as typeof captured;
    expect(captured).toEqual(fixture);
  });
});
