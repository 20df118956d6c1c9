// History (HX-Push-Url, HX-Replace-Url), navigation (HX-Redirect, HX-Refresh, HX-Location)
// and polling (status 286), checked through `location`, `history.length` and request counts.

import { hx, isHxError } from "hxplan";
import { describe, expect, test } from "vitest";
import { click, clickAndSettle, htmxErrors, pause, useBrowser, useServer, VERSIONS } from "./support.js";

const session = useBrowser();
const server = useServer();

const FIXTURE = `
<button id="go" hx-get="/r" hx-target="#out">go</button>
<button id="go-push" hx-get="/r" hx-target="#out" hx-push-url="true">go, pushing</button>
<button id="go-replace" hx-get="/r" hx-target="#out" hx-replace-url="true">go, replacing</button>
<div id="out">old</div>
<div id="box">box</div>
<div id="kästchen">kästchen</div>`;

type Page = Awaited<ReturnType<typeof session.page>>;

function where(page: Page) {
  return page.evaluate(() => ({
    path: location.pathname,
    search: location.search,
    length: history.length,
    marker: window.__marker,
  }));
}

/** Opens the fixture page and marks its window, so a full page load can be told from a swap. */
async function open(version: 2 | 4) {
  const srv = server.current;
  srv.page("/start", version, FIXTURE, { probe: "#out" });
  srv.page("/landed/é", version, '<main id="landed">landed</main>');
  srv.route("/loc/part", (hit) => ({
    body: `<p id="drop">drop</p><b id="keep">:q=${hit.url.searchParams.get("q")} demo=${hit.headers["x-demo"]}</b>`,
  }));
  srv.route("/loc/next", () => ({ body: '<main id="next-page">next page</main>' }));
  const page = await session.page();
  await page.goto(`${srv.origin}/start`);
  await page.evaluate(() => {
    window.__marker = "still here";
  });
  return { srv, page, before: await where(page) };
}

describe.each(VERSIONS)("htmx %i", (version) => {
  const plan = () => hx({ htmx: version });

  test("pushUrl adds a history entry; a non-ASCII path arrives percent-encoded and decodes back", async () => {
    const { srv, page, before } = await open(version);
    srv.route("/r", () => ({ plan: plan().pushUrl("/détails/Grüße 👋?q=ä&x=a b"), body: "new" }));
    await clickAndSettle(page, version);
    const after = await where(page);
    expect(await page.textContent("#out")).toBe("new");
    expect(after.path).toBe("/d%C3%A9tails/Gr%C3%BC%C3%9Fe%20%F0%9F%91%8B");
    expect(decodeURIComponent(after.path)).toBe("/détails/Grüße 👋");
    expect(Object.fromEntries(new URLSearchParams(after.search))).toEqual({ q: "ä", x: "a b" });
    expect(after.length).toBe(before.length + 1);
    expect(await htmxErrors(page)).toEqual([]);
  });

  test("pushUrl accepts an absolute same-origin URL object", async () => {
    const { srv, page, before } = await open(version);
    srv.route("/r", () => ({ plan: plan().pushUrl(new URL(`${srv.origin}/abs/é`)), body: "new" }));
    await clickAndSettle(page, version);
    const after = await where(page);
    expect(after.path).toBe("/abs/%C3%A9");
    expect(after.length).toBe(before.length + 1);
  });

  test("replaceUrl changes the address without a new history entry", async () => {
    const { srv, page, before } = await open(version);
    srv.route("/r", () => ({ plan: plan().replaceUrl("/ersetzt/ü"), body: "new" }));
    await clickAndSettle(page, version);
    const after = await where(page);
    expect(after.path).toBe("/ersetzt/%C3%BC");
    expect(decodeURIComponent(after.path)).toBe("/ersetzt/ü");
    expect(after.length).toBe(before.length);
    expect(await page.textContent("#out")).toBe("new");
  });

  test("pushUrl(false) leaves history alone, even when the element asks to push", async () => {
    const { srv, page, before } = await open(version);
    srv.route("/r", () => ({ plan: plan().pushUrl(false), body: "new" }));
    await clickAndSettle(page, version, "#go-push");
    expect(await page.textContent("#out")).toBe("new");
    expect(await where(page)).toEqual(before);
  });

  test("replaceUrl(false) leaves history alone, even when the element asks to replace", async () => {
    const { srv, page, before } = await open(version);
    srv.route("/r", () => ({ plan: plan().replaceUrl(false), body: "new" }));
    await clickAndSettle(page, version, "#go-replace");
    expect(await page.textContent("#out")).toBe("new");
    expect(await where(page)).toEqual(before);
  });

  test("pushUrl then replaceUrl in one plan: the later call wins (a replace)", async () => {
    const { srv, page, before } = await open(version);
    srv.route("/r", () => ({ plan: plan().pushUrl("/pushed").replaceUrl("/replaced"), body: "new" }));
    await clickAndSettle(page, version);
    const after = await where(page);
    expect(after.path).toBe("/replaced");
    expect(after.length).toBe(before.length);
  });

  test("redirect navigates the whole page to a non-ASCII path", async () => {
    const { srv, page } = await open(version);
    srv.route("/r", () => ({ plan: plan().redirect("/landed/é?x=ü"), body: "ignored" }));
    await Promise.all([page.waitForURL(/\/landed\//), click(page)]);
    await page.waitForSelector("#landed");
    const after = await where(page);
    expect(after.path).toBe("/landed/%C3%A9");
    expect(new URLSearchParams(after.search).get("x")).toBe("ü");
    expect(after.marker).toBeUndefined();
  });

  test("location then redirect in one plan: the later call wins (a redirect)", async () => {
    const { srv, page } = await open(version);
    srv.route("/r", () => ({ plan: plan().location("/loc/next").redirect("/landed/é"), body: "ignored" }));
    await Promise.all([page.waitForURL(/\/landed\//), click(page)]);
    await page.waitForSelector("#landed");
    expect(srv.hits("/loc/next")).toHaveLength(0);
  });

  test("refresh reloads the page", async () => {
    const { srv, page, before } = await open(version);
    srv.route("/r", () => ({ plan: plan().refresh(), body: "ignored" }));
    await Promise.all([page.waitForEvent("load"), click(page)]);
    const after = await where(page);
    expect(after.marker).toBeUndefined();
    expect(after.path).toBe(before.path);
    expect(srv.hits("/start")).toHaveLength(2);
    expect(await page.textContent("#out")).toBe("old");
  });

  test("location with a plain path loads it into the body with htmx and pushes it", async () => {
    const { srv, page, before } = await open(version);
    srv.route("/r", () => ({ plan: plan().location("/loc/next"), body: "ignored" }));
    await click(page);
    await page.waitForSelector("#next-page");
    await pause(page, 100);
    const after = await where(page);
    expect(after.marker).toBe("still here");
    expect(after.path).toBe("/loc/next");
    expect(after.length).toBe(before.length + 1);
    expect(srv.hits("/loc/next")[0]?.headers["hx-request"]).toBe("true");
  });

  test("location options: target, swap, select, values and headers; push false keeps history", async () => {
    const { srv, page, before } = await open(version);
    srv.route("/r", () => ({
      plan: plan().location("/loc/part", {
        target: "#box",
        swap: { style: "beforeend", swap: 10, settle: 10 },
        select: "#keep",
        values: { q: "ü" },
        headers: { "X-Demo": "yes" },
        push: false,
      }),
      body: "ignored",
    }));
    await click(page);
    await page.waitForFunction(() => document.querySelector("#box")?.textContent !== "box");
    await pause(page, 100);
    expect(await page.textContent("#box")).toBe("box:q=ü demo=yes");
    expect(await page.textContent("#out")).toBe("old");
    expect(await where(page)).toEqual(before);
    expect(await htmxErrors(page)).toEqual([]);
  });

  test("location with replace replaces the address without a new entry", async () => {
    const { srv, page, before } = await open(version);
    srv.route("/r", () => ({
      plan: plan().location("/loc/part", { target: "#box", select: "#keep", replace: "/ersetzt/ö" }),
      body: "ignored",
    }));
    await click(page);
    await page.waitForFunction(() => location.pathname !== "/start");
    await pause(page, 100);
    const after = await where(page);
    expect(after.path).toBe("/ersetzt/%C3%B6");
    expect(after.length).toBe(before.length);
    expect(await page.textContent("#box")).toMatch(/^:q=/);
  });

  test("location with push pushes the given address", async () => {
    const { srv, page, before } = await open(version);
    srv.route("/r", () => ({
      plan: plan().location("/loc/part", { target: "#kästchen", select: "#keep", push: "/gepusht/ö" }),
      body: "ignored",
    }));
    await click(page);
    await page.waitForFunction(() => location.pathname !== "/start");
    await pause(page, 100);
    const after = await where(page);
    expect(after.path).toBe("/gepusht/%C3%B6");
    expect(after.length).toBe(before.length + 1);
    expect(after.marker).toBe("still here");
    expect(await page.textContent("#kästchen")).toMatch(/^:q=/);
  });

  test("location selectOOB swaps the named element of the response out of band", async () => {
    const { srv, page } = await open(version);
    srv.route("/loc/oob", () => ({ body: '<div id="main">main</div><div id="box-side">side, new</div>' }));
    await page.evaluate(() =>
      document.body.insertAdjacentHTML("beforeend", '<div id="box-side">side, old</div>'),
    );
    srv.route("/r", () => ({
      plan: plan().location("/loc/oob", {
        target: "#box",
        select: "#main",
        selectOOB: "#box-side",
        push: false,
      }),
      body: "ignored",
    }));
    await click(page);
    await page.waitForFunction(() => document.querySelector("#box")?.textContent === "main");
    await expect.poll(() => page.textContent("#box-side")).toBe("side, new");
  });

  // `values` go into the query string of the GET: htmx 2 repeats array items and JSON-encodes
  // nested objects; htmx 4.0.1 uses String(value), so an array arrives as "a,b" and a nested
  // object as "[object Object]" (lost). So hxplan refuses nested values for htmx 4; this test
  // sends the header by hand to show why, and checks that hxplan refuses it.
  test(`location values: arrays and nested objects (htmx ${version})`, async () => {
    const { srv, page } = await open(version);
    srv.route("/loc/values", (hit) => ({
      body: `<pre id="echo">${JSON.stringify({
        tags: hit.url.searchParams.getAll("tags"),
        nested: hit.url.searchParams.get("nested"),
        n: hit.url.searchParams.get("n"),
      })}</pre>`,
    }));
    const options = {
      target: "#box",
      values: { tags: ["a", "b"], nested: { x: 1 }, n: 5 },
      push: false,
    } as const;
    const raw = JSON.stringify({ path: "/loc/values", ...options });
    srv.route("/r", () =>
      version === 2
        ? { plan: plan().location("/loc/values", options), body: "ignored" }
        : { headers: { "HX-Location": raw }, body: "ignored" },
    );
    await click(page);
    await page.waitForSelector("#echo");
    const echo = JSON.parse((await page.textContent("#echo")) ?? "{}");
    if (version === 2) {
      expect(echo).toEqual({ tags: ["a", "b"], nested: '{"x":1}', n: "5" });
    } else {
      expect(echo).toEqual({ tags: ["a,b"], nested: "[object Object]", n: "5" });
      expect(() => plan().location("/loc/values", options)).toThrowError(
        expect.objectContaining({ code: "invalid_option", header: "HX-Location" }),
      );
      expect(() => plan().location("/loc/values", { values: { n: 5, s: "é" } })).not.toThrow();
    }
  });

  // htmx 2.0.11 cannot take `source` and `event` together when the source is the element whose
  // request is still being handled (the usual case): issueAjaxRequest queues the new request and
  // calls getInternalData(event) on the *string* "click", which throws "Cannot create property
  // 'htmx-internal-data' on string 'click'". Nothing is requested, nothing is swapped and
  // `htmx-request` stays on the button. htmx 4 honours both. API.md allows the pair (it works
  // with another source), so hxplan sends it and the README warns; this pins the client.
  test(`location with source and event (htmx ${version})`, async () => {
    const { srv, page } = await open(version);
    const options = { source: "#go", event: "click", target: "#box", select: "#keep" } as const;
    srv.route("/r", () => ({ plan: plan().location("/loc/part", options), body: "ignored" }));
    await click(page);
    if (version === 4) {
      await page.waitForFunction(() => document.querySelector("#box")?.textContent !== "box", undefined, {
        timeout: 2_000,
      });
      expect(await page.textContent("#box")).toMatch(/^:q=/);
    } else {
      await pause(page, 600);
      expect(srv.hits("/loc/part")).toHaveLength(0);
      expect(await page.textContent("#box")).toBe("box");
    }
  });
});

describe("polling", () => {
  const POLLER = '<div id="poll" hx-get="/poll" hx-trigger="every 100ms">waiting</div>';

  test("htmx 2: stopPolling() (status 286) stops an `every` poller", async () => {
    const srv = server.current;
    srv.page("/start", 2, POLLER);
    srv.route("/poll", () => {
      const n = srv.hits("/poll").length;
      return n < 3 ? { body: `tick ${n}` } : { plan: hx({ htmx: 2 }).stopPolling(), body: "done" };
    });
    const page = await session.page();
    await page.goto(`${srv.origin}/start`);
    await page.waitForFunction(() => document.querySelector("#poll")?.textContent === "done");
    await pause(page, 600);
    expect(srv.hits("/poll")).toHaveLength(3);
    expect(await page.textContent("#poll")).toBe("done");
  });

  test("htmx 4: there is no stop-polling status; swapping the poller out (outerHTML) stops it", async () => {
    // @ts-expect-error: the compiler refuses this too (Hx<V> types); checked here at run time
    expect(() => hx({ htmx: 4 }).stopPolling()).toThrow(
      expect.objectContaining({ name: "HxError", code: "unsupported_in_version" }),
    );
    let thrown: unknown;
    try {
      // @ts-expect-error: the compiler refuses this too (Hx<V> types); checked here at run time
      hx({ htmx: 4 }).stopPolling();
    } catch (error) {
      thrown = error;
    }
    expect(isHxError(thrown)).toBe(true);

    const srv = server.current;
    srv.page("/start", 4, POLLER);
    srv.route("/poll", () => {
      const n = srv.hits("/poll").length;
      return n < 3
        ? { body: `tick ${n}` }
        : { plan: hx({ htmx: 4 }).reswap("outerHTML"), body: '<div id="poll">done</div>' };
    });
    const page = await session.page();
    await page.goto(`${srv.origin}/start`);
    await page.waitForFunction(() => document.querySelector("#poll")?.textContent === "done");
    await pause(page, 600);
    expect(srv.hits("/poll")).toHaveLength(3);
  });
});
