// The open-redirect rule (API.md section 5, "URLs"): a string that starts with two or more
// slashes or backslashes in any mix, also after what browsers strip, is unsafe_url in every URL
// input, whatever else is wrong with it. test/e2e/urls.test.ts shows Chromium reading each
// shape as another origin.

import fc from "fast-check";
import { type Hx, HxError, hx } from "hxplan";
import { describe, expect, it } from "vitest";

const INPUTS: ReadonlyArray<[string, (url: string | URL) => Hx]> = [
  ["pushUrl", (u) => hx().pushUrl(u)],
  ["replaceUrl", (u) => hx().replaceUrl(u)],
  ["redirect", (u) => hx().redirect(u)],
  ["location path", (u) => hx().location(u)],
  ["location push", (u) => hx().location("/p", { push: u })],
  ["location replace", (u) => hx().location("/p", { replace: u })],
  ["location path (htmx 4)", (u) => hx({ htmx: 4 }).location(u)],
];

function code(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof HxError) return error.code;
    throw error;
  }
}

const OTHER_ORIGIN_SHAPES = [
  "//evil.com",
  "\\\\evil.com",
  "/\\evil.com",
  "\\/evil.com",
  "///evil.com",
  "////evil.com/x",
  "/\\/evil.com",
  " //evil.com",
  "\t//evil.com",
  "\u0000//evil.com",
  "\u001f\\\\evil.com",
  "/\t/evil.com",
  "/\n/evil.com",
  "\r\n//evil.com",
  "//evil.com/a b",
  "//évil.com",
  "//",
  "\\\\",
];

describe("URLs that browsers read as another origin are unsafe_url", () => {
  it.each(OTHER_ORIGIN_SHAPES)("%j in every URL input", (shape) => {
    for (const [name, run] of INPUTS)
      expect(
        code(() => run(shape)),
        name,
      ).toBe("unsafe_url");
  });

  it("names the URL and says why", () => {
    try {
      hx().redirect("/\\evil.com");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HxError);
      expect((error as HxError).header).toBe("HX-Redirect");
      expect((error as HxError).message).toContain('"/\\\\evil.com"');
      expect((error as HxError).message).toContain("another origin");
    }
  });

  it("any mix of two or more slashes and backslashes, after any C0 controls and spaces, with tabs and newlines anywhere", () => {
    const slash = fc.constantFrom("/", "\\");
    const junk = fc.constantFrom("\t", "\n", "\r", "");
    const shape = fc
      .tuple(
        fc.string({ unit: fc.constantFrom(" ", "\u0000", "\u0001", "\u001f", "\t"), maxLength: 3 }),
        fc.array(fc.tuple(slash, junk), { minLength: 2, maxLength: 5 }),
        fc.string({ maxLength: 12 }),
      )
      .map(([lead, slashes, rest]) => lead + slashes.map(([s, j]) => s + j).join("") + rest);
    fc.assert(
      fc.property(shape, fc.constantFrom(...INPUTS), (url, [, run]) => {
        expect(code(() => run(url))).toBe("unsafe_url");
      }),
      { numRuns: 2000 },
    );
  });

  it("a path with one slash, or with doubled slashes later, is a path", () => {
    for (const [name, run] of INPUTS) {
      for (const url of ["/", "/a//b", "/a\\\\b", "/.//evil.com", "a//b", "?next=//evil.com", "#//x"]) {
        expect(
          code(() => run(url)),
          `${name} ${url}`,
        ).toBeUndefined();
      }
    }
    expect(hx().pushUrl("/a//b").toHeaders()["HX-Push-Url"]).toBe("/a//b");
  });

  it("an absolute URL spells its scheme; a URL object of another origin is fine", () => {
    for (const [name, run] of INPUTS) {
      expect(
        code(() => run("https://other.example/x")),
        name,
      ).toBeUndefined();
      expect(
        code(() => run(new URL("https://other.example/x"))),
        name,
      ).toBeUndefined();
      expect(
        code(() => run(new URL("//other.example/x", "https://app.example/"))),
        name,
      ).toBeUndefined();
    }
    expect(
      hx().redirect(new URL("//other.example/x", "https://app.example/")).toHeaders()["HX-Redirect"],
    ).toBe("https://other.example/x");
  });

  it("a scheme other than http(s) stays unsafe_url whatever else is wrong", () => {
    for (const url of [
      "javascript://x",
      " \tjavascript:alert(1)",
      "java\tscript:x",
      "data:,x ",
      "//x\u0000",
    ]) {
      for (const [name, run] of INPUTS)
        expect(
          code(() => run(url)),
          `${name} ${url}`,
        ).toBe("unsafe_url");
    }
  });

  it("other outer whitespace and control characters stay invalid_url", () => {
    for (const url of [" /a", "/a ", "/a\tb", "/\u0000a"]) {
      for (const [name, run] of INPUTS)
        expect(
          code(() => run(url)),
          `${name} ${url}`,
        ).toBe("invalid_url");
    }
  });
});
