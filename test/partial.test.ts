// Partials: the markup per version, escaping, validation, and partials in the outputs
// (render, toResponse, toJSON, isEmpty, merge). The browser proof is test/e2e/partials.test.ts.
import fc from "fast-check";
import { HxError, hx, isHxError } from "hxplan";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "../src/partial.js";
import { errorOf } from "./support/errors.js";

/** A fast-check property as a test. */
function prop<Ts extends [unknown, ...unknown[]]>(
  name: string,
  arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
  predicate: (...args: Ts) => void,
): void {
  it(name, () => {
    fc.assert(fc.property(...arbitraries, predicate));
  });
}

const tpl = (tag: string, oob: string, content: string, id = "") =>
  `<template><${tag}${id} hx-swap-oob="${oob}">${content}</${tag}></template>`;
const OUTER_STEPS = (selector: string, tag: string, content: string) =>
  tpl("span", `outerHTML:${selector}`, "", ' id="hxplan-outer"') +
  tpl(tag, "beforebegin:#hxplan-outer", content) +
  tpl("div", "delete:#hxplan-outer", "");

describe("partial() markup for htmx 2: hx-swap-oob in a <template>", () => {
  it("wraps inner styles in a <div>, innerHTML by default", () => {
    expect(hx().partial("#n", "<b>1</b>").render("<p>m</p>")).toBe(
      `<p>m</p>${tpl("div", "innerHTML:#n", "<b>1</b>")}`,
    );
    for (const style of ["beforebegin", "afterbegin", "beforeend", "afterend", "none"]) {
      expect(hx().partial("#n", "x", { swap: style }).render("m")).toBe(`m${tpl("div", `${style}:#n`, "x")}`);
    }
  });

  it("chooses a table wrapper from the first tag, after whitespace and comments", () => {
    const wrap = (html: string) => /<template><([a-z]+)/.exec(hx().partial("#x", html).render("m"))?.[1];
    expect(wrap("<tr><td>1</td></tr>")).toBe("tbody");
    expect(wrap(" \n<!-- row --><TR id=a><td>1</td></TR>")).toBe("tbody");
    expect(wrap("<td>1</td>")).toBe("tr");
    expect(wrap("<th>1</th>")).toBe("tr");
    for (const tag of ["thead", "tbody", "tfoot", "caption", "colgroup"])
      expect(wrap(`<${tag}>`)).toBe("table");
    expect(wrap("<col span=2>")).toBe("colgroup");
    expect(wrap("<li>1</li>")).toBe("div");
    expect(wrap("text <tr>")).toBe("div");
    expect(wrap("<trx>")).toBe("div");
    expect(wrap("<constructor>")).toBe("div");
    expect(wrap("")).toBe("div");
  });

  it("replaces the target through a placeholder for outerHTML", () => {
    expect(hx().partial("#r1", '<tr id="r1"></tr>', { swap: "outerHTML" }).render("m")).toBe(
      `m${OUTER_STEPS("#r1", "tbody", '<tr id="r1"></tr>')}`,
    );
  });

  it("writes textContent as escaped innerHTML and delete without content", () => {
    expect(hx().partial("#t", `<b>"&'</b>\r\n`, { swap: "textContent" }).render("m")).toBe(
      `m${tpl("div", "innerHTML:#t", "&#60;b&#62;&#34;&#38;&#39;&#60;/b&#62;&#13;\n")}`,
    );
    expect(hx().partial("#t", "<p>ignored</p>", { swap: "delete" }).render("m")).toBe(
      `m${tpl("div", "delete:#t", "")}`,
    );
  });

  it("passes extension styles through", () => {
    expect(
      hx({ swapStyles: ["upsert"] })
        .partial("#t", "x", { swap: "upsert" })
        .render("m"),
    ).toBe(`m${tpl("div", "upsert:#t", "x")}`);
  });
});

describe("partial() markup for htmx 4: <hx-partial>", () => {
  const h4 = () => hx({ htmx: 4 });
  it("writes hx-target and hx-swap, with modifiers", () => {
    expect(h4().partial("#n", "<b>1</b>").render("<p>m</p>")).toBe(
      '<p>m</p><hx-partial hx-target="#n" hx-swap="innerHTML"><b>1</b></hx-partial>',
    );
    expect(h4().partial("#rows", "<tr></tr>", { swap: "beforeend swap:1s" }).render()).toBe(
      '<hx-partial hx-target="#rows" hx-swap="beforeend swap:1000ms"><tr></tr></hx-partial>',
    );
    expect(
      h4()
        .partial("#l", "x", { swap: { style: "append", scroll: "bottom", scrollTarget: "#l" } })
        .render(),
    ).toBe('<hx-partial hx-target="#l" hx-swap="append scroll:bottom scrollTarget:#l">x</hx-partial>');
    expect(h4().partial("#t", "<p>x</p>", { swap: "outerMorph" }).render()).toBe(
      '<hx-partial hx-target="#t" hx-swap="outerMorph"><p>x</p></hx-partial>',
    );
  });

  it("writes textContent as escaped innerHTML (keeping modifiers) and delete without content", () => {
    expect(h4().partial("#t", "<i>&", { swap: "textContent swap:5ms" }).render()).toBe(
      '<hx-partial hx-target="#t" hx-swap="innerHTML swap:5ms">&#60;i&#62;&#38;</hx-partial>',
    );
    expect(h4().partial("#t", "gone", { swap: "delete" }).render()).toBe(
      '<hx-partial hx-target="#t" hx-swap="delete"></hx-partial>',
    );
  });
});

describe("attribute values are escaped; html is written as given", () => {
  it("escapes the selector for the attribute and CSS-escapes non-ASCII", () => {
    expect(hx({ htmx: 4 }).partial('#w > [data-k="a&b"]', "<x>").render()).toBe(
      '<hx-partial hx-target="#w &#62; [data-k=&#34;a&#38;b&#34;]" hx-swap="innerHTML"><x></hx-partial>',
    );
    expect(hx().partial("[title='<q>']", "y").render("m")).toBe(
      `m${tpl("div", "innerHTML:[title=&#39;&#60;q&#62;&#39;]", "y")}`,
    );
    expect(hx().partial("#grüße", "y").toJSON().partials?.[0]?.target).toBe("#gr\\0000fc\\0000dfe");
  });

  it("writes html untouched, even markup that looks like partials", () => {
    const html = '<hx-partial hx-target="#x">&amp;<script>1</script>\u0000';
    expect(hx({ htmx: 4 }).partial("#t", html).toJSON().partials?.[0]?.html).toBe(html);
    expect(hx({ htmx: 4 }).partial("#t", html).render()).toContain(`>${html}</hx-partial>`);
  });

  it("escapeHtml leaves no markup character and decodes back", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"'\r]|&(?!#\d+;)/);
        expect(escaped.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))).toBe(
          text,
        );
      }),
    );
  });
});

describe("validation", () => {
  const codeOf = (fn: () => unknown) => errorOf(fn).code;

  it("checks the target as a plain CSS selector", () => {
    expect(codeOf(() => hx().partial("", "x"))).toBe("invalid_selector");
    expect(codeOf(() => hx().partial(" #a", "x"))).toBe("invalid_selector");
    expect(codeOf(() => hx().partial("#a\n", "x"))).toBe("invalid_selector");
    expect(codeOf(() => hx().partial("closest tr", "x"))).toBe("invalid_selector");
    expect(codeOf(() => hx().partial(7 as unknown as string, "x"))).toBe("invalid_selector");
    const error = errorOf(() => hx().partial("#a\u0007b", "x"));
    expect(error.message).toMatch(/^partial\(\): target/);
    expect(error.message).toContain("index 2");
  });

  it("needs html as a string (a String object is one)", () => {
    for (const html of [undefined, null, 1, {}, [], () => "x", Promise.resolve("x")]) {
      const error = errorOf(() => hx().partial("#a", html as unknown as string));
      expect(error.code).toBe("invalid_option");
      expect(error.message).toMatch(/^partial\(\): html must be a string of HTML, got /);
    }
    // hono's html helper returns String objects.
    const boxed = new String("<b>x</b>") as unknown as string;
    expect(hx().partial("#a", boxed).toJSON().partials?.[0]?.html).toBe("<b>x</b>");
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(codeOf(() => hx().partial("#a", proxy as unknown as string))).toBe("invalid_option");
    expect(codeOf(() => hx().partial("#a", "x", proxy))).toBe("invalid_option");
  });

  it("validates swap like reswap, per version", () => {
    // @ts-expect-error: the compiler refuses this too (Hx<V> types); checked here at run time
    expect(codeOf(() => hx().partial("#a", "x", { swap: "sideways" }))).toBe("invalid_swap");
    expect(codeOf(() => hx().partial("#a", "x", { swap: "" }))).toBe("invalid_swap");
    // @ts-expect-error: the compiler refuses this too (Hx<V> types); checked here at run time
    expect(codeOf(() => hx().partial("#a", "x", { swap: "append" }))).toBe("unsupported_in_version");
    // @ts-expect-error: the compiler refuses this too (Hx<V> types); checked here at run time
    expect(codeOf(() => hx({ htmx: 4 }).partial("#a", "x", { swap: "beforeend focus-scroll:true" }))).toBe(
      "unsupported_in_version",
    );
    expect(codeOf(() => hx().partial("#a", "x", { swap: { style: "innerHTML", swap: -1 } }))).toBe(
      "invalid_swap",
    );
    expect(codeOf(() => hx().partial("#a", "x", { swap: 5 as unknown as string }))).toBe("invalid_swap");
    expect(
      hx()
        .partial("#a", "x", { swap: { style: "outerHTML" } })
        .toJSON().partials?.[0]?.swap,
    ).toBe("outerHTML");
  });

  it("refuses modifiers with htmx 2, which would make hx-swap-oob throw", () => {
    for (const swap of ["innerHTML swap:1s", "swap:1s", "beforeend scroll:bottom"] as const) {
      const error = errorOf(() => hx().partial("#a", "x", { swap }));
      expect(error.code).toBe("unsupported_in_version");
      expect(error.message).toContain("htmx 2 partials take a bare style");
    }
    expect(codeOf(() => hx().partial("#a", "x", { swap: { style: "innerHTML", transition: true } }))).toBe(
      "unsupported_in_version",
    );
  });

  it("refuses a target modifier (the target is the first argument)", () => {
    expect(codeOf(() => hx({ htmx: 4 }).partial("#a", "x", { swap: "innerHTML target:#b" }))).toBe(
      "invalid_option",
    );
    expect(codeOf(() => hx({ htmx: 4 }).partial("#a", "x", { swap: { target: "#b" } }))).toBe(
      "invalid_option",
    );
  });

  it("refuses unknown, unreadable or non-object options, reading swap once", () => {
    expect(codeOf(() => hx().partial("#a", "x", { swop: "outerHTML" } as object))).toBe("invalid_option");
    expect(codeOf(() => hx().partial("#a", "x", "outerHTML" as unknown as object))).toBe("invalid_option");
    expect(codeOf(() => hx().partial("#a", "x", null as unknown as object))).toBe("invalid_option");
    const boom = new Error("boom");
    const getter = Object.defineProperty({}, "swap", {
      enumerable: true,
      get() {
        throw boom;
      },
    });
    const error = errorOf(() => hx().partial("#a", "x", getter));
    expect(error.code).toBe("invalid_option");
    expect(error.cause).toBe(boom);
    let reads = 0;
    const flaky = Object.defineProperty({}, "swap", {
      enumerable: true,
      get() {
        reads += 1;
        return reads === 1 ? "outerHTML" : "outerHTML swap:1s";
      },
    });
    expect(hx().partial("#a", "x", flaky).toJSON().partials?.[0]?.swap).toBe("outerHTML");
    expect(reads).toBe(1);
  });

  it("refuses partials with a status whose body htmx never swaps, in either order", () => {
    for (const status of [204, 205, 304, 302]) {
      expect(codeOf(() => hx().partial("#a", "x").status(status))).toBe("invalid_option");
    }
    expect(codeOf(() => hx().status(204).partial("#a", "x"))).toBe("invalid_option");
    expect(codeOf(() => hx().partial("#a", "x").merge(hx().status(204)))).toBe("invalid_option");
    expect(hx().status(422).partial("#a", "x").statusCode).toBe(422);
  });

  prop(
    "throws nothing but HxError, whatever it is given",
    [fc.anything(), fc.anything(), fc.anything(), fc.constantFrom(2, 4)],
    (target, html, options, htmx) => {
      try {
        hx({ htmx: htmx as 2 | 4 }).partial(target as string, html as string, options as object);
      } catch (error) {
        expect(isHxError(error)).toBe(true);
      }
    },
  );
});

describe("render()", () => {
  it("returns the html as given when the plan has no partial", () => {
    expect(hx().render("<p>x</p>")).toBe("<p>x</p>");
    expect(hx().render()).toBe("");
    expect(hx().render("  ")).toBe("  ");
  });

  it("with htmx 2, refuses no main HTML unless the plan reswaps none", () => {
    const plan = hx().partial("#a", "x");
    for (const main of [undefined, "", " \n\t"]) {
      const error = errorOf(() => plan.render(main));
      expect(error.code).toBe("invalid_option");
      expect(error.message).toContain('.reswap("none")');
      expect(error.message).toMatch(/^render\(\)/);
    }
    expect(codeOf(() => plan.reswap("innerHTML").render())).toBe("invalid_option");
    expect(plan.reswap("none").render()).toBe(tpl("div", "innerHTML:#a", "x"));
    expect(hx({ htmx: 4 }).partial("#a", "x").render()).toBe(
      '<hx-partial hx-target="#a" hx-swap="innerHTML">x</hx-partial>',
    );
  });

  it("with htmx 2, refuses a textContent reswap, which would show the partials as text", () => {
    expect(codeOf(() => hx().partial("#a", "x").reswap("textContent").render("m"))).toBe("invalid_option");
    expect(hx({ htmx: 4 }).partial("#a", "x").reswap("textContent").render("m")).toContain("<hx-partial");
  });

  it("needs a string", () => {
    expect(
      codeOf(() =>
        hx()
          .partial("#a", "x")
          .render(1 as unknown as string),
      ),
    ).toBe("invalid_option");
    expect(codeOf(() => hx().render(null as unknown as string))).toBe("invalid_option");
  });

  const codeOf = (fn: () => unknown) => errorOf(fn).code;
});

describe("partials in the outputs", () => {
  it("toResponse renders them into a string body", async () => {
    const response = hx().partial("#a", "x").trigger("t").toResponse("<p>m</p>", { status: 201 });
    expect(await response.text()).toBe(`<p>m</p>${tpl("div", "innerHTML:#a", "x")}`);
    expect(response.status).toBe(201);
    expect(response.headers.get("HX-Trigger")).toBe('{"t":{}}');
    expect(response.headers.get("HX-Reswap")).toBeNull();
  });

  it("toResponse with no or empty body writes HX-Reswap: none under htmx 2, unless the plan reswaps", async () => {
    for (const body of [undefined, null, "", "  "]) {
      const response = hx().partial("#a", "x").toResponse(body);
      expect(response.headers.get("HX-Reswap")).toBe("none");
      expect((await response.text()).trim()).toBe(tpl("div", "innerHTML:#a", "x"));
    }
    expect(hx().partial("#a", "x").reswap("outerHTML").toResponse().headers.get("HX-Reswap")).toBe(
      "outerHTML",
    );
    expect(hx({ htmx: 4 }).partial("#a", "x").toResponse().headers.get("HX-Reswap")).toBeNull();
    // The plan itself is unchanged.
    expect(hx().partial("#a", "x").toHeaders()).toEqual({});
  });

  it("toResponse refuses a body that is not a string", () => {
    for (const body of [
      new Uint8Array(1),
      new Blob(["x"]),
      new URLSearchParams("a=1"),
      new ReadableStream(),
    ]) {
      const error = errorOf(() => hx().partial("#a", "x").toResponse(body));
      expect(error.code).toBe("invalid_option");
      expect(error.message).toMatch(/^toResponse\(\): body must be a string of HTML/);
    }
    // Without partials any body is fine.
    expect(hx().toResponse(new Uint8Array(1)).status).toBe(200);
  });

  it("toHeaders, toResponseInit and applyTo write only headers", () => {
    const plan = hx().partial("#a", "x");
    expect(plan.toHeaders()).toEqual({});
    expect([...new Headers(plan.toResponseInit().headers)]).toEqual([]);
    expect(plan.applyTo({})).toEqual({});
  });

  it("a plan with partials is not empty and lists them in toJSON", () => {
    expect(hx().partial("#a", "x").isEmpty).toBe(false);
    expect(hx().toJSON()).not.toHaveProperty("partials");
    expect(hx({ htmx: 4 }).partial("#a", "<b>", { swap: "textContent" }).status(200).toJSON()).toEqual({
      htmx: 4,
      status: 200,
      headers: {},
      partials: [{ target: "#a", swap: "textContent", html: "<b>" }],
    });
    const json = hx().partial("#a", "x").toJSON();
    json.partials?.pop();
    expect(hx().partial("#a", "x").toJSON().partials).toHaveLength(1);
  });

  it("merge appends the other plan's partials; plans stay immutable", () => {
    const base = hx().partial("#a", "1");
    const a = base.partial("#b", "2");
    const b = hx().partial("#c", "3").partial("#d", "4");
    expect(base.toJSON().partials?.map((p) => p.target)).toEqual(["#a"]);
    expect(
      a
        .merge(b)
        .toJSON()
        .partials?.map((p) => p.target),
    ).toEqual(["#a", "#b", "#c", "#d"]);
    expect(
      b
        .merge(a)
        .toJSON()
        .partials?.map((p) => p.target),
    ).toEqual(["#c", "#d", "#a", "#b"]);
    expect(a.merge(hx()).toJSON()).toEqual(a.toJSON());
    expect(errorOf(() => a.merge(hx({ htmx: 4 }).partial("#x", "y"))).code).toBe("version_mismatch");
  });

  it("partials count towards nothing in maxHeaderBytes", () => {
    const plan = hx({ maxHeaderBytes: 40 }).partial("#a", "x".repeat(100_000));
    expect(plan.render("m")).toHaveLength(100_000 + 1 + tpl("div", "innerHTML:#a", "").length);
    expect(errorOf(() => plan.trigger("y".repeat(50))).code).toBe("header_too_large");
  });

  prop(
    "render keeps call order, across merges, on both versions",
    [
      fc.array(
        fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), fc.constantFrom("innerHTML", "outerHTML", "delete")),
        {
          maxLength: 8,
        },
      ),
      fc.nat(8),
      fc.constantFrom(2, 4),
    ],
    (calls, cut, htmx) => {
      const build = (list: typeof calls) =>
        list.reduce(
          (plan, [id, swap]) => plan.partial(`#${id}`, `<p>${id}</p>`, { swap }),
          hx({ htmx: htmx as 2 | 4 }),
        );
      const whole = build(calls);
      const merged = build(calls.slice(0, cut)).merge(build(calls.slice(cut)));
      expect(merged.render("m")).toBe(whole.render("m"));
      const body = whole.render("m");
      const targets =
        htmx === 4
          ? [...body.matchAll(/hx-target="#([a-z]+)"/g)].map((m) => m[1])
          : [
              ...body.matchAll(/hx-swap-oob="(?!beforebegin:#hxplan-|delete:#hxplan-)[a-zA-Z]+:#([a-z]+)"/g),
            ].map((m) => m[1]);
      expect(targets).toEqual(calls.map(([id]) => id));
    },
  );

  it("is an HxError with the method in the message", () => {
    const error = errorOf(() => hx().partial("#a", "x").render());
    expect(error).toBeInstanceOf(HxError);
    expect(error.header).toBeUndefined();
  });
});
