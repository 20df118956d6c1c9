// The docs' programs in Chromium, on htmx 2 and htmx 4: what the guides say happens on the page
// does happen. The pages load htmx from unpkg; here that URL answers with the installed client of
// the version under test (nothing leaves the machine), and the servers are the examples' own
// (test/docs/support.ts).
import { describe, expect, it } from "vitest";
import { type RunningExample, serving } from "../docs/support.js";
import { htmxScript, useBrowser, VERSIONS, type Version } from "./support.js";

const browser = useBrowser();

async function open(app: RunningExample, version: Version) {
  const page = await browser.page();
  await page.unroute("https://unpkg.com/**").catch(() => {});
  await page.route("https://unpkg.com/**", (route) =>
    route.fulfill({ contentType: "text/javascript", body: htmxScript(version) }),
  );
  const logs: string[] = [];
  page.on("console", (message) => logs.push(message.text()));
  await page.goto(`${app.base}/`);
  await page.waitForFunction(() => "htmx" in window);
  return { page, logs };
}

describe("docs/examples/events.js in the browser", () => {
  const app = serving("events");

  for (const version of VERSIONS) {
    it(`a listener, from:body, detail.value and a targeted event all work (htmx ${version})`, async () => {
      const { page, logs } = await open(app(), version);
      await page.click("button");
      await page.waitForFunction(() => document.getElementById("status")?.textContent?.startsWith("Saved "));
      const count = await page.textContent("#count");
      expect(Number(count)).toBeGreaterThan(0); // detail.value
      expect(await page.textContent("#status")).toBe(`Saved ${count} times`); // hx-trigger="saved from:body"
      expect(await page.$eval("#lamp", (lamp) => (lamp as HTMLElement).style.background)).toBe("green");
      await expect.poll(() => logs).toContain(`saved ${count} Grüße 👋`); // document.addEventListener("saved", …)
    });
  }
});

describe("docs/examples/getting-started/express.js in the browser", () => {
  const app = serving("getting-started/express");

  for (const version of VERSIONS) {
    it(`adding a todo swaps the list and fires todo-added (htmx ${version})`, async () => {
      const { page, logs } = await open(app(), version);
      await page.fill("input[name=text]", `Grüße from htmx ${version}`);
      await page.click("button");
      await page.waitForFunction((v) => document.body.textContent?.includes(`Grüße from htmx ${v}`), version);
      const items = await page.$$eval("#todos li", (lis) => lis.map((li) => li.textContent));
      expect(items.at(-1)).toBe(`Grüße from htmx ${version}`);
      expect(await page.$$eval("ul#todos", (lists) => lists.length)).toBe(1); // outerHTML, not nested
      await expect.poll(() => logs).toContain(`todos: ${items.length}`); // the todo-added listener
    });
  }
});

describe("docs/examples/validation.js in the browser", () => {
  const app = serving("validation");

  for (const version of VERSIONS) {
    it(`a 422 puts the errors in place of the form; a valid form welcomes (htmx ${version})`, async () => {
      const { page } = await open(app(), version);
      await page.fill("input[name=email]", "not an email");
      await page.click("button");
      await page.waitForSelector("#signup .error");
      expect(await page.textContent("#signup .error")).toBe("Enter an email address.");
      expect(await page.inputValue("input[name=email]")).toBe("not an email");
      expect(await page.$$eval("form", (forms) => forms.length)).toBe(1);
      await page.fill("input[name=email]", "ada@example.org");
      await page.click("button");
      await page.waitForFunction(() => document.getElementById("welcome")?.textContent === "Welcome!");
    });
  }
});

describe("docs/examples/partials.js in the browser", () => {
  const app = serving("partials");

  for (const version of VERSIONS) {
    it(`one response updates the row, the counter, the text and the toasts (htmx ${version})`, async () => {
      const { page } = await open(app(), version);
      const id = version === 2 ? 1 : 2; // the example's state carries over: each version completes one task
      await page.click(`button[hx-post="/tasks/${id}/done"]`);
      await page.waitForFunction(
        (i) => document.querySelector(`#task-${i} td:last-child`)?.textContent === "done",
        id,
      );
      const name = id === 1 ? "Bake bread" : "Open the café";
      expect(await page.textContent("#main")).toBe(`Completed ${name}`);
      expect(await page.textContent("#last")).toBe(name);
      expect(await page.textContent("#open")).toBe(String(2 - id));
      expect(await page.textContent("#toasts")).toBe(`${name}: done`);
      expect(await page.$$eval("tbody tr", (rows) => rows.length)).toBe(2);
    });
  }
});
