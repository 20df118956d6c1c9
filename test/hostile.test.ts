// Hand-made hostile inputs (API.md section 5): only HxError is thrown, with the caller's
// exception as its cause, and each input is read once, so what is checked is what is written.
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { type HxError, HxError as HxErrorClass, hx, isHxError } from "hxplan";
import { describe, expect, it } from "vitest";
import { errorOf } from "./support/errors.js";
import { deep, flipping, hiding, lyingPrototype, revoked, throwingProxy } from "./support/hostile.js";

/** A value that counts how often its property `key` is read. */
function counted<T>(key: string, value: T, extra: object = {}): { object: object; reads: () => number } {
  let reads = 0;
  const object = Object.defineProperty({ ...extra }, key, {
    enumerable: true,
    get: () => {
      reads++;
      return value;
    },
  });
  return { object, reads: () => reads };
}

const boom = new Error("boom");
const thrower = (): never => {
  throw boom;
};

/** The HxError `fn` throws, checked to be a real HxError (not a look-alike) with that code. */
function refused(fn: () => unknown, code: string): HxError {
  const error = errorOf(fn);
  expect(error).toBeInstanceOf(HxErrorClass);
  expect(error.code).toBe(code);
  return error;
}

describe("each input is read once", () => {
  it("a getter that gives 1 then NaN: the header carries the 1 it checked", () => {
    const params = flipping("x", 1, Number.NaN);
    expect(hx().trigger("e", params).toHeaders()["HX-Trigger"]).toBe('{"e":{"x":1}}');
  });

  it("a getter that gives NaN then 1 is refused, never written as null", () => {
    const params = flipping("x", Number.NaN, 1);
    expect(refused(() => hx().trigger("e", params), "unserializable").message).toContain("params.x");
  });

  it("every param, option and value getter is called exactly once", () => {
    const param = counted("id", 7, { msg: "é" });
    hx().trigger("e", param.object);
    expect(param.reads()).toBe(1);
    const nested = counted("deep", [1, 2]);
    hx().trigger("e", { a: nested.object });
    expect(nested.reads()).toBe(1);
    const option = counted("after", "swap");
    hx().trigger("e", undefined, option.object as never);
    expect(option.reads()).toBe(1);
    const modifier = counted("swap", 100);
    hx().reswap("outerHTML", modifier.object as never);
    expect(modifier.reads()).toBe(1);
    const values = counted("q", "x");
    hx().location("/p", { values: values.object as never });
    expect(values.reads()).toBe(1);
    const headers = counted("X-A", "1");
    hx().location("/p", { headers: headers.object as never });
    expect(headers.reads()).toBe(1);
    const location = counted("target", "#main");
    hx().location("/p", location.object as never);
    expect(location.reads()).toBe(1);
    const swap = counted("style", "innerHTML");
    hx().location("/p", { swap: swap.object as never });
    expect(swap.reads()).toBe(1);
    const planOptions = counted("htmx", 4);
    expect(hx(planOptions.object as never).htmx).toBe(4);
    expect(planOptions.reads()).toBe(1);
    const init = counted("status", 201);
    expect(
      hx()
        .trigger("a")
        .toResponseInit(init.object as never).status,
    ).toBe(201);
    expect(init.reads()).toBe(1);
  });

  it("an option getter that changes its answer cannot pass its check with one value and act with another", () => {
    // read once: "settle" is checked and used; a second read would give an unknown timing
    const options = flipping("after", "settle", "bogus");
    expect(
      Object.keys(
        hx()
          .trigger("e", undefined, options as never)
          .toHeaders(),
      ),
    ).toEqual(["HX-Trigger-After-Settle"]);
    const styles = flipping("swapStyles", ["upsert"], [1]);
    expect(
      hx(styles as { swapStyles: string[] })
        .reswap("upsert")
        .toHeaders()["HX-Reswap"],
    ).toBe("upsert");
    const header = flipping("X-A", "ok", 5);
    expect(
      hx()
        .location("/p", { headers: header as never })
        .toHeaders()["HX-Location"],
    ).toBe('{"path":"/p","headers":{"X-A":"ok"}}');
  });

  it("a Proxy hiding cancelled from `in` cannot get a truthy cancelled past the htmx 4 rule", () => {
    const params = hiding({ cancelled: true, a: 1 }, "cancelled");
    expect("cancelled" in params).toBe(false);
    refused(() => hx({ htmx: 4 }).trigger("e", params), "invalid_option");
    // falsy is fine, and written
    expect(
      hx({ htmx: 4 })
        .trigger("e", hiding({ cancelled: false }, "cancelled"))
        .toHeaders()["HX-Trigger"],
    ).toBe('{"e":{"cancelled":false}}');
  });

  it("a Proxy hiding elt from `in` cannot get elt past the htmx 2 rule", () => {
    refused(() => hx().trigger("e", hiding({ elt: 1 }, "elt")), "invalid_option");
  });

  it("a Proxy hiding target from `in`: the target is still checked, and written last", () => {
    refused(() => hx().trigger("e", hiding({ target: "" }, "target")), "invalid_selector");
    expect(
      hx()
        .trigger("e", hiding({ target: "#x", a: 1 }, "target"))
        .toHeaders()["HX-Trigger"],
    ).toBe('{"e":{"a":1,"target":"#x"}}');
  });
});

describe("only HxError, with the caller's exception as the cause", () => {
  it("a throwing getter, toJSON or encoder in params is unserializable, naming the path", () => {
    const getter = refused(
      () =>
        hx().trigger("e", {
          list: [
            {
              get x(): number {
                return thrower();
              },
            },
          ],
        }),
      "unserializable",
    );
    expect(getter.message).toContain("params.list[0].x");
    expect(getter.cause).toBe(boom);
    expect(refused(() => hx().trigger("e", { t: { toJSON: thrower } }), "unserializable").cause).toBe(boom);
    expect(refused(() => hx({ encoder: thrower }).trigger("e", { a: 1 }), "unserializable").cause).toBe(boom);
    const values = refused(
      () => hx().location("/p", { values: { v: { toJSON: thrower } } }),
      "unserializable",
    );
    expect(values.message).toContain("values.v");
  });

  it("Proxies: throwing, revoked, lying about their prototype", () => {
    for (const params of [
      throwingProxy(),
      throwingProxy([]),
      revoked(),
      revoked([]),
      lyingPrototype(Date.prototype),
      lyingPrototype(URL.prototype),
      lyingPrototype(Map.prototype),
      new Proxy(Object.preventExtensions({ a: 1 }), { ownKeys: () => ["b"] }),
    ]) {
      refused(() => hx().trigger("e", params), "unserializable");
      refused(() => hx().trigger("e", { nested: params }), "unserializable");
      refused(() => hx().location("/p", { values: { v: params } }), "unserializable");
    }
    // A transparent Proxy is just its target.
    expect(
      hx()
        .trigger("e", new Proxy({ a: [1] }, {}))
        .toHeaders()["HX-Trigger"],
    ).toBe('{"e":{"a":[1]}}');
  });

  it("hostile option objects are invalid_option, with the exception as the cause", () => {
    /** An object whose option `key` throws when read. */
    const throwing = (key: string): object =>
      Object.defineProperty({}, key, { enumerable: true, get: thrower });
    for (const bad of [throwingProxy(), revoked(), undefined]) {
      const of = (key: string) => bad ?? throwing(key);
      expect(refused(() => hx(of("htmx") as never), "invalid_option").cause).toBeDefined();
      refused(() => hx().trigger("e", undefined, of("after") as never), "invalid_option");
      refused(() => hx().location("/p", of("target") as never), "invalid_option");
      refused(() => hx().reswap("outerHTML", of("swap") as never), "invalid_option");
      refused(() => hx().location("/p", { swap: of("style") as never }), "invalid_option");
    }
    const error = refused(
      () =>
        hx().trigger("e", undefined, {
          get after(): string {
            return thrower();
          },
        } as never),
      "invalid_option",
    );
    expect(error.cause).toBe(boom);
    refused(() => hx({ swapStyles: throwingProxy([]) } as never), "invalid_option");
    refused(() => hx({ swapStyles: revoked([]) } as never), "invalid_option");
    const endless = Object.assign(["a"], {
      *[Symbol.iterator]() {
        for (;;) yield "x";
      },
    });
    expect(hx({ swapStyles: endless }).reswap("a").toHeaders()["HX-Reswap"]).toBe("a");
    const huge: string[] = [];
    huge.length = 2 ** 32 - 1;
    refused(() => hx({ swapStyles: huge }), "invalid_option");
    refused(() => hx().location("/p", { headers: throwingProxy() as never }), "invalid_option");
    refused(() => hx().location("/p", { headers: { "X-A": 5 } as never }), "invalid_option");
  });

  it("arguments whose toString throws are described, never converted", () => {
    const hostile = { toString: thrower, valueOf: thrower, [Symbol.toPrimitive]: thrower };
    expect(refused(() => hx().status(hostile as never), "invalid_option").message).toContain("an object");
    refused(() => hx().status(Object.create(null)), "invalid_option");
    refused(() => hx().status(revoked() as never), "invalid_option");
    refused(() => hx().vary(hostile as never), "invalid_option");
    refused(() => hx().vary(Object.create(null)), "invalid_option");
    refused(() => (hx().refresh as (arg: unknown) => unknown)(hostile), "invalid_option");
    refused(() => hx().trigger(hostile as never), "invalid_event_name");
    refused(() => hx().trigger(Object.assign(() => 1, { toString: thrower }) as never), "invalid_event_name");
    refused(() => hx().retarget(hostile as never), "invalid_selector");
    refused(() => hx().reswap(hostile as never), "invalid_swap");
  });

  it("merge() of anything but a plan is invalid_option, running none of its code", () => {
    for (const other of [
      {},
      null,
      5,
      "plan",
      Object.create(hx().constructor.prototype),
      new Proxy(hx(), {}),
      throwingProxy(),
      revoked(),
      lyingPrototype(hx().constructor.prototype),
    ]) {
      refused(() => hx().merge(other as never), "invalid_option");
    }
  });

  it("look-alike or hostile URL objects never escape as a TypeError", () => {
    for (const url of [
      Object.create(URL.prototype),
      throwingProxy(),
      revoked(),
      lyingPrototype(URL.prototype),
    ]) {
      for (const call of [
        () => hx().pushUrl(url as never),
        () => hx().replaceUrl(url as never),
        () => hx().redirect(url as never),
        () => hx().location(url as never),
        () => hx().location("/p", { push: url as never }),
      ]) {
        const error = errorOf(call);
        expect(error).toBeInstanceOf(HxErrorClass);
      }
    }
  });

  it("deep params are unserializable, naming the path, never a RangeError", () => {
    for (const kind of ["array", "object"] as const) {
      const error = refused(() => hx().trigger("e", deep(100_000, kind)), "unserializable");
      expect(error.message).toMatch(kind === "array" ? /params\[0\]\[0\]/ : /params\.a\.a/);
      expect(error.message).toContain("deeper than 512 levels");
      refused(
        () => hx({ maxHeaderBytes: Number.POSITIVE_INFINITY }).trigger("e", deep(100_000, kind)),
        "unserializable",
      );
    }
    // 512 levels fit
    expect(
      JSON.parse(
        hx()
          .trigger("e", { v: deep(511, "array") })
          .toHeaders()["HX-Trigger"]!,
      ).e.v,
    ).toEqual(deep(511, "array"));
  });

  it("huge params are refused as soon as they pass maxHeaderBytes", () => {
    const started = performance.now();
    refused(() => hx().trigger("e", new Float64Array(10_000_000)), "header_too_large");
    refused(
      () =>
        hx().trigger(
          "e",
          Array.from({ length: 1_000_000 }, (_, i) => i),
        ),
      "header_too_large",
    );
    refused(
      () => hx().trigger("e", new Set(Array.from({ length: 100_000 }, (_, i) => i))),
      "header_too_large",
    );
    refused(() => hx().trigger("e", { s: "x".repeat(10_000_000) }), "header_too_large");
    const sparse: unknown[] = [];
    sparse.length = 2 ** 32 - 1;
    expect(refused(() => hx().trigger("e", sparse), "unserializable").message).toContain("params[0]");
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("typed arrays, class instances, null prototypes and symbol keys encode as JSON does", () => {
    const cases: unknown[] = [
      new Uint8Array([1, 2]),
      new (class {
        x = 1;
        y = "é";
      })(),
      Object.assign(Object.create(null), { a: 1 }),
      { a: 1, [Symbol("s")]: 2 },
      JSON.parse('{"__proto__":{"x":1}}'),
    ];
    for (const params of cases) {
      const header = hx().trigger("e", params).toHeaders()["HX-Trigger"]!;
      expect(JSON.parse(header).e).toEqual(JSON.parse(JSON.stringify(params)));
    }
  });

  it("lone surrogates in params and names stay \\udXXX escapes and round-trip", () => {
    const header = hx().trigger("a\udc00", { s: "\ud800x\udfff", "\udbff": 1 }).toHeaders()["HX-Trigger"]!;
    expect(header).toBe('{"a\\udc00":{"s":"\\ud800x\\udfff","\\udbff":1}}');
    expect(JSON.parse(header)).toEqual({ "a\udc00": { s: "\ud800x\udfff", "\udbff": 1 } });
  });

  it("isHxError and new HxError never throw", () => {
    expect(isHxError(revoked())).toBe(false);
    expect(isHxError(throwingProxy())).toBe(false);
    expect(isHxError(lyingPrototype(HxErrorClass.prototype))).toBe(false);
    expect(
      isHxError({
        get name(): string {
          return thrower();
        },
      }),
    ).toBe(false);
    const hostile = new HxErrorClass(
      "invalid_option",
      { toString: thrower } as never,
      throwingProxy() as never,
    );
    expect(hostile.code).toBe("invalid_option");
    expect(isHxError(hostile)).toBe(true);
  });
});

describe("toResponseInit and toResponse refuse a bad init", () => {
  const plan = hx().trigger("a");
  it.each([
    ["a string", "x"],
    ["a number", 5],
    ["an array", []],
    ["a throwing Proxy", throwingProxy()],
    ["a revoked Proxy", revoked()],
    [
      "a throwing getter",
      {
        get status(): number {
          return thrower();
        },
      },
    ],
    ["a bad status", { status: 99 }],
    ["a fractional status", { status: 200.5 }],
    ["a string status", { status: "200" }],
    ["a status of an object", { status: Object.create(null) }],
    ["a bad statusText", { statusText: "a\nb" }],
    ["headers of a number", { headers: 5 }],
    [
      "a throwing headers getter",
      {
        get headers(): object {
          return thrower();
        },
      },
    ],
    ["a throwing Proxy as headers", { headers: throwingProxy() }],
    ["a revoked Proxy as headers", { headers: revoked() }],
  ])("%s", (_, init) => {
    refused(() => plan.toResponseInit(init as never), "invalid_option");
    refused(() => plan.toResponse("x", init as never), "invalid_option");
  });

  it.each([
    ["a non-string header value", { headers: { "X-A": {} } }],
    ["a symbol header value", { headers: { "X-A": Symbol("s") } }],
    ["a header value with a line break", { headers: { "X-A": "a\r\nb" } }],
    ["a bad header name", { headers: { "a b": "x" } }],
    ["a broken pair", { headers: [["X-A"]] }],
    ["a pair of objects", { headers: [[{}, {}]] }],
  ])("%s in init.headers is invalid_existing_header, as on an applyTo record", (_, init) => {
    refused(() => plan.toResponseInit(init as never), "invalid_existing_header");
    refused(() => plan.toResponse("x", init as never), "invalid_existing_header");
  });

  it("a body Fetch refuses is invalid_option, with Fetch's error as the cause", () => {
    const error = refused(() => hx().status(204).toResponse("body"), "invalid_option");
    expect(error.cause).toBeInstanceOf(TypeError);
    refused(() => hx().toResponse({ toString: thrower } as never), "invalid_option");
  });

  it("a Headers with its own iterator replaced is read through the real one", () => {
    const headers = Object.assign(new Headers({ "HX-Trigger": "b" }), {
      [Symbol.iterator]: thrower,
      entries: thrower,
    });
    expect(new Headers(plan.toResponseInit({ headers }).headers).get("HX-Trigger")).toBe('{"b":{},"a":{}}');
  });

  it("a record's numbers and string[] values are kept as header lines", () => {
    const init = plan.toResponseInit({
      headers: { "X-N": 5, Vary: ["A", "B"], "HX-Trigger": ['{"x":{}}', "y"] } as never,
    });
    const headers = new Headers(init.headers);
    expect(headers.get("X-N")).toBe("5");
    expect(headers.get("Vary")).toBe("A, B");
    expect(headers.get("HX-Trigger")).toBe('{"x":{},"y":{},"a":{}}');
  });
});

describe("outputs of a plan built from hostile input stay printable ASCII", () => {
  it("applyTo a fresh ServerResponse, Headers and record", () => {
    const plan = hx()
      .trigger("é\ud800", { s: "\udfff", n: flipping("x", 1, Number.NaN) })
      .location("/é", { values: hiding({ q: "€" }, "q") as never });
    const req = new IncomingMessage(new Socket());
    for (const target of [new ServerResponse(req), new Headers(), {} as Record<string, string>]) {
      plan.applyTo(target);
      const values =
        target instanceof ServerResponse
          ? Object.values(target.getHeaders()).map(String)
          : target instanceof Headers
            ? [...target.values()]
            : Object.values(target);
      for (const value of values) expect(value).toMatch(/^[\x20-\x7e]*$/);
    }
  });
});
