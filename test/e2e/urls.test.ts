// Why hxplan refuses URLs that start with two slashes or backslashes (test/encode.test.ts): Chromium
// resolves each of them, relative to the page, to another origin, while the paths hxplan keeps
// stay on the page's origin.

import { hx } from "hxplan";
import { describe, expect, test } from "vitest";
import { useBrowser } from "./support.js";

const session = useBrowser();

const REFUSED = [
  "//evil.com",
  "\\\\evil.com",
  "/\\evil.com",
  "\\/evil.com",
  "///evil.com",
  " //evil.com",
  "\t//evil.com",
  "/\t/evil.com",
  "/\n/evil.com",
  "\u0001//evil.com",
];
const KEPT = [
  "/",
  "/a//b",
  "/a\\\\b",
  "/.//evil.com",
  "a//b",
  "?next=//evil.com",
  "#//evil.com",
  "/%2F/evil.com",
];

describe("Chromium resolves the refused shapes to another origin", () => {
  test("refused shapes leave the origin, kept ones stay", async () => {
    const page = await session.page();
    await page.goto("about:blank");
    const origins = await page.evaluate(
      (list) => list.map((u) => new URL(u, "https://app.example/x/y").origin),
      [...REFUSED, ...KEPT],
    );
    expect(origins).toEqual([
      ...REFUSED.map(() => "https://evil.com"),
      ...KEPT.map(() => "https://app.example"),
    ]);
    for (const url of REFUSED)
      expect(() => hx().pushUrl(url)).toThrow(expect.objectContaining({ code: "unsafe_url" }));
    for (const url of KEPT) expect(() => hx().pushUrl(url)).not.toThrow();
  });
});
