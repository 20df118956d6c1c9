// The public types of partials.
import { type Hx, hx, type PartialOptions } from "hxplan";
import { describe, expectTypeOf, it } from "vitest";

describe("partial() and render() types", () => {
  it("returns a plan and a string", () => {
    expectTypeOf(hx().partial("#a", "<b>x</b>")).toEqualTypeOf<Hx<2>>();
    expectTypeOf(hx().partial("#a", "x", { swap: "outerHTML" }).render()).toEqualTypeOf<string>();
    expectTypeOf(hx().render("<p>m</p>")).toEqualTypeOf<string>();
    expectTypeOf(hx({ htmx: 4 }).partial("#a", "x", { swap: { style: "append", swap: "1s" } })).toEqualTypeOf<
      Hx<4>
    >();
  });

  it("types the options and the toJSON listing", () => {
    expectTypeOf<PartialOptions["swap"]>().toExtend<string | object | undefined>();
    expectTypeOf(hx().toJSON().partials).toEqualTypeOf<
      Array<{ target: string; swap: string; html: string }> | undefined
    >();
    // @ts-expect-error html must be a string
    hx().partial("#a", 1);
    // @ts-expect-error only `swap`
    hx().partial("#a", "x", { target: "#b" });
  });
});
