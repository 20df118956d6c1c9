// Type tests for the public signatures and option types (src/types.ts; vitest typecheck).

import type { ServerResponse } from "node:http";
import {
  type Duration,
  type HeaderTarget,
  HTMX_STOP_POLLING,
  Hx,
  type HxError,
  type HxErrorCode,
  type HxOptions,
  type HxRequest,
  hx,
  hxRequest,
  isHxError,
  type LocationOptions,
  type SwapModifiers,
  type SwapStyle,
  type TriggerOptions,
} from "hxplan";
import { describe, expectTypeOf, it } from "vitest";

// Type tests for the public signatures (vitest typecheck).
describe("public types", () => {
  it("hx() returns an Hx and every method returns an Hx", () => {
    expectTypeOf(hx()).toEqualTypeOf<Hx<2>>();
    expectTypeOf(hx().trigger("a").pushUrl("/x").reswap("outerHTML")).toEqualTypeOf<Hx<2>>();
    expectTypeOf(new Hx({ htmx: 4 })).toEqualTypeOf<Hx>();
    const options: HxOptions = { htmx: 4, maxHeaderBytes: Number.POSITIVE_INFINITY };
    expectTypeOf(hx(options).htmx).toEqualTypeOf<2 | 4>();
    // @ts-expect-error htmx 3 does not exist
    hx({ htmx: 3 });
  });

  it("pushUrl and replaceUrl take a URL or false, never true", () => {
    hx().pushUrl("/x");
    hx().pushUrl(new URL("https://example.com"));
    hx().pushUrl(false);
    // @ts-expect-error true is not a URL
    hx().pushUrl(true);
    // @ts-expect-error true is not a URL
    hx().replaceUrl(true);
    // @ts-expect-error location options push is a URL or false
    hx().location("/x", { push: true });
  });

  it("trigger options: after is a literal union", () => {
    expectTypeOf<NonNullable<TriggerOptions["after"]>>().toEqualTypeOf<"receive" | "swap" | "settle">();
    // @ts-expect-error unknown timing
    hx().trigger("a", {}, { after: "later" });
    // @ts-expect-error unknown option
    hx().trigger("a", {}, { when: "swap" });
  });

  it("swap styles and modifiers are literal unions", () => {
    expectTypeOf<"outerHTML">().toMatchTypeOf<SwapStyle>();
    expectTypeOf<"prepend">().toMatchTypeOf<SwapStyle>();
    expectTypeOf<"sideways">().not.toMatchTypeOf<SwapStyle>();
    expectTypeOf<NonNullable<SwapModifiers["scroll"]>>().toEqualTypeOf<"top" | "bottom">();
    expectTypeOf<NonNullable<SwapModifiers["show"]>>().toEqualTypeOf<"top" | "bottom" | "none">();
    expectTypeOf<"1s">().toMatchTypeOf<Duration>();
    expectTypeOf<"1 second">().not.toMatchTypeOf<Duration>();
    hx().reswap("outerHTML", { swap: "1s", scroll: "top" });
    // extension styles (hx({ swapStyles })) take typed modifiers too; checked at run time
    hx({ swapStyles: ["upsert"] }).reswap("upsert", { swap: 1 });
    // @ts-expect-error bad position
    hx().reswap("outerHTML", { scroll: "middle" });
    // @ts-expect-error bad duration unit
    hx().reswap("outerHTML", { swap: "1h" });
    hx().reswap("outerHTML swap:1s");
  });

  it("refresh takes no argument; status takes a number", () => {
    hx().refresh();
    // @ts-expect-error no argument
    hx().refresh(false);
    // @ts-expect-error a number
    hx().status("200");
  });

  it("location options are checked", () => {
    const options: LocationOptions = {
      target: "#x",
      swap: { style: "innerHTML", swap: 100 },
      values: { a: 1 },
    };
    hx().location("/x", options);
    // undefined is accepted as "not given", also under exactOptionalPropertyTypes
    hx().location("/x", { target: undefined as string | undefined });
    // @ts-expect-error handler is not an option
    hx().location("/x", { handler: "f" });
  });

  it("outputs", () => {
    const plan = hx().trigger("a");
    expectTypeOf(plan.toHeaders()).toEqualTypeOf<Readonly<Record<string, string>>>();
    expectTypeOf(plan.statusCode).toEqualTypeOf<number | undefined>();
    expectTypeOf(plan.isEmpty).toEqualTypeOf<boolean>();
    expectTypeOf(plan.toResponse()).toEqualTypeOf<Response>();
    expectTypeOf(plan.toJSON().htmx).toEqualTypeOf<2 | 4>();
    expectTypeOf(plan.applyTo(new Headers())).toEqualTypeOf<Headers>();
    expectTypeOf(plan.applyTo({} as ServerResponse)).toEqualTypeOf<ServerResponse>();
    expectTypeOf(plan.applyTo({ "HX-Trigger": "a" })).toEqualTypeOf<{ "HX-Trigger": string }>();
    expectTypeOf<ServerResponse>().toMatchTypeOf<HeaderTarget>();
    expectTypeOf<Response>().toMatchTypeOf<HeaderTarget>();
    // @ts-expect-error a string is not a target
    plan.applyTo("HX-Trigger");
  });

  it("error codes are a literal union", () => {
    expectTypeOf<"invalid_url">().toMatchTypeOf<HxErrorCode>();
    expectTypeOf<"nope">().not.toMatchTypeOf<HxErrorCode>();
  });
  it("builder types", () => {
    expectTypeOf(hx()).toEqualTypeOf<Hx<2>>();
    expectTypeOf(
      hx({ htmx: 4, maxHeaderBytes: Number.POSITIVE_INFINITY, swapStyles: ["upsert"] }),
    ).toEqualTypeOf<Hx<4, "upsert">>();
    expectTypeOf(HTMX_STOP_POLLING).toMatchTypeOf<number>();
    expectTypeOf<HxOptions["htmx"]>().toEqualTypeOf<2 | 4 | undefined>();
    const o: TriggerOptions = { after: "settle", target: "#x", encoder: (_k, v) => v };
    const l: LocationOptions = {
      source: "#s",
      event: "click",
      target: "#t",
      swap: { style: "outerHTML", swap: "1s" },
      select: "#a",
      selectOOB: "#b",
      values: { a: 1 },
      headers: { "X-A": "1" },
      replace: "/r",
    };
    const l2: LocationOptions = { swap: "innerHTML swap:1s", push: false };
    const m: SwapModifiers = {
      swap: 250,
      settle: "1s",
      scroll: "top",
      scrollTarget: "#x",
      show: "none",
      strip: true,
    };
    const d: Duration[] = [1, "1ms", "1s", "1m"];
    const s: SwapStyle = "innerHTML";
    void [o, l, l2, m, d, s];
    const p = hx()
      .trigger("a")
      .trigger("b", { x: 1 })
      .trigger("c", 1, o)
      .pushUrl("/x")
      .pushUrl(false)
      .replaceUrl(new URL("https://x.y/"))
      .replaceUrl(false)
      .redirect("/r")
      .refresh()
      .location("/l", l)
      .reswap("outerHTML", m)
      .reswap("outerHTML swap:1s")
      .retarget("#t")
      .reselect("#s")
      .stopPolling()
      .status(200)
      .vary("Accept", "Cookie")
      .vary()
      .merge(hx());
    expectTypeOf(p).toEqualTypeOf<Hx<2>>();
    expectTypeOf(p.toHeaders()).toEqualTypeOf<Readonly<Record<string, string>>>();
    expectTypeOf(p.statusCode).toEqualTypeOf<number | undefined>();
    expectTypeOf(p.isEmpty).toEqualTypeOf<boolean>();
    expectTypeOf(p.toResponseInit()).toMatchTypeOf<ResponseInit>();
    expectTypeOf(p.toResponse("x", { status: 200 })).toEqualTypeOf<Response>();
    expectTypeOf(p.toJSON().htmx).toEqualTypeOf<2 | 4>();
    expectTypeOf(p.toJSON().headers).toMatchTypeOf<Record<string, string>>();
  });
  it("extension styles compile with swapStyles", () => {
    hx({ swapStyles: ["upsert"] }).reswap("upsert");
    hx({ htmx: 4, swapStyles: ["upsert"] }).reswap("upsert", { swap: 10 });
  });
  it("applyTo returns its target type", () => {
    const h = new Headers();
    expectTypeOf(hx().applyTo(h)).toEqualTypeOf<Headers>();
    const r = new Response();
    expectTypeOf(hx().applyTo(r)).toEqualTypeOf<Response>();
    const rec: Record<string, string> = {};
    expectTypeOf(hx().applyTo(rec)).toEqualTypeOf<Record<string, string>>();
    const rec2: Record<string, string | string[]> = {};
    expectTypeOf(hx().applyTo(rec2)).toEqualTypeOf<Record<string, string | string[]>>();
    expectTypeOf<Headers>().toMatchTypeOf<HeaderTarget>();
  });
  it("errors", () => {
    const e: unknown = null;
    if (isHxError(e)) {
      expectTypeOf(e).toMatchTypeOf<HxError>();
      expectTypeOf(e.code).toEqualTypeOf<HxErrorCode>();
      expectTypeOf(e.header).toMatchTypeOf<string | undefined>();
    }
    const codes: HxErrorCode[] = [
      "invalid_event_name",
      "invalid_url",
      "unsafe_url",
      "invalid_selector",
      "invalid_swap",
      "unserializable",
      "header_too_large",
      "status_conflict",
      "unsupported_in_version",
      "invalid_existing_header",
      "headers_sent",
      "version_mismatch",
      "invalid_option",
      "target_failed",
    ];
    void codes;
    expectTypeOf(hxRequest(new Headers())).toEqualTypeOf<HxRequest>();
    expectTypeOf(new Hx() as unknown).not.toBeNever();
  });
});
