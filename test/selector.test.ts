// Selector escaping and validation (API.md section 5, "Selectors"). The Chromium side of the
// same rules is test/e2e/selectors.test.ts; here: positions in messages, htmx's extended forms,
// and a property over generated selectors that escaping never changes a token.

import { fc, test } from "@fast-check/vitest";
import { HxError, hx } from "hxplan";
import { describe, expect, it } from "vitest";
import { cssEscapeNonAscii, cssProblem } from "../src/selector.js";
import { errorOf, expectHxError } from "./support/errors.js";
import { h, isPrintableAscii } from "./support/headers.js";

describe("invalid selectors are invalid_selector, naming the position", () => {
  it.each([
    ["#row 7", 5, '"7"'],
    ["div[", 3, '"["'],
    ["##x", 0, '"#"'],
    ["#7", 0, '"#"'],
    ["a >> b", 3, '">"'],
    ["li:foo", 2, '":"'],
    [".a, , .b", 4, '","'],
    [":not(::before)", 0, '":"'],
    ["li:nth-child(2n+1of .x)", 2, '":"'],
  ])("%j → index %i", (input, index, shown) => {
    for (const run of [() => hx().reselect(input), () => hx().retarget(input)]) {
      const error = errorOf(run);
      expect(error.code).toBe("invalid_selector");
      expect(error.message).toContain(`at ${shown}`);
      if (!shown.startsWith("the end")) expect(error.message).toContain(`at index ${index}`);
    }
    expect(cssProblem(input)?.[0]).toBe(index);
  });

  it("in every selector input, with that input's code", () => {
    const bad = "#row 7";
    expect(errorOf(() => hx().trigger("e", {}, { target: bad })).code).toBe("invalid_selector");
    expect(errorOf(() => hx().trigger("e", { target: bad })).code).toBe("invalid_selector");
    expect(errorOf(() => hx().location("/p", { target: bad })).code).toBe("invalid_selector");
    expect(errorOf(() => hx().location("/p", { select: bad })).code).toBe("invalid_selector");
    expect(errorOf(() => hx().location("/p", { source: bad })).code).toBe("invalid_selector");
    expect(errorOf(() => hx().reswap("innerHTML", { scroll: "top", scrollTarget: "div[" })).code).toBe(
      "invalid_swap",
    );
    expect(errorOf(() => hx().reswap("innerHTML show:##x:top")).code).toBe("invalid_swap");
    expect(errorOf(() => hx({ htmx: 4 }).reswap("innerHTML", { target: "#7" })).code).toBe("invalid_swap");
  });

  it("pseudo-elements are refused: they never match in querySelectorAll", () => {
    for (const s of ["li::before", "li:after", "::part(a)"]) {
      expect(errorOf(() => hx().reselect(s)).code).toBe("invalid_selector");
    }
  });
});
describe("valid selectors pass unchanged when ASCII", () => {
  it.each([
    "#main .item > li:first-child",
    "ul.list li:nth-child(2n+1 of .item)",
    '[data-x="a b"], [data-x=ab i]',
    "div:has(> .x):not(.y, .z)",
    ":is(##x, .ok)",
    "*|li + li ~ li",
    "& .x",
    ".\\31 23",
    "li\\.x",
    ".a\\",
    "[data-x",
    ":where(.x",
  ])("%j", (s) => {
    expect(hx().reselect(s).toHeaders()["HX-Reselect"]).toBe(s);
    expect(cssProblem(s)).toBeUndefined();
  });
});
describe("retarget: htmx's extended selectors", () => {
  it.each([
    "closest tr",
    "closest tr.row",
    "find .x",
    "findAll .x",
    "next",
    "next .row",
    "previous",
    "previous li:first-child",
    "document",
    "window",
    "body",
    "host",
    "root",
    "global #x",
    "global closest tr",
    "#a, #b",
    "closest tr, #a",
    "#a, next .x, previous",
    ":is(.a, .b), closest tr",
  ])("%j is accepted as written", (s) => {
    expect(hx().retarget(s).toHeaders()["HX-Retarget"]).toBe(s);
  });

  it("escapes non-ASCII in every part", () => {
    expect(hx().retarget("closest .café").toHeaders()["HX-Retarget"]).toBe("closest .caf\\0000e9");
    expect(hx().retarget(".café , #b").toHeaders()["HX-Retarget"]).toBe(".caf\\0000e9  , #b");
  });

  it.each([
    ["closest", 0],
    ["closest tr, this", 12],
    ["#a, global .x", 4],
    ["closest tr[", 10],
    ["next ##x", 5],
    ["#a,, #b", 3],
    [":is(.a, next .b, .c)", 8],
    ['closest tr, [title="a, b"]', 19],
    ['[title="a, next b"]', 7],
    ["closest tr, .a\\,b", 14],
  ])("%j → invalid_selector at %i", (s, index) => {
    const error = errorOf(() => hx().retarget(s));
    expect(error.code).toBe("invalid_selector");
    expect(error.message).toContain(`index ${index}`);
  });

  it("the keyword forms are refused where plain CSS is expected", () => {
    for (const s of ["closest tr", "next", "find .x", "this", "#a, previous"]) {
      expect(errorOf(() => hx().reselect(s)).code).toBe("invalid_selector");
      expect(errorOf(() => hx().trigger("e", {}, { target: s })).code).toBe("invalid_selector");
    }
    expect(errorOf(() => hx().reswap("innerHTML", { show: "top", showTarget: "next" })).code).toBe(
      "invalid_swap",
    );
    expect(hx().reswap("innerHTML", { show: "top", showTarget: "window" }).toHeaders()["HX-Reswap"]).toBe(
      "innerHTML show:window:top",
    );
  });
});
describe("escaping keeps the meaning", () => {
  it.each([
    [".café .x", ".caf\\0000e9  .x"],
    [".café.x", ".caf\\0000e9.x"],
    [".café, .x", ".caf\\0000e9, .x"],
    [".caf\\é", ".caf\\0000e9"],
    [".caf\\é .x", ".caf\\0000e9  .x"],
    [".a\\\\é", ".a\\\\\\0000e9"],
    [".\\31 é", ".\\31 \\0000e9"],
    [".\\31é", ".\\31\\0000e9"],
    ['[title="é x"]', '[title="\\0000e9  x"]'],
    ["#😀 p", "#\\01f600  p"],
  ])("%j → %j", (input, written) => {
    expect(cssEscapeNonAscii(input)).toBe(written);
    expect(meaning(written)).toEqual(meaning(input));
  });

  // The pieces a selector is made of, with non-ASCII text and the caller's escapes.
  const piece = fc.oneof(
    fc.constantFrom(
      ".",
      "#",
      " ",
      " > ",
      "+",
      "~",
      ",",
      ":",
      "[",
      "]",
      "=",
      "(",
      ")",
      "*",
      "-",
      "_",
      "a",
      "Z",
      "9",
    ),
    fc.constantFrom("é", "ü", "😀", "中", "\u00a0", "\u0085", "ß"),
    fc.constantFrom("\\é", "\\31 ", "\\31", "\\\\", "\\e9", "\\0000e9 ", "\\ ", "\\.", '\\"', "\\"),
    fc.constantFrom('"é x"', "'a é'", '"\\é "', '"'),
    fc.string({ unit: "grapheme", maxLength: 3 }),
  );
  const selectorLike = fc
    .array(piece, { maxLength: 14 })
    .map((parts) => parts.join(""))
    .filter((s) => !/[\u0000-\u001f\u007f]/.test(s) && !/[\ud800-\udfff](?![\udc00-\udfff])/.test(s));

  it("escaped output is printable ASCII and tokenizes to the same names, strings and delimiters", () => {
    fc.assert(
      fc.property(selectorLike, (s) => {
        const out = cssEscapeNonAscii(s);
        expect(out).toMatch(/^[\x20-\x7e]*$/);
        expect(meaning(out)).toEqual(meaning(s));
      }),
      { numRuns: 3000 },
    );
  });

  it("what hxplan accepts, it writes with the same meaning", () => {
    fc.assert(
      fc.property(selectorLike, (s) => {
        let written: string | undefined;
        try {
          written = hx().reselect(s).toHeaders()["HX-Reselect"];
        } catch (error) {
          expect(error).toBeInstanceOf(HxError);
          return;
        }
        expect(meaning(written!)).toEqual(meaning(s));
      }),
      { numRuns: 3000 },
    );
  });
});
/**
 * A reference reading of a selector by the CSS Syntax tokenizer, written independently of
 * src/selector.ts: runs of name characters with their escapes decoded, strings decoded,
 * whitespace runs, and every other character.
 */
function meaning(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  const isName = (c: string | undefined) => c !== undefined && (/[-\w]/.test(c) || c.charCodeAt(0) >= 0x80);
  const isHex = (c: string | undefined) => c !== undefined && /[0-9a-fA-F]/.test(c);
  const decodeEscape = (): string => {
    i++;
    if (i >= s.length) return "\ufffd";
    if (isHex(s[i])) {
      let hex = "";
      while (hex.length < 6 && isHex(s[i])) hex += s[i++];
      if (/[ \t\n\r\f]/.test(s[i] ?? "x")) i++;
      const cp = Number.parseInt(hex, 16);
      return cp === 0 || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff
        ? "\ufffd"
        : String.fromCodePoint(cp);
    }
    const ch = String.fromCodePoint(s.codePointAt(i)!);
    i += ch.length;
    return ch;
  };
  while (i < s.length) {
    const c = s[i]!;
    if (c === " ") {
      while (s[i] === " ") i++;
      out.push("space");
    } else if (c === '"' || c === "'") {
      let text = "";
      i++;
      while (i < s.length && s[i] !== c) text += s[i] === "\\" ? decodeEscape() : s[i++];
      i++;
      out.push(`string ${text}`);
    } else if (c === "\\" || isName(c)) {
      let name = "";
      while (i < s.length && (s[i] === "\\" || isName(s[i]))) name += s[i] === "\\" ? decodeEscape() : s[i++];
      out.push(`name ${name}`);
    } else {
      out.push(`delim ${c}`);
      i++;
    }
  }
  return out;
}

describe("selectors", () => {
  it("retarget takes extended selectors and CSS-escapes non-ASCII", () => {
    expect(hx().retarget("closest tr").toHeaders()["HX-Retarget"]).toBe("closest tr");
    expect(hx().retarget("#a, #b").toHeaders()["HX-Retarget"]).toBe("#a, #b");
    expect(hx().retarget("this").toHeaders()["HX-Retarget"]).toBe("this");
    expect(hx().retarget("#ü😀").toHeaders()["HX-Retarget"]).toBe("#\\0000fc\\01f600");
  });

  it("refuses empty, none, controls, and version-only forms", () => {
    expect(errorOf(() => hx().retarget("")).code).toBe("invalid_selector");
    expect(errorOf(() => hx().retarget("none")).code).toBe("invalid_selector");
    expect(errorOf(() => hx().retarget("#a\u0000")).code).toBe("invalid_selector");
    expect(errorOf(() => hx({ htmx: 4 }).retarget("this")).code).toBe("unsupported_in_version");
    expect(errorOf(() => hx({ htmx: 4 }).reselect("unset")).code).toBe("unsupported_in_version");
    expect(hx().reselect("unset").toHeaders()["HX-Reselect"]).toBe("unset");
    expect(errorOf(() => hx().reselect("closest div")).code).toBe("invalid_selector");
  });
  it("non-ASCII → 6-digit CSS escapes, one per code point", () => {
    expect(h(hx().retarget("#café"))["HX-Retarget"]).toBe("#caf\\0000e9");
    expect(h(hx().retarget("#😀"))["HX-Retarget"]).toBe("#\\01f600");
    expect(h(hx().reselect(".ü"))["HX-Reselect"]).toBe(".\\0000fc");
  });
  it("retarget accepts htmx extended selectors", () => {
    for (const s of ["closest tr", "find .x", "next", "previous", "next .row", "previous .row", "#a, #b"]) {
      expect(h(hx().retarget(s))["HX-Retarget"]).toBe(s);
      expect(h(hx({ htmx: 4 }).retarget(s))["HX-Retarget"]).toBe(s);
    }
    expect(h(hx().retarget("this"))["HX-Retarget"]).toBe("this");
  });
  it("plain-CSS inputs reject keyword forms", () => {
    for (const s of ["closest tr", "find .x", "next", "previous", "this"]) {
      expectHxError(() => hx().reselect(s), { code: "invalid_selector", header: "HX-Reselect" });
      expectHxError(() => hx().trigger("a", {}, { target: s }), { code: "invalid_selector" });
      expectHxError(() => hx().location("/p", { target: s }), { code: "invalid_selector" });
    }
  });
  it("swap-modifier selectors with keyword forms → invalid_swap", () => {
    expectHxError(() => hx().reswap("innerHTML", { show: "top", showTarget: "closest tr" }), {
      code: "invalid_swap",
    });
  });
  it('retarget("none") → invalid_selector', () => {
    expectHxError(() => hx().retarget("none"), { code: "invalid_selector", header: "HX-Retarget" });
    expectHxError(() => hx({ htmx: 4 }).retarget("none"), { code: "invalid_selector" });
  });
  it('htmx 4: retarget("this") → unsupported_in_version', () => {
    expectHxError(() => hx({ htmx: 4 }).retarget("this"), {
      code: "unsupported_in_version",
      header: "HX-Retarget",
    });
  });
  it('htmx 4: reselect("unset") → unsupported_in_version; htmx 2 ok', () => {
    expectHxError(() => hx({ htmx: 4 }).reselect("unset"), {
      code: "unsupported_in_version",
      header: "HX-Reselect",
    });
    expect(h(hx().reselect("unset"))["HX-Reselect"]).toBe("unset");
  });
  it("empty/whitespace selectors → invalid_selector", () => {
    for (const s of ["", " ", "\t"]) {
      expectHxError(() => hx().retarget(s), { code: "invalid_selector" });
      expectHxError(() => hx().reselect(s), { code: "invalid_selector" });
    }
  });
  it("control chars in selectors → invalid_selector with index", () => {
    expectHxError(() => hx().retarget("#a\u0007b"), {
      code: "invalid_selector",
      msg: ["retarget", "HX-Retarget", "2"],
    });
  });
});

describe("more selector rules", () => {
  it("C1 controls in selectors are CSS-escaped, not errors", () => {
    expect(h(hx().retarget("#a\u0085b"))["HX-Retarget"]).toBe("#a\\000085b");
  });
  it("astral code point is one 6-digit escape", () => {
    expect(h(hx().reselect("#x😀y"))["HX-Reselect"]).toBe("#x\\01f600y");
  });
});

describe("properties", () => {
  test.prop([fc.string({ unit: "binary", maxLength: 20 })], { numRuns: 500 })(
    "any selector input: either an HxError or a printable-ASCII header",
    (s) => {
      try {
        const v = hx().retarget(`#a${s}`).toHeaders()["HX-Retarget"]!;
        expect(isPrintableAscii(v)).toBe(true);
      } catch (e) {
        expect((e as { name?: string }).name).toBe("HxError");
      }
    },
  );
});
