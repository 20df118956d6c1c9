// Partials in the real clients: htmx 2.0.8, 2.0.11 and 4.0.1 in Chromium. One page per client,
// loaded once; every case resets a sandbox, asks htmx for `/p` (htmx.ajax into #main), waits
// past the settle, and reads the DOM. The hand-written cases show the traps hxplan's markup
// avoids (a <div hx-swap-oob> dropping <tr>, keeping its wrapper, emptying the main target).

import fc from "fast-check";
import { type Hx, hx } from "hxplan";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { escapeHtml } from "../../src/partial.js";
import { type Client, type Reply, useBrowser, useServer, type Version } from "./support.js";

const session = useBrowser();
const server = useServer();

interface ClientCase {
  readonly name: string;
  readonly version: Version;
  readonly client: Client;
  readonly styles: readonly string[];
}

const STYLES_2 = [
  "innerHTML",
  "outerHTML",
  "textContent",
  "beforebegin",
  "afterbegin",
  "beforeend",
  "afterend",
  "delete",
  "none",
];
const CLIENTS: readonly ClientCase[] = [
  { name: "2.0.8", version: 2, client: 208, styles: STYLES_2 },
  { name: "2.0.11", version: 2, client: 2, styles: STYLES_2 },
  {
    name: "4.0.1",
    version: 4,
    client: 4,
    // outerSync is tested apart: it syncs the target with one root element.
    styles: [...STYLES_2, "innerMorph", "outerMorph", "before", "after", "prepend", "append"],
  },
];

// Every element lives in a zone, so the mutation order says which part htmx swapped first.
const FIXTURE = `
<div data-zone="main" id="main">main-old</div>
<div data-zone="wrap" id="wrap"><div id="t" class="old" data-k="a&amp;b">t-old</div></div>
<ul data-zone="list" id="list"><li>one</li></ul>
<table data-zone="table"><tbody id="rows"><tr id="r1"><td>1</td></tr><tr id="r2"><td>2</td></tr></tbody></table>
<div data-zone="many" id="many"><p class="many">a</p><p class="many">b</p></div>
<div data-zone="intl" id="intl"><div id="grüße">hi</div></div>`;

const T_OLD = '<div id="t" class="old" data-k="a&amp;b">t-old</div>';
const T_OPEN = '<div id="t" class="old" data-k="a&amp;b">';
const CONTENT = '<b class="n">n1</b> n2';
const MAIN = '<p id="m">main-new</p>';

/** What #wrap holds after a partial with CONTENT into #t, per style. */
const EXPECTED_WRAP: Readonly<Record<string, string>> = {
  innerHTML: `${T_OPEN}${CONTENT}</div>`,
  innerMorph: `${T_OPEN}${CONTENT}</div>`,
  outerHTML: CONTENT,
  outerMorph: CONTENT,
  beforebegin: CONTENT + T_OLD,
  before: CONTENT + T_OLD,
  afterbegin: `${T_OPEN}${CONTENT}t-old</div>`,
  prepend: `${T_OPEN}${CONTENT}t-old</div>`,
  beforeend: `${T_OPEN}t-old${CONTENT}</div>`,
  append: `${T_OPEN}t-old${CONTENT}</div>`,
  afterend: T_OLD + CONTENT,
  after: T_OLD + CONTENT,
  delete: "",
  none: T_OLD,
  // The string as text: the markup shows escaped.
  textContent: `${T_OPEN}&lt;b class="n"&gt;n1&lt;/b&gt; n2</div>`,
};

interface Snapshot {
  main: string;
  wrap: string;
  list: string;
  rows: string;
  rowTags: string[];
  many: string;
  intl: string;
  /** Zones in the order the swaps first touched them. */
  order: string[];
  /** Leftover partial markup anywhere in the page. */
  leftovers: number;
  errors: string[];
  ran: number;
}

declare global {
  interface Window {
    htmx: { ajax(verb: string, path: string, options: object): Promise<unknown> };
    __oob: string[];
    __zones: string[];
    __ran: number;
    __observer?: MutationObserver;
  }
}

// Records htmx's error events (htmx 2 reports a missing out-of-band target on body).
const HEAD = `<script>
window.__oob = [];
["htmx:oobErrorNoTarget", "htmx:partialErrorNoTarget", "htmx:swapError", "htmx:targetError"].forEach(function (name) {
  document.addEventListener(name, function () { window.__oob.push(name); }, true);
});
</script>`;

let current: () => Reply | Response = () => ({ body: "" });
let loaded: string | undefined;
let pageErrors: string[] = [];

async function ready(c: ClientCase): Promise<Page> {
  const srv = server.current;
  srv.page("/start", c.version, '<div id="sandbox"></div>', { client: c.client, head: HEAD });
  srv.route("/p", () => current());
  const page = await session.page();
  if (loaded !== c.name || !page.url().startsWith(srv.origin)) {
    page.removeAllListeners("pageerror");
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${srv.origin}/start`);
    loaded = c.name;
  }
  return page;
}

/** Serves `reply` for one htmx.ajax GET into #main and returns the DOM afterwards. */
async function run(page: Page, reply: () => Reply | Response, swap = "innerHTML"): Promise<Snapshot> {
  current = reply;
  pageErrors = [];
  const snapshot = await page.evaluate(
    async ([fixture, swap]) => {
      const sandbox = document.getElementById("sandbox")!;
      window.__observer?.disconnect();
      sandbox.innerHTML = fixture;
      window.__oob = [];
      window.__zones = [];
      window.__ran = 0;
      const note = (records: MutationRecord[]) => {
        for (const record of records) {
          const node = record.target instanceof Element ? record.target : record.target.parentElement;
          const zone = node?.closest("[data-zone]")?.getAttribute("data-zone");
          if (zone && !window.__zones.includes(zone)) window.__zones.push(zone);
        }
      };
      window.__observer = new MutationObserver(note);
      window.__observer.observe(sandbox, { childList: true, subtree: true, characterData: true });
      await window.htmx.ajax("GET", "/p", { target: "#main", swap }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 60));
      note(window.__observer.takeRecords());
      const html = (id: string) => (document.getElementById(id)?.innerHTML ?? "").replace(/ class=""/g, "");
      const rows = document.getElementById("rows");
      return {
        main: html("main"),
        wrap: html("wrap"),
        list: html("list"),
        rows: html("rows"),
        rowTags: rows ? [...rows.childNodes].map((n) => (n instanceof Element ? n.tagName : "#text")) : [],
        many: html("many"),
        intl: html("intl"),
        order: window.__zones,
        leftovers: document.querySelectorAll("template, hx-partial, [hx-swap-oob], #hxplan-outer").length,
        errors: window.__oob,
        ran: window.__ran,
      };
    },
    [FIXTURE, swap] as const,
  );
  expect(pageErrors).toEqual([]);
  return snapshot;
}

describe.each(CLIENTS)("htmx $name", (c) => {
  const plan = (): Hx => hx({ htmx: c.version });
  // htmx 2 runs out-of-band swaps before the main swap, htmx 4 partials after it.
  const mainFirst = c.version === 4;

  test("every swap style, with and without main content, does what the partial means", async () => {
    const page = await ready(c);
    for (const style of c.styles) {
      const html = CONTENT;
      for (const main of [MAIN, ""]) {
        const p = plan().partial("#t", html, { swap: style });
        const got = await run(page, () => p.toResponse(main));
        const label = `${style} ${main === "" ? "alone" : "with main"}`;
        expect(got.wrap, label).toBe(EXPECTED_WRAP[style]);
        expect(got.main, label).toBe(main === "" ? "main-old" : MAIN);
        expect(got.leftovers, label).toBe(0);
        expect(got.errors, label).toEqual([]);
        if (main !== "" && style !== "none") {
          expect(got.order, label).toEqual(mainFirst ? ["main", "wrap"] : ["wrap", "main"]);
        }
      }
    }
  });

  test("textContent writes the string as text, whatever it holds", async () => {
    const page = await ready(c);
    const text = `<script>alert("x")</script> & 'q' &amp; \u00e9\u{1f600} a\r\nb`;
    const got = await run(page, () => plan().partial("#t", text, { swap: "textContent" }).toResponse(MAIN));
    const textNow = await page.evaluate(() => document.getElementById("t")?.textContent);
    expect(textNow).toBe(text);
    expect(got.main).toBe(MAIN);
  });

  test("table rows: <tr> into a <tbody>, a <tr> replacing a <tr>, several rows for one", async () => {
    const page = await ready(c);
    let got = await run(page, () =>
      plan().partial("#rows", '<tr id="r3"><td>3</td></tr>', { swap: "beforeend" }).toResponse(MAIN),
    );
    expect(got.rowTags).toEqual(["TR", "TR", "TR"]);
    expect(got.rows).toContain('<tr id="r3"><td>3</td></tr>');

    got = await run(page, () =>
      plan()
        .partial("#r1", '<tr id="r1" class="upd"><td>1!</td></tr>', { swap: "outerHTML" })
        .toResponse(MAIN),
    );
    expect(got.rows).toBe('<tr id="r1" class="upd"><td>1!</td></tr><tr id="r2"><td>2</td></tr>');

    got = await run(page, () =>
      plan()
        .partial("#r1", '<tr id="ra"><td>a</td></tr><tr id="rb"><td>b</td></tr>', { swap: "outerHTML" })
        .toResponse(),
    );
    expect(got.rows).toBe(
      '<tr id="ra"><td>a</td></tr><tr id="rb"><td>b</td></tr><tr id="r2"><td>2</td></tr>',
    );
    expect(got.main).toBe("main-old");

    got = await run(page, () =>
      plan()
        .partial("#rows", '<tr id="r0"><td>0</td></tr>', { swap: "innerHTML" })
        .partial("#r1", "<td>more</td>", { swap: "beforeend" })
        .toResponse(MAIN),
    );
    expect(got.rows).toBe('<tr id="r0"><td>0</td></tr>');
    got = await run(page, () =>
      plan().partial("#r1", "<td>more</td>", { swap: "beforeend" }).toResponse(MAIN),
    );
    expect(got.rows).toBe('<tr id="r1"><td>1</td><td>more</td></tr><tr id="r2"><td>2</td></tr>');
    expect(got.leftovers).toBe(0);
  });

  test("several partials to one target apply in call order, rows mixed in", async () => {
    const page = await ready(c);
    const got = await run(page, () =>
      plan()
        .partial("#list", "<li>A</li>")
        .partial("#rows", '<tr id="r3"><td>3</td></tr>', { swap: "beforeend" })
        .partial("#list", "<li>B</li>", { swap: "beforeend" })
        .partial("#list", "<li>Z</li>", { swap: "afterbegin" })
        .toResponse(MAIN),
    );
    expect(got.list).toBe("<li>Z</li><li>A</li><li>B</li>");
    expect(got.rowTags).toEqual(["TR", "TR", "TR"]);
    expect(got.main).toBe(MAIN);
  });

  test("a selector matching several elements swaps each; outerHTML keeps new matches", async () => {
    const page = await ready(c);
    let got = await run(page, () => plan().partial(".many", "<i>x</i>").toResponse(MAIN));
    expect(got.many).toBe('<p class="many"><i>x</i></p><p class="many"><i>x</i></p>');
    got = await run(page, () =>
      plan().partial(".many", '<p class="many">z</p>', { swap: "outerHTML" }).toResponse(MAIN),
    );
    expect(got.many).toBe('<p class="many">z</p><p class="many">z</p>');
    got = await run(page, () => plan().partial("#many > .many", "", { swap: "delete" }).toResponse(MAIN));
    expect(got.many).toBe("");
  });

  test("targets are the elements on the page before the response", async () => {
    const page = await ready(c);
    // The replacement has the target's id: it stays (hxplan's htmx 2 form never deletes it).
    let got = await run(page, () =>
      plan().partial("#t", '<div id="t" class="v1">one</div>', { swap: "outerHTML" }).toResponse(MAIN),
    );
    expect(got.wrap).toBe('<div id="t" class="v1">one</div>');
    // A second partial on the same selector: htmx 2 finds the element the first one put there,
    // htmx 4 looks up every partial's targets before swapping any, and swaps into the removed one.
    got = await run(page, () =>
      plan()
        .partial("#t", '<div id="t" class="v1">one</div>', { swap: "outerHTML" })
        .partial("#t", "two")
        .toResponse(MAIN),
    );
    expect(got.wrap).toBe(
      c.version === 2 ? '<div id="t" class="v1">two</div>' : '<div id="t" class="v1">one</div>',
    );
  });

  test("selectors that need escaping in an attribute, and non-ASCII ids", async () => {
    const page = await ready(c);
    const got = await run(page, () =>
      plan().partial('#wrap > [data-k="a&b"]', "<u>ok</u>").partial("#grüße", "<s>é</s>").toResponse(MAIN),
    );
    expect(got.wrap).toBe(`${T_OPEN}<u>ok</u></div>`);
    expect(got.intl).toBe('<div id="grüße"><s>é</s></div>');
  });

  test("a missing target is reported the way the client reports it; the rest still applies", async () => {
    const page = await ready(c);
    const got = await run(page, () =>
      plan().partial("#nope", "<b>x</b>").partial("#list", "<li>ok</li>").toResponse(MAIN),
    );
    expect(got.list).toBe("<li>ok</li>");
    expect(got.main).toBe(MAIN);
    // htmx 2 fires htmx:oobErrorNoTarget; htmx 4 skips the partial silently.
    expect(got.errors).toEqual(c.version === 2 ? ["htmx:oobErrorNoTarget"] : []);
    // htmx 2's outerHTML form reports it three times: the placeholder is missing too.
    const outer = await run(page, () =>
      plan().partial("#nope", "<b>x</b>", { swap: "outerHTML" }).toResponse(MAIN),
    );
    expect(outer.errors).toEqual(c.version === 2 ? Array(3).fill("htmx:oobErrorNoTarget") : []);
    expect(outer.leftovers).toBe(0);
  });

  test("partials only leave the main target alone: toResponse, render with reswap none", async () => {
    const page = await ready(c);
    let got = await run(page, () =>
      plan().partial("#list", "<li>B</li>", { swap: "beforeend" }).toResponse(),
    );
    expect(got.main).toBe("main-old");
    expect(got.list).toBe("<li>one</li><li>B</li>");
    got = await run(page, () => {
      const p = plan().partial("#list", "<li>B</li>", { swap: "beforeend" }).reswap("none");
      return { plan: p, body: p.render() };
    });
    expect(got.main).toBe("main-old");
    expect(got.list).toBe("<li>one</li><li>B</li>");
    // Whitespace-only main content counts as none.
    got = await run(page, () => plan().partial("#list", "<li>C</li>").toResponse(" \n "));
    expect(got.main).toBe("main-old");
    expect(got.list).toBe("<li>C</li>");
  });

  test("an element that swaps textContent: htmx 2 writes the partials as text", async () => {
    const page = await ready(c);
    const got = await run(
      page,
      () => plan().partial("#list", "<li>A</li>").toResponse("main"),
      "textContent",
    );
    if (c.version === 2) {
      expect(got.main).toContain("hx-swap-oob");
      expect(got.list).toBe("<li>one</li>");
    } else {
      expect(got.main).toBe("main");
      expect(got.list).toBe("<li>A</li>");
    }
  });

  test("render() next to applyTo(): headers and body from one plan", async () => {
    const page = await ready(c);
    const got = await run(page, () => {
      const p = plan().partial("#list", "<li>A</li>").trigger("saved");
      return { plan: p, body: p.render(MAIN) };
    });
    expect(got.main).toBe(MAIN);
    expect(got.list).toBe("<li>A</li>");
  });

  test("merged plans append their partials in order", async () => {
    const page = await ready(c);
    const a = plan().partial("#list", "<li>A</li>");
    const b = plan().partial("#list", "<li>B</li>", { swap: "beforeend" });
    const got = await run(page, () => a.merge(b).toResponse(MAIN));
    expect(got.list).toBe("<li>A</li><li>B</li>");
  });

  test("scripts inside a partial", async () => {
    const page = await ready(c);
    const got = await run(page, () =>
      plan().partial("#list", "<li>s</li><script>window.__ran += 1</script>").toResponse(MAIN),
    );
    expect(got.list.startsWith("<li>s</li>")).toBe(true);
    expect(got.ran).toBe(1);
  });

  if (c.version === 4) {
    test("htmx 4 outerSync syncs the target with one root element", async () => {
      const page = await ready(c);
      const got = await run(page, () =>
        plan().partial("#t", '<div id="t" class="new">x</div>', { swap: "outerSync" }).toResponse(MAIN),
      );
      expect(got.wrap).toBe('<div id="t" class="new">x</div>');
    });

    test("htmx 4 partials take swap modifiers", async () => {
      const page = await ready(c);
      const got = await run(page, () =>
        plan()
          .partial("#list", "<li>B</li>", { swap: { style: "beforeend", show: "none" } })
          .toResponse(MAIN),
      );
      expect(got.list).toBe("<li>one</li><li>B</li>");
    });
  }

  test("the traps of hand-written markup, next to hxplan's", async () => {
    const page = await ready(c);
    const raw = (body: string) => () => ({ body });
    // A <div> wrapper: the HTML parser drops the <tr> and leaves its text.
    let got = await run(
      page,
      raw(`${MAIN}<div hx-swap-oob="beforeend:#rows"><tr id="r3"><td>3</td></tr></div>`),
    );
    expect(got.rowTags).not.toEqual(["TR", "TR", "TR"]);
    // An outerHTML wrapper replaces the target with itself.
    got = await run(page, raw(`${MAIN}<div hx-swap-oob="outerHTML:#t">${CONTENT}</div>`));
    expect(got.wrap).toBe(`<div>${CONTENT}</div>`);
    // Only out-of-band content and no HX-Reswap: htmx 2 empties the main target.
    got = await run(page, raw(`<div hx-swap-oob="innerHTML:#list"><li>A</li></div>`));
    expect(got.main).toBe(c.version === 2 ? "" : "main-old");
    // A template-wrapped element runs after a top-level one on htmx 2: out of call order.
    got = await run(
      page,
      raw(
        `${MAIN}<template><div hx-swap-oob="innerHTML:#list"><li>A</li></div></template><div hx-swap-oob="beforeend:#list"><li>B</li></div>`,
      ),
    );
    if (c.version === 2) expect(got.list).toBe("<li>A</li>");
  });
});

test("escaped attribute values and text read back exactly through Chromium's HTML parser", async () => {
  const page = await ready(CLIENTS[2]!);
  // NUL is the one character HTML cannot carry (the parser makes it U+FFFD or drops it).
  const samples = fc.sample(fc.string({ unit: "binary", maxLength: 30 }), { numRuns: 300, seed: 12 });
  samples.push("a&b \"q\" 'p' <x> &amp; \r\n\r", "&#0;", "]]>", "</div><script>x</script>");
  const texts = samples.map((text) => text.replaceAll("\u0000", ""));
  const markup = texts.map((text) => `<div title="${escapeHtml(text)}">${escapeHtml(text)}</div>`);
  const read = await page.evaluate((list) => {
    const doc = new DOMParser().parseFromString(`<body>${list.join("")}</body>`, "text/html");
    return [...doc.body.children].map((div) => [div.getAttribute("title"), div.textContent]);
  }, markup);
  expect(read).toEqual(texts.map((text) => [text, text]));
});
