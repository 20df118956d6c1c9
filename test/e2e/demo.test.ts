// The demo app (`npm start`), clicked through in Chromium on htmx 2 and htmx 4, plus the
// screenshot the README shows (examples/demo/screenshot.png).

import { statSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from "vitest";
import { createDemoServer } from "../../examples/demo/server.js";
import { useBrowser, VERSIONS, type Version } from "./support.js";

const session = useBrowser();
// The README's picture is rewritten only on request (UPDATE_SCREENSHOT=1), so `npm test` leaves
// the working tree as it found it; otherwise the picture goes to the ignored test-results/.
const SCREENSHOT = fileURLToPath(
  new URL(
    process.env.UPDATE_SCREENSHOT === "1"
      ? "../../examples/demo/screenshot.png"
      : "../../test-results/demo.png",
    import.meta.url,
  ),
);

let server: Server;
let origin: string;

beforeAll(async () => {
  server = createDemoServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

type Page = Awaited<ReturnType<typeof session.page>>;

const home = (version: Version) => `${origin}/${version === 4 ? "?htmx=4" : ""}`;

async function open(version: Version, page?: Page): Promise<Page> {
  const p = page ?? (await session.page());
  await p.goto(home(version));
  return p;
}

/**
 * A trusted mouse click without Playwright's actionability checks (about 100 ms each here);
 * the demo's controls are static and visible.
 */
function press(page: Page, selector: string): Promise<void> {
  return page.click(selector, { force: true });
}

/** The text of a panel's "Response" box. */
function wire(page: Page, panel: string) {
  return page.locator(`#panel-${panel} [data-headers]`);
}

describe.each(VERSIONS)("demo on htmx %i", (version) => {
  test("the page loads the chosen htmx and the switch shows it", async () => {
    const page = await open(version);
    expect(
      await page.evaluate(() => (window as unknown as { htmx: { version: string } }).htmx.version),
    ).toMatch(new RegExp(`^${version}\\.`));
    expect(await page.textContent(".switch a.on")).toBe(`htmx ${version === 2 ? "2.0.11" : "4.0.1"}`);
    const other = await page.getAttribute(".switch a:not(.on)", "href");
    expect(other).toBe(version === 2 ? "/?htmx=4" : "/");
  });

  test("save fires a toast whose text survives the trip (Grüße 👋)", async () => {
    const page = await open(version);
    await press(page, "#panel-toast button");
    await expect.poll(() => page.locator(".toast").first().textContent()).toBe("Saved “Grüße 👋”");
    await expect.poll(() => wire(page, "toast").textContent()).toContain("HX-Trigger: ");
  });

  test("the after-settle listener finds the new item already in the DOM", async () => {
    const page = await open(version);
    await press(page, "#panel-settle button");
    await expect.poll(() => page.textContent("#settle-log")).toContain("already in the DOM ✓");
    expect(await wire(page, "settle").textContent()).toContain(
      version === 2 ? "HX-Trigger-After-Settle: " : "HX-Trigger: ",
    );
  });

  test("targeted events light the lamps, the non-ASCII id included", async () => {
    const page = await open(version);
    const lit = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const note = await page.textContent("#lamp-note");
      await press(page, "#panel-lamps button");
      await page.waitForFunction((old) => document.querySelector("#lamp-note")?.textContent !== old, note);
      const id = /#(lamp-\S+) /.exec((await page.textContent("#lamp-note")) ?? "")?.[1];
      await expect.poll(() => page.evaluate(() => document.querySelector(".lamp.on")?.id)).toBe(id);
      lit.add(id ?? "");
    }
    expect(lit).toEqual(new Set(["lamp-rot", "lamp-gelb", "lamp-grün"]));
  });

  test("restock updates the row in place, not the button's own target", async () => {
    const page = await open(version);
    const before = Number(await page.textContent("#row-2 [data-stock]"));
    const note = await page.textContent("#rows-note");
    await press(page, "#row-2 button");
    await expect.poll(async () => Number(await page.textContent("#row-2 [data-stock]"))).toBe(before + 5);
    expect(await page.textContent("#rows-note")).toBe(note);
    expect(await page.locator("#rows-table tbody tr").count()).toBe(3);
  });

  test("search replaces the URL with the (percent-encoded) query, no new history entry", async () => {
    const page = await open(version);
    const length = await page.evaluate(() => history.length);
    await page.fill("#search-input", "grü");
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get("q"))).toBe("grü");
    expect(await page.locator("#search-results li").allTextContents()).toEqual(["Grüße", "Grünkohl"]);
    expect(await page.evaluate(() => history.length)).toBe(length);
    // A reload of the replaced URL renders the same search on the server.
    await page.reload();
    expect(await page.inputValue("#search-input")).toBe("grü");
    expect(await page.locator("#search-results li").allTextContents()).toEqual(["Grüße", "Grünkohl"]);
  });

  test("a detail link pushes its non-ASCII URL; Back restores the page; loading the URL renders the detail", async () => {
    const page = await open(version);
    const length = await page.evaluate(() => history.length);
    await press(page, "#panel-details a >> text=Crème brûlée");
    await expect
      .poll(() => page.evaluate(() => decodeURIComponent(location.pathname)))
      .toBe("/items/crème-brûlée");
    expect(await page.textContent("#detail h3")).toBe("Crème brûlée");
    expect(await page.evaluate(() => history.length)).toBe(length + 1);
    const pushed = page.url();
    expect(await page.evaluate(() => location.pathname)).toBe("/items/cr%C3%A8me-br%C3%BBl%C3%A9e");
    // Back: htmx restores the page before the click (htmx 2 from its cache, htmx 4 by asking
    // the server, which answers a history-restore request with the full page).
    await page.goBack();
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe("/");
    await expect.poll(() => page.textContent("#detail")).toContain("Pick a dish.");
    // A fresh load of the pushed URL renders the same detail on the server.
    await page.goto(pushed);
    expect(await page.textContent("#detail h3")).toBe("Crème brûlée");
    expect(await page.textContent(".switch a.on")).toContain(`htmx ${version}`);
  });

  test("the progress bar polls, finishes, and the client stops polling", async () => {
    const page = await open(version);
    const polls: string[] = [];
    page.on("request", (request) => {
      if (/\/jobs\/\d+/.test(request.url())) polls.push(request.url());
    });
    await press(page, "#panel-poll button");
    await page.waitForSelector("#job .bar.done", { timeout: 10_000 });
    const count = polls.length;
    await page.waitForTimeout(800);
    expect(count).toBe(5);
    expect(polls).toHaveLength(count);
    await expect
      .poll(() => wire(page, "poll").textContent())
      .toContain(version === 2 ? "HTTP 286" : "HX-Reswap");
  });

  test("HX-Location loads part of the inbox page into the panel, with values and headers", async () => {
    const page = await open(version);
    await press(page, "#panel-location button");
    await page.waitForSelector("#inbox-box #inbox");
    expect(await page.textContent("#inbox h3")).toBe("📬 Posteingang");
    expect(await page.textContent("#inbox")).toContain("X-Demo: hx-location");
    expect(await page.locator("#inbox-box .inbox-page").count()).toBe(0);
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe("/inbox");
  });

  test("reading the request shows what this htmx version sent", async () => {
    const page = await open(version);
    await press(page, "#whoami");
    await page.waitForSelector("#request-view table");
    const rows = Object.fromEntries(
      await page.$$eval("#request-view tr", (trs) =>
        trs.map((tr) => [tr.querySelector("th")?.textContent, tr.querySelector("td")?.textContent]),
      ),
    );
    expect(rows.isHtmx).toBe("true");
    if (version === 2) {
      expect(rows).toMatchObject({ target: "request-view", "trigger (htmx 2)": "whoami" });
    } else {
      expect(rows).toMatchObject({ target: "div#request-view", "source (htmx 4)": "button#whoami" });
    }
    expect(await wire(page, "request").textContent()).toContain("Vary: HX-Request");
  });

  test("a validation error is retargeted into the form; a valid form signs up", async () => {
    const page = await open(version);
    await press(page, "#signup button");
    await page.waitForSelector("#error-email");
    expect(await page.textContent("#error-email")).toContain("“zoë@example” is not an e-mail address");
    expect(await page.textContent("#signup-result")).toBe("Fix the e-mail address to sign up.");
    await expect.poll(() => wire(page, "signup").textContent()).toContain("HTTP 422");
    await page.fill("#signup input[name=email]", "zoë@example.org");
    await press(page, "#signup button");
    await expect.poll(() => page.textContent("#signup-result")).toContain("Welcome, Zoë!");
    await expect.poll(() => page.locator(".toast").last().textContent()).toBe("Welcome, Zoë 🎉");
  });

  test("refresh reloads the page, which then shows the response that caused it", async () => {
    const page = await open(version);
    const before = Number(await page.textContent("#render-count"));
    await Promise.all([page.waitForEvent("load"), press(page, "#panel-refresh button")]);
    expect(Number(await page.textContent("#render-count"))).toBeGreaterThan(before);
    await expect.poll(() => wire(page, "refresh").textContent()).toContain("HX-Refresh: true");
  });

  test("redirect navigates to the landing page, which shows the response that sent it", async () => {
    const page = await open(version);
    await Promise.all([page.waitForURL(/\/landing/), press(page, "#panel-redirect button")]);
    expect(await page.textContent("main h2")).toBe("Landed 🎉");
    await expect
      .poll(() => page.textContent("[data-panel=landing] [data-headers]"))
      .toContain("HX-Redirect: /landing");
    expect(await page.textContent(".switch a.on")).toContain(`htmx ${version}`);
  });
});

test("screenshot of the demo (htmx 2) for the README", async () => {
  // A server of its own, so the counters on the picture start from zero.
  const fresh = createDemoServer();
  await new Promise<void>((resolve) => fresh.listen(0, "127.0.0.1", resolve));
  onTestFinished(async () => {
    fresh.closeAllConnections();
    await new Promise((resolve) => fresh.close(resolve));
  });
  const page = await session.isolatedPage({ width: 1280, height: 900 });
  await page.goto(`http://127.0.0.1:${(fresh.address() as AddressInfo).port}/`);
  await Promise.all([page.waitForEvent("load"), press(page, "#panel-refresh button")]);
  await press(page, "#panel-settle button");
  for (let i = 0; i < 3; i++) {
    await press(page, "#panel-lamps button");
    await page.waitForTimeout(100);
  }
  await press(page, "#row-2 button");
  await page.fill("#search-input", "grü");
  await press(page, "#panel-details a >> text=Crème brûlée");
  await press(page, "#panel-poll button");
  await press(page, "#panel-location button");
  await press(page, "#whoami");
  await press(page, "#signup button");
  await page.waitForSelector("#job .bar.done", { timeout: 10_000 });
  await page.waitForSelector("#inbox-box #inbox");
  await press(page, "#panel-toast button");
  await page.waitForSelector(".toast");
  await page.waitForTimeout(400);
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  // A picture of the whole page, not a blank one: the panels the steps above filled are in it.
  expect(statSync(SCREENSHOT).size).toBeGreaterThan(50_000);
});
