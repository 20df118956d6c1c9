import { hx, isHxError } from "hxplan";
import { describe, expect, it } from "vitest";

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isHxError(error)) return error.code;
    throw error;
  }
  return "no error";
}

const reswap2 = (...args: Parameters<ReturnType<typeof hx>["reswap"]>) =>
  hx()
    .reswap(...(args as [string]))
    .toHeaders()["HX-Reswap"];
const v4 = hx({ htmx: 4 });

describe("typed reswap", () => {
  it("serialises modifiers in interface order, htmx 2 spelling", () => {
    expect(
      hx()
        .reswap("outerHTML", {
          show: "top",
          showTarget: "#top",
          scroll: "bottom",
          scrollTarget: "#log",
          focusScroll: true,
          ignoreTitle: false,
          transition: false,
          settle: "1s",
          swap: 250,
        })
        .toHeaders()["HX-Reswap"],
    ).toBe(
      "outerHTML swap:250ms settle:1000ms transition:false ignoreTitle:false focus-scroll:true scroll:#log:bottom show:#top:top",
    );
  });

  it("serialises with the htmx 4 spelling", () => {
    expect(
      v4
        .reswap("innerMorph", {
          swap: "0.5s",
          focusScroll: true,
          scroll: "bottom",
          scrollTarget: "#log",
          show: "top",
          showTarget: "#top",
          strip: true,
          swapEmpty: false,
          target: "#x",
        })
        .toHeaders()["HX-Reswap"],
    ).toBe(
      "innerMorph swap:500ms focusScroll:true scroll:bottom scrollTarget:#log show:top showTarget:#top strip:true swapEmpty:false target:#x",
    );
  });

  it("writes durations in whole milliseconds", () => {
    expect(hx().reswap("none", { swap: "1.5s", settle: "1m" }).toHeaders()["HX-Reswap"]).toBe(
      "none swap:1500ms settle:60000ms",
    );
    expect(code(() => hx().reswap("none", { swap: -1 }))).toBe("invalid_swap");
    expect(code(() => hx().reswap("none", { swap: 1.5 }))).toBe("invalid_swap");
    expect(code(() => hx().reswap("none", { swap: "0.5ms" }))).toBe("invalid_swap");
    expect(code(() => hx().reswap("none", { swap: "fast" as "1s" }))).toBe("invalid_swap");
  });

  it("checks styles per version", () => {
    // @ts-expect-error: the compiler refuses this too (Hx<V> types); checked here at run time
    expect(code(() => hx().reswap("prepend"))).toBe("unsupported_in_version");
    expect(code(() => hx().reswap("sideways" as "none"))).toBe("invalid_swap");
    expect(v4.reswap("prepend").toHeaders()["HX-Reswap"]).toBe("prepend");
    expect(hx().reswap("textContent").toHeaders()["HX-Reswap"]).toBe("textContent");
    expect(
      hx({ swapStyles: ["upsert"] })
        .reswap("upsert swap:1s")
        .toHeaders()["HX-Reswap"],
    ).toBe("upsert swap:1000ms");
  });

  it("refuses htmx-4-only modifiers under htmx 2", () => {
    // @ts-expect-error: the compiler refuses this too (Hx<V> types); checked here at run time
    expect(code(() => hx().reswap("outerHTML", { strip: true }))).toBe("unsupported_in_version");
    // @ts-expect-error: the compiler refuses this too (Hx<V> types); checked here at run time
    expect(code(() => hx().reswap("outerHTML", { target: "#x" }))).toBe("unsupported_in_version");
  });

  it("refuses bad modifier selectors and a target without its position", () => {
    expect(code(() => hx().reswap("outerHTML", { scrollTarget: "#x" }))).toBe("invalid_swap");
    expect(code(() => hx().reswap("outerHTML", { show: "top", showTarget: "#a #b" }))).toBe("invalid_swap");
    expect(code(() => hx().reswap("outerHTML", { show: "top", showTarget: "#a,#b" }))).toBe("invalid_swap");
    expect(code(() => hx().reswap("outerHTML", { show: "top", showTarget: "" }))).toBe("invalid_swap");
    expect(hx().reswap("outerHTML", { show: "top", showTarget: "#é" }).toHeaders()["HX-Reswap"]).toBe(
      "outerHTML show:#\\0000e9:top",
    );
  });
});

describe("raw reswap", () => {
  it("parses and re-serialises canonically (htmx 2)", () => {
    expect(reswap2("outerHTML   show:window:top swap:1s")).toBe("outerHTML swap:1000ms show:window:top");
    expect(reswap2("swap:1s")).toBe("swap:1000ms");
    expect(reswap2("beforeend focus-scroll:true scroll:#log:bottom")).toBe(
      "beforeend focus-scroll:true scroll:#log:bottom",
    );
    expect(reswap2("innerHTML settle:100")).toBe("innerHTML settle:100ms");
  });

  it("parses htmx 4 HCON (commas, bare keys)", () => {
    expect(v4.reswap("outerHTML swap:1s,swapEmpty scrollTarget:#l scroll:top").toHeaders()["HX-Reswap"]).toBe(
      "outerHTML swap:1000ms scroll:top scrollTarget:#l swapEmpty:true",
    );
  });

  it("tells the other version's spelling from nonsense", () => {
    // @ts-expect-error: the compiler refuses this too (Hx<V> types); checked here at run time
    expect(code(() => hx().reswap("outerHTML focusScroll:true"))).toBe("unsupported_in_version");
    // @ts-expect-error: the compiler refuses this too (Hx<V> types); checked here at run time
    expect(code(() => hx().reswap("outerHTML scrollTarget:#x"))).toBe("unsupported_in_version");
    // @ts-expect-error: the compiler refuses this too (Hx<V> types); checked here at run time
    expect(code(() => v4.reswap("outerHTML focus-scroll:true"))).toBe("unsupported_in_version");
    // @ts-expect-error: the compiler refuses this too (Hx<V> types); checked here at run time
    expect(code(() => v4.reswap("outerHTML scroll:#x:top"))).toBe("unsupported_in_version");
    expect(code(() => hx().reswap("outerHTML wobble:3"))).toBe("invalid_swap");
    expect(code(() => hx().reswap("outerHTML transition:maybe"))).toBe("invalid_swap");
    expect(code(() => hx().reswap("   "))).toBe("invalid_swap");
    expect(code(() => hx().reswap("outerHTML\nswap:1s"))).toBe("invalid_swap");
  });
});
