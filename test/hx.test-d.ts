// Hx<V>: a plan knows its htmx version in its type, and the compiler refuses exactly what the
// other version only has (API.md section 1, "Types"). Every refusal here also fails at run time;
// the run-time tests carry the same calls under @ts-expect-error.
import { type Hx, type HxOptions, hx, type SwapModifiers } from "hxplan";
import { describe, expectTypeOf, it } from "vitest";

declare const anySpec: string;
declare const modifiers: SwapModifiers;
declare const version: 2 | 4;
declare const options: HxOptions;

describe("Hx<V>: the version in the type", () => {
  it("hx() is an Hx<2>, hx({ htmx: 4 }) an Hx<4>, an unknown version an Hx<2 | 4>", () => {
    expectTypeOf(hx()).toEqualTypeOf<Hx<2>>();
    expectTypeOf(hx(undefined)).toEqualTypeOf<Hx<2>>();
    expectTypeOf(hx({ htmx: 2 })).toEqualTypeOf<Hx<2>>();
    expectTypeOf(hx({ maxHeaderBytes: 100 })).toEqualTypeOf<Hx<2>>();
    expectTypeOf(hx({ htmx: 4 })).toEqualTypeOf<Hx<4>>();
    expectTypeOf(hx({ htmx: version })).toEqualTypeOf<Hx<2 | 4>>();
    expectTypeOf(hx({ htmx: 4, swapStyles: ["upsert"] })).toEqualTypeOf<Hx<4, "upsert">>();
    expectTypeOf(hx(options).htmx).toEqualTypeOf<2 | 4>();
    expectTypeOf(hx({ htmx: 4 }).trigger("a").pushUrl("/x").htmx).toEqualTypeOf<4>();
    // Hx alone is a plan of either version.
    expectTypeOf<Hx>().toEqualTypeOf<Hx<2 | 4>>();
  });

  it("refuses a swap style of the other version only, and accepts its own", () => {
    hx().reswap("textContent");
    hx().reswap("outerHTML swap:1s focus-scroll:true scroll:#log:bottom");
    hx({ htmx: 4 }).reswap("outerMorph");
    hx({ htmx: 4 }).reswap("append swap:1s scroll:bottom scrollTarget:#log focusScroll:true strip:true");
    hx({ htmx: 4 }).reswap("swapEmpty");
    hx().reswap("swap:1s");
    // @ts-expect-error: append is htmx 4's
    hx().reswap("append");
    // @ts-expect-error: outerMorph is htmx 4's, also in a spec
    hx().reswap("outerMorph swap:1s");
    // @ts-expect-error: focusScroll: is htmx 4's spelling
    hx().reswap("innerHTML focusScroll:true");
    // @ts-expect-error: scrollTarget: is htmx 4's
    hx().reswap("innerHTML scroll:top scrollTarget:#x");
    // @ts-expect-error: strip is htmx 4's
    hx().reswap("innerHTML strip:true");
    // @ts-expect-error: focus-scroll: is htmx 2's spelling
    hx({ htmx: 4 }).reswap("innerHTML focus-scroll:true");
    // @ts-expect-error: scroll:<selector>:top is htmx 2's form
    hx({ htmx: 4 }).reswap("innerHTML scroll:#x:top");
    // @ts-expect-error: a typo is no style of either version
    hx().reswap("outerHtml");
  });

  it("accepts every style on a plan of unknown version, any plain string, and extension styles", () => {
    hx({ htmx: version }).reswap("append");
    hx({ htmx: version }).reswap("innerHTML focus-scroll:true");
    hx().reswap(anySpec);
    hx({ htmx: 4 }).reswap(anySpec);
    hx({ swapStyles: ["upsert"] }).reswap("upsert");
    hx({ htmx: 4, swapStyles: ["upsert"] }).reswap("upsert swap:1s");
    hx(options).reswap("anything-an-extension-adds");
    // @ts-expect-error: upsert was not given in swapStyles
    hx().reswap("upsert");
  });

  it("refuses htmx 4's modifiers as literals on an Hx<2>, not a plain SwapModifiers value", () => {
    hx().reswap("outerHTML", { swap: "1s", scroll: "bottom", scrollTarget: "#log" });
    hx({ htmx: 4 }).reswap("outerHTML", { strip: true, swapEmpty: false, target: "#x" });
    hx().reswap("outerHTML", modifiers);
    // @ts-expect-error: strip is htmx 4's
    hx().reswap("outerHTML", { strip: true });
    // @ts-expect-error: target is htmx 4's
    hx().reswap("innerHTML", { target: "#x" });
    // @ts-expect-error: append is htmx 4's, with modifiers too
    hx().reswap("append", { swap: 100 });
  });

  it("stopPolling() only where htmx 2 is possible, ptag() only where htmx 4 is", () => {
    expectTypeOf(hx().stopPolling()).toEqualTypeOf<Hx<2>>();
    hx({ htmx: version }).stopPolling();
    expectTypeOf(hx({ htmx: 4 }).ptag("news-1")).toEqualTypeOf<Hx<4>>();
    hx({ htmx: version }).ptag("news-1");
    // @ts-expect-error: htmx 4 has no stop-polling status
    hx({ htmx: 4 }).stopPolling();
    // @ts-expect-error: hx-ptag is an htmx 4 extension
    hx().ptag("news-1");
  });

  it("checks the swap of partials and locations the same way", () => {
    hx({ htmx: 4 }).partial("#a", "<b>x</b>", { swap: "append" });
    hx().partial("#a", "<b>x</b>", { swap: "beforeend" });
    hx().location("/x", { swap: "outerHTML" });
    hx({ htmx: 4 }).location("/x", { swap: "outerMorph", target: "#main" });
    // @ts-expect-error: append is htmx 4's
    hx().partial("#a", "<b>x</b>", { swap: "append" });
    // @ts-expect-error: innerMorph is htmx 4's
    hx().location("/x", { swap: "innerMorph" });
  });

  it("merges plans whatever their types say (the versions are compared at run time)", () => {
    expectTypeOf(hx().merge(hx())).toEqualTypeOf<Hx<2>>();
    hx().merge(hx({ htmx: version }));
  });
});
