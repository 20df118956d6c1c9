// HxError itself: its stack starts at the caller's frame (issue 13: the caller's line used to be
// the fifth, under fail/validator/setter frames).
import { fileURLToPath } from "node:url";
import { hx, isHxError } from "hxplan";
import { describe, expect, it } from "vitest";

const THIS_FILE = fileURLToPath(import.meta.url);
const SRC = fileURLToPath(new URL("../src/", import.meta.url));

function firstFrame(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(isHxError(error)).toBe(true);
    const frames = String((error as Error).stack)
      .split("\n")
      .filter((line) => line.startsWith("    at "));
    expect(frames.length).toBeGreaterThan(0);
    return frames[0]!;
  }
  throw new Error("expected an HxError");
}

describe("HxError stack traces", () => {
  const calls: Record<string, () => unknown> = {
    "pushUrl()": () => hx().pushUrl("javascript:alert(1)"),
    "trigger()": () => hx().trigger(" padded "),
    "retarget()": () => hx().retarget(""),
    // @ts-expect-error: the compiler refuses this too (Hx<V> types); checked here at run time
    "reswap()": () => hx().reswap("sideways"),
    "location()": () => hx().location("/x", { handler: "f" } as never),
    "status()": () => hx().status(99),
    "merge()": () => hx().merge(hx({ htmx: 4 })),
    "hx()": () => hx({ htmx: 3 as never }),
    "applyTo()": () => hx().trigger("a").applyTo({ "HX-Trigger": "{bad" }),
  };
  for (const [method, call] of Object.entries(calls)) {
    it(`starts at the caller's line for ${method}`, () => {
      const frame = firstFrame(call);
      expect(frame).toContain(THIS_FILE);
      expect(frame).not.toContain(SRC);
    });
  }

  it("keeps the message and the code on the first line", () => {
    try {
      hx().retarget("");
    } catch (error) {
      expect(String((error as Error).stack).split("\n")[0]).toBe(`HxError: ${(error as Error).message}`);
    }
    expect.assertions(1);
  });
});
