// HX-Retarget, HX-Reswap (styles and typed modifiers) and HX-Reselect: where and what the
// real client swaps.

import { type Hx, hx } from "hxplan";
import { describe, expect, test } from "vitest";
import {
  AFTER_SWAP,
  clickAndSettle,
  htmxErrors,
  pause,
  type Reply,
  recorded,
  useBrowser,
  useServer,
  VERSIONS,
  type Version,
} from "./support.js";

const session = useBrowser();
const server = useServer();

const FIXTURE = `
<section id="sec">
  <button id="go" hx-get="/r" hx-target="#out">go</button>
  <div id="out">old</div>
</section>
<div id="elsewhere">elsewhere</div>
<div id="grüße">greetings</div>
<div id="lög" style="height:40px;overflow:auto"><div style="height:400px">tall log</div></div>`;

/** Serves the fixture, answers the button with `reply`, clicks it and waits for the swap. */
async function exchange(version: Version, reply: () => Reply, options: { head?: string } = {}) {
  const srv = server.current;
  srv.page("/start", version, FIXTURE, { probe: "#out", ...options });
  srv.route("/r", reply);
  const page = await session.page();
  await page.goto(`${srv.origin}/start`);
  await clickAndSettle(page, version);
  return page;
}

const text = (page: Awaited<ReturnType<typeof exchange>>, selector: string) =>
  page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);

describe.each(VERSIONS)("htmx %i", (version) => {
  const plan = (): Hx => hx({ htmx: version });

  test("retarget swaps into another element instead of the button's target", async () => {
    const page = await exchange(version, () => ({ plan: plan().retarget("#elsewhere"), body: "new" }));
    expect(await text(page, "#elsewhere")).toBe("new");
    expect(await text(page, "#out")).toBe("old");
    expect(await htmxErrors(page)).toEqual([]);
  });

  test("retarget accepts htmx's extended selectors (closest …)", async () => {
    const page = await exchange(version, () => ({ plan: plan().retarget("closest section"), body: "new" }));
    expect(await text(page, "#sec")).toBe("new");
    expect(await page.$("#go")).toBeNull();
  });

  test("reswap changes how the content is inserted", async () => {
    const page = await exchange(version, () => ({ plan: plan().reswap("beforeend"), body: "+new" }));
    expect(await text(page, "#out")).toBe("old+new");
  });

  test("reswap outerHTML replaces the target element itself", async () => {
    const page = await exchange(version, () => ({
      plan: plan().reswap("outerHTML"),
      body: '<p id="replaced">new</p>',
    }));
    expect(await page.$("#out")).toBeNull();
    expect(await text(page, "#replaced")).toBe("new");
  });

  test("reswap delete removes the target; reswap none leaves it", async () => {
    const page = await exchange(version, () => ({ plan: plan().reswap("delete"), body: "ignored" }));
    expect(await page.$("#out")).toBeNull();
    server.current.route("/r", () => ({ plan: plan().reswap("none"), body: "new" }));
    await page.goto(`${server.current.origin}/start`);
    await clickAndSettle(page, version);
    expect(await text(page, "#out")).toBe("old");
  });

  test("reselect picks part of the response", async () => {
    const page = await exchange(version, () => ({
      plan: plan().reselect("#keep"),
      body: '<p id="drop">drop</p><p id="keep">keep</p>',
    }));
    expect(await text(page, "#out")).toBe("keep");
  });

  test("retarget, reswap and reselect together", async () => {
    const page = await exchange(version, () => ({
      plan: plan().retarget("#elsewhere").reswap("afterbegin").reselect("#keep"),
      body: '<p id="drop">drop</p><b id="keep">keep:</b>',
    }));
    expect(await text(page, "#elsewhere")).toBe("keep:elsewhere");
    expect(await text(page, "#out")).toBe("old");
  });

  test("selectors with a non-ASCII id still match (retarget, reselect, swap-modifier target)", async () => {
    const page = await exchange(version, () => ({
      plan: plan()
        .retarget("#grüße")
        .reselect("#ñandú")
        .reswap("innerHTML", { scroll: "bottom", scrollTarget: "#lög" }),
      body: '<p id="other">x</p><p id="ñandú">ñandú 🐦</p>',
    }));
    expect(await htmxErrors(page)).toEqual([]);
    expect(await text(page, "#grüße")).toBe("ñandú 🐦");
    expect(await text(page, "#out")).toBe("old");
    await expect
      .poll(() => page.evaluate(() => document.getElementById("lög")?.scrollTop))
      .toBeGreaterThan(0);
  });

  test("typed modifiers do not break the swap and take effect (delay, scroll target, ignoreTitle)", async () => {
    const page = await exchange(version, () => ({
      plan: plan().reswap("innerHTML", {
        swap: "300ms",
        settle: 10,
        transition: false,
        ignoreTitle: true,
        focusScroll: false,
        scroll: "bottom",
        scrollTarget: "#lög",
        show: "top",
        showTarget: "#sec",
      }),
      body: "<title>Changed</title><p>new</p>",
    }));
    await page.waitForFunction(() => document.querySelector("#out")?.textContent === "new");
    await pause(page, 100);
    expect(await htmxErrors(page)).toEqual([]);
    expect(await text(page, "#out")).toBe("new");
    expect(await page.title()).toBe("hxplan e2e");
    await expect
      .poll(() => page.evaluate(() => document.getElementById("lög")?.scrollTop))
      .toBeGreaterThan(0);
    const events = await recorded(page);
    const requested = events.find(
      (e) => e.type === (version === 2 ? "htmx:afterRequest" : "htmx:after:request"),
    );
    const swapped = events.find((e) => e.type === AFTER_SWAP[version]);
    expect(requested).toBeDefined();
    expect(swapped!.at - requested!.at).toBeGreaterThanOrEqual(250);
  });

  test("transition: true swaps through the View Transitions API without breaking the swap", async () => {
    const page = await exchange(version, () => ({
      plan: plan().reswap("outerHTML", { transition: true, focusScroll: true, show: "none" }),
      body: '<p id="replaced">new</p>',
    }));
    await expect.poll(() => text(page, "#replaced")).toBe("new");
    expect(await page.$("#out")).toBeNull();
    expect(await htmxErrors(page)).toEqual([]);
  });

  test("a raw swap spec in the version's own grammar works", async () => {
    const raw =
      version === 2
        ? "beforeend swap:50ms scroll:#lög:bottom"
        : "beforeend swap:50ms scroll:bottom scrollTarget:#lög";
    const page = await exchange(version, () => ({ plan: plan().reswap(raw), body: "+new" }));
    expect(await text(page, "#out")).toBe("old+new");
    await expect
      .poll(() => page.evaluate(() => document.getElementById("lög")?.scrollTop))
      .toBeGreaterThan(0);
  });

  test("a 422 validation error retargets to the form and swaps there", async () => {
    const srv = server.current;
    // htmx 2 does not swap 4xx unless the page says so; htmx 4 swaps them by default.
    const head =
      version === 2
        ? `<meta name="htmx-config" content='{"responseHandling":[{"code":"204","swap":false},{"code":"422","swap":true},{"code":"[23]..","swap":true},{"code":"[45]..","swap":false,"error":true}]}'>`
        : "";
    srv.page(
      "/start",
      version,
      `<form id="signup" hx-post="/signup" hx-target="#result">
         <input name="email" value="not-an-address"><button id="go">Sign up</button>
       </form>
       <div id="result">result</div>`,
      { head },
    );
    srv.route("/signup", () => ({
      plan: hx({ htmx: version }).status(422).retarget("#signup").reswap("outerHTML"),
      body: `<form id="signup"><p id="error">E-Mail-Adresse ungültig</p><input name="email"></form>`,
    }));
    const page = await session.page();
    await page.goto(`${srv.origin}/start`);
    await clickAndSettle(page, version);
    expect(await text(page, "#error")).toBe("E-Mail-Adresse ungültig");
    expect(await text(page, "#result")).toBe("result");
  });
});

describe("htmx 2 only", () => {
  test("retarget('this') swaps into the element that made the request", async () => {
    const page = await exchange(2, () => ({ plan: hx({ htmx: 2 }).retarget("this"), body: "new" }));
    expect(await text(page, "#go")).toBe("new");
    expect(await text(page, "#out")).toBe("old");
  });
});

describe("htmx 2 only: reselect('unset')", () => {
  test("reselect('unset') clears the element's hx-select, so the whole response is swapped", async () => {
    const srv = server.current;
    srv.page(
      "/start",
      2,
      `<button id="go" hx-get="/r" hx-target="#out" hx-select="#part">go</button><div id="out">old</div>`,
    );
    srv.route("/r", () => ({
      plan: hx({ htmx: 2 }).reselect("unset"),
      body: '<p id="part">part</p><p id="rest">rest</p>',
    }));
    const page = await session.page();
    await page.goto(`${srv.origin}/start`);
    await clickAndSettle(page, 2);
    expect(await text(page, "#out")).toBe("partrest");
  });
});

describe("htmx 4 only", () => {
  test("the modifiers target, strip and swapEmpty take effect", async () => {
    let page = await exchange(4, () => ({
      plan: hx({ htmx: 4 }).reswap("innerHTML", { target: "#elsewhere", strip: true }),
      body: '<div id="wrapper"><b id="inner">inner</b></div>',
    }));
    expect(await text(page, "#elsewhere")).toBe("inner");
    expect(await page.$("#wrapper")).toBeNull();
    expect(await text(page, "#out")).toBe("old");

    page = await exchange(4, () => ({
      plan: hx({ htmx: 4 }).reswap("innerHTML", { swapEmpty: false }),
      body: "",
    }));
    expect(await text(page, "#out")).toBe("old");
  });

  test("htmx 4 styles: append, prepend, innerMorph", async () => {
    let page = await exchange(4, () => ({ plan: hx({ htmx: 4 }).reswap("append"), body: "+new" }));
    expect(await text(page, "#out")).toBe("old+new");
    page = await exchange(4, () => ({ plan: hx({ htmx: 4 }).reswap("prepend"), body: "new+" }));
    expect(await text(page, "#out")).toBe("new+old");
    page = await exchange(4, () => ({ plan: hx({ htmx: 4 }).reswap("innerMorph"), body: "<i>morphed</i>" }));
    expect(await text(page, "#out")).toBe("morphed");
  });
});
