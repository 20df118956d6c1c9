// The fuzz suite: every public function, fed hostile values (test/hostile.ts). For every
// generated input: only a genuine HxError is ever thrown; every header value hxplan writes is
// printable ASCII (and accepted by Node and Fetch); an HX-Trigger* header round-trips to the
// encoded params as API.md section 2 says (also when a getter would answer differently the
// second time); and no prototype gains, loses or changes a key.
//
// `npm test` runs each property a modest number of times; `npm run fuzz` sets HXPLAN_FUZZ_RUNS
// so that more than a million inputs are generated in total, and prints the count and result.
import { IncomingMessage, ServerResponse, validateHeaderValue } from "node:http";
import { Socket } from "node:net";
import fc from "fast-check";
import { HTMX_STOP_POLLING, Hx, HxError, hx, hxRequest, isHxError } from "hxplan";
import { afterAll, describe, expect, it } from "vitest";
import { op } from "./support/arbitraries.js";
import {
  HX_OPTION_KEYS,
  hostile,
  INIT_KEYS,
  LOCATION_KEYS,
  options,
  primitive,
  type Recipe,
  SWAP_KEYS,
  TRIGGER_OPTION_KEYS,
} from "./support/hostile.js";

const RUNS = Number(process.env.HXPLAN_FUZZ_RUNS ?? 60);
const SEED = process.env.HXPLAN_FUZZ_SEED === undefined ? undefined : Number(process.env.HXPLAN_FUZZ_SEED);
// Large runs take minutes per property on a busy machine.
const TIMEOUT = 30_000 + RUNS * 20;
const settings = (scale = 1): fc.Parameters<unknown> => ({
  numRuns: Math.max(1, Math.round(RUNS * scale)),
  ...(SEED === undefined ? {} : { seed: SEED }),
});

let inputs = 0;
let properties = 0;
const failed: string[] = [];

/** A property: counted, and remembered when it fails, for the summary. */
function property(name: string, body: () => void): void {
  it(
    name,
    () => {
      properties++;
      try {
        body();
      } catch (error) {
        failed.push(name);
        throw error;
      }
    },
    TIMEOUT,
  );
}

afterAll(() => {
  const result = failed.length === 0 ? "every property held" : `FAILED: ${failed.join("; ")}`;
  console.log(
    `hxplan fuzz: ${inputs.toLocaleString("en")} generated inputs, ${properties} properties (HXPLAN_FUZZ_RUNS=${RUNS}): ${result}`,
  );
});

// --- what holds for every input ------------------------------------------------------------

const CODES = new Set([
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
]);

/** Runs `fn`: its result, or `undefined` when it threw a genuine HxError; anything else fails. */
function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    // A real HxError (not a look-alike or a Proxy), with a code and a message.
    if (!(error instanceof Error) || Object.getPrototypeOf(error) !== HxError.prototype) {
      throw new Error(`threw something other than an HxError: ${String(error)}`, { cause: error });
    }
    const e = error as HxError;
    expect(CODES.has(e.code), `code ${e.code}`).toBe(true);
    expect(typeof e.message).toBe("string");
    expect(isHxError(e)).toBe(true);
    return undefined;
  }
}

const PROTOTYPES: ReadonlyArray<readonly [string, object]> = [
  ["Object.prototype", Object.prototype],
  ["Array.prototype", Array.prototype],
  ["Function.prototype", Function.prototype],
  ["String.prototype", String.prototype],
  ["Error.prototype", Error.prototype],
  ["Hx.prototype", Hx.prototype],
];

function prototypeState(): string[] {
  return PROTOTYPES.map(([name, proto]) => {
    const keys = Reflect.ownKeys(proto).map(String).sort();
    return `${name}: ${keys.join(",")}`;
  });
}
const PRISTINE = prototypeState();
const PRISTINE_VALUES = PROTOTYPES.map(([, proto]) =>
  Reflect.ownKeys(proto).map((key) => Object.getOwnPropertyDescriptor(proto, key)?.value),
);

/** No prototype gained or lost a key, or had a method replaced. */
function checkPrototypes(): void {
  expect(prototypeState()).toEqual(PRISTINE);
  PROTOTYPES.forEach(([name, proto], i) => {
    Reflect.ownKeys(proto).forEach((key, j) => {
      const value = Object.getOwnPropertyDescriptor(proto, key)?.value;
      if (value !== PRISTINE_VALUES[i]![j]) throw new Error(`${name}.${String(key)} was changed`);
    });
  });
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const PRINTABLE = /^[\x20-\x7e]*$/;
const WRITTEN = /^(hx-|vary$|access-control-expose-headers$)/i;

/** A header value hxplan wrote: printable ASCII that Node and Fetch accept. */
function checkValue(name: string, value: unknown): void {
  const lines = Array.isArray(value) ? value : [value];
  for (const line of lines) {
    expect(typeof line === "string" || typeof line === "number", `${name} is a string`).toBe(true);
    const text = String(line);
    expect(text, name).toMatch(PRINTABLE);
    validateHeaderValue(name, text);
    if (/^hx-trigger/i.test(name)) {
      const parsed = JSON.parse(text);
      expect(typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)).toBe(true);
    }
  }
}

const req = new IncomingMessage(new Socket());

/** Everything a plan outputs, on fresh targets: only HxError, and printable ASCII. */
function checkPlan(plan: Hx): void {
  const headers = attempt(() => plan.toHeaders());
  if (headers === undefined) return;
  for (const [name, value] of Object.entries(headers)) checkValue(name, value);
  attempt(() => JSON.stringify(plan.toJSON()));
  attempt(() => [plan.htmx, plan.statusCode, plan.isEmpty]);
  const res = attempt(() => plan.applyTo(new ServerResponse(req)));
  if (res !== undefined)
    for (const [name, value] of Object.entries(res.getHeaders())) checkValue(name, value);
  const fetchHeaders = attempt(() => plan.applyTo(new Headers()));
  if (fetchHeaders !== undefined) for (const [name, value] of fetchHeaders) checkValue(name, value);
  const record = attempt(() => plan.applyTo({} as Record<string, string>));
  if (record !== undefined) for (const [name, value] of Object.entries(record)) checkValue(name, value);
  const response = attempt(() => plan.applyTo(new Response(null, { status: 200 })));
  if (response !== undefined) for (const [name, value] of response.headers) checkValue(name, value);
  const init = attempt(() => plan.toResponseInit());
  if (init !== undefined) for (const [name, value] of new Headers(init.headers)) checkValue(name, value);
  attempt(() => plan.toResponse("<p>x</p>"));
}

/** One generated input: run it, then check the prototypes. */
function run(body: () => void): void {
  inputs++;
  body();
  checkPrototypes();
}

const version = fc.constantFrom<2 | 4>(2, 4);
const make = (r: Recipe): unknown => r.make();

// --- every public function, with hostile values --------------------------------------------

describe("fuzz: only HxError, printable ASCII, no pollution", () => {
  property("hx() and new Hx() with hostile options", () => {
    fc.assert(
      fc.property(options(HX_OPTION_KEYS), (o) =>
        run(() => {
          const plan = attempt(() => hx(make(o) as never));
          const triggered = attempt(() => plan?.trigger("e", { a: "é" }));
          if (triggered !== undefined) checkPlan(triggered);
          attempt(() => new Hx(make(o) as never));
        }),
      ),
      settings(),
    );
  });

  const encoders = fc.constantFrom<Recipe>(
    { label: "no encoder", make: () => undefined },
    { label: "identity", make: () => (_k: string, v: unknown) => v },
    {
      label: "throwing",
      make: () => () => {
        throw new Error("encoder");
      },
    },
    { label: "NaN", make: () => () => Number.NaN },
    { label: "function", make: () => () => () => 1 },
    {
      label: "this",
      make: () =>
        function (this: unknown) {
          return this;
        },
    },
    { label: "Proxy", make: () => new Proxy(() => 1, {}) },
  );

  property("trigger() with hostile names, params, options and encoders", () => {
    fc.assert(
      fc.property(
        version,
        encoders,
        fc.oneof(hostile, primitive),
        hostile,
        options(TRIGGER_OPTION_KEYS),
        (v, encoder, name, params, opts) =>
          run(() => {
            const base = attempt(() => hx({ htmx: v, encoder: make(encoder) as never }));
            if (base === undefined) return;
            const plan = attempt(() => base.trigger(make(name) as never, make(params), make(opts) as never));
            if (plan !== undefined) checkPlan(plan);
          }),
      ),
      settings(2),
    );
  });

  property("location() and reswap() with hostile paths, options and modifiers", () => {
    const swapOptions = options(SWAP_KEYS);
    fc.assert(
      fc.property(
        version,
        fc.oneof(hostile, primitive),
        options(LOCATION_KEYS),
        swapOptions,
        fc.oneof(hostile, primitive),
        (v, path, opts, mods, style) =>
          run(() => {
            const base = hx({ htmx: v });
            const a = attempt(() => base.location(make(path) as never, make(opts) as never));
            if (a !== undefined) checkPlan(a);
            const b = attempt(() =>
              base.location("/p", { swap: make(mods) as never, values: make(path) as never }),
            );
            if (b !== undefined) checkPlan(b);
            const c = attempt(() => base.reswap(make(style) as never, make(mods) as never));
            if (c !== undefined) checkPlan(c);
            const d = attempt(() => base.reswap(make(style) as never));
            if (d !== undefined) checkPlan(d);
          }),
      ),
      settings(2),
    );
  });

  // Every method of a plan (those added later too), with 0 to 3 hostile arguments. applyTo is
  // called on fresh targets below: a hostile target is the subject of the apply tests.
  const methods = Object.getOwnPropertyNames(Hx.prototype).filter(
    (name) =>
      name !== "constructor" &&
      name !== "applyTo" &&
      typeof Object.getOwnPropertyDescriptor(Hx.prototype, name)?.value === "function",
  );

  it("knows every documented method", () => {
    for (const name of ["trigger", "pushUrl", "replaceUrl", "redirect", "refresh", "location", "reswap"]) {
      expect(methods).toContain(name);
    }
    for (const name of ["retarget", "reselect", "stopPolling", "status", "vary", "exposeHeaders", "merge"]) {
      expect(methods).toContain(name);
    }
    for (const name of ["toHeaders", "toJSON", "toResponseInit", "toResponse"])
      expect(methods).toContain(name);
  });

  property("every Hx method with hostile arguments, on plans built from random calls", () => {
    fc.assert(
      fc.property(
        version,
        fc.array(op, { maxLength: 4 }),
        fc.constantFrom(...methods),
        fc.array(fc.oneof(hostile, primitive), { maxLength: 3 }),
        (v, ops, method, args) =>
          run(() => {
            let plan = hx({ htmx: v });
            for (const o of ops) plan = attempt(() => o.run(plan)) ?? plan;
            const result = attempt(() =>
              (plan as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!(...args.map(make)),
            );
            if (result instanceof Hx) checkPlan(result);
            else if (typeof result === "string" && /^to|^render/.test(method))
              expect(typeof result).toBe("string");
            checkPlan(plan);
          }),
      ),
      settings(3),
    );
  });

  property("merge() of hostile values and of plans built from hostile calls", () => {
    fc.assert(
      fc.property(version, version, hostile, fc.oneof(hostile, primitive), (v, w, params, other) =>
        run(() => {
          const a = attempt(() => hx({ htmx: v }).trigger("a", make(params)).vary("A"));
          const b = attempt(() => hx({ htmx: w }).trigger("a", { n: 1 }).pushUrl("/é"));
          if (a === undefined || b === undefined) return;
          const merged = attempt(() => a.merge(b));
          if (merged !== undefined) checkPlan(merged);
          attempt(() => a.merge(make(other) as never));
        }),
      ),
      settings(),
    );
  });

  property("toResponseInit() and toResponse() with hostile init and bodies", () => {
    fc.assert(
      fc.property(
        version,
        options(INIT_KEYS),
        fc.oneof(hostile, primitive),
        fc.constantFrom<Array<(plan: Hx) => Hx>>(
          (p) => p,
          (p) => p.status(204),
          (p) => p.status(422),
          (p) => p.vary("Accept"),
        ),
        (v, init, body, finish) =>
          run(() => {
            const plan = finish(hx({ htmx: v }).trigger("a", { s: "é" }).retarget("#r"));
            const out = attempt(() => plan.toResponseInit(make(init) as never));
            if (out !== undefined) {
              for (const [name, value] of new Headers(out.headers))
                if (WRITTEN.test(name)) checkValue(name, value);
            }
            const response = attempt(() => plan.toResponse(make(body) as never, make(init) as never));
            if (response !== undefined) {
              for (const [name, value] of response.headers) if (WRITTEN.test(name)) checkValue(name, value);
            }
          }),
      ),
      settings(),
    );
  });

  property("hxRequest() with hostile sources, every property read", () => {
    const header = fc.constantFrom(
      "HX-Request",
      "hx-request",
      "HX-Target",
      "HX-Trigger",
      "HX-Current-URL",
      "HX-Prompt",
      "HX-Source",
      "HX-Request-Type",
      "HX-History-Restore-Request",
      "HX-Prompt-URI-AutoEncoded",
      "HX-PTag",
      "Host",
      "Triggering-Event",
    );
    // Huge sparse arrays and arrays with an endless iterator included: request.ts reads a
    // header's lines by index, with a bound.
    const requestValue = fc.oneof(hostile, primitive);
    const record = fc.array(fc.tuple(header, requestValue), { maxLength: 5 }).map((entries) => ({
      label: "record",
      make: () => Object.fromEntries(entries.map(([k, v]) => [k, v.make()])),
    }));
    const source = fc.oneof(
      hostile,
      record,
      record.map((r) => ({ label: "IncomingMessage-like", make: () => ({ headers: r.make() }) })),
      record.map((r) => ({
        label: "headersDistinct",
        make: () => ({ headers: {}, headersDistinct: r.make() }),
      })),
      record.map((r) => ({
        label: "Headers-like",
        make: () => ({ get: (name: string) => (r.make() as never)[name] }),
      })),
    );
    fc.assert(
      fc.property(source, (s) =>
        run(() => {
          const request = attempt(() => hxRequest(make(s) as never));
          if (request === undefined) return;
          const proto = Object.getPrototypeOf(request) as object;
          const names = [...Object.getOwnPropertyNames(proto), ...Object.keys(request)].filter(
            (n) => n !== "constructor",
          );
          for (const name of names) {
            const value = attempt(() => (request as unknown as Record<string, unknown>)[name]);
            if (typeof value === "function") attempt(() => (value as () => unknown).call(request));
          }
          const consulted = attempt(() => request.consulted) ?? [];
          const plan = attempt(() => hx().vary(...consulted));
          if (plan !== undefined) checkPlan(plan);
        }),
      ),
      settings(),
    );
  });

  property("isHxError() and new HxError() with hostile values", () => {
    fc.assert(
      fc.property(
        fc.oneof(hostile, primitive),
        fc.oneof(hostile, primitive),
        hostile,
        (code, message, opts) =>
          run(() => {
            expect(typeof isHxError(make(code))).toBe("boolean");
            const error = attempt(
              () => new HxError(make(code) as never, make(message) as never, make(opts) as never),
            );
            if (error !== undefined) {
              expect(error).toBeInstanceOf(HxError);
              expect(typeof error.message).toBe("string");
            }
          }),
      ),
      settings(),
    );
  });
});

// --- HX-Trigger* round-trips to the encoded params -----------------------------------------

/** A JSON-able value, described: `make` builds it (getters, Proxies), `expected` is its JSON. */
interface Tree {
  readonly make: () => unknown;
  /** The JSON text API.md section 2 says it encodes to; `undefined`: omitted as a member. */
  readonly json: string | undefined;
  readonly label: string;
}

const jsonStrings = fc.oneof(
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 6 }),
  fc.constantFrom("\ud800", "\udfff", "é", "😀", "\u2028", "\u007f", '"\\'),
);
const leafTree: fc.Arbitrary<Tree> = fc.oneof(
  jsonStrings.map((s) => ({ make: () => s, json: JSON.stringify(s), label: JSON.stringify(s) })),
  fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .map((n) => ({ make: () => n, json: JSON.stringify(n), label: String(n) })),
  fc.constantFrom(true, false, null).map((b) => ({ make: () => b, json: String(b), label: String(b) })),
  fc.bigInt().map((n) => ({ make: () => n, json: `"${n}"`, label: `${n}n` })),
  fc.integer({ min: -8.64e15, max: 8.64e15 }).map((ms) => ({
    make: () => new Date(ms),
    json: JSON.stringify(new Date(ms).toISOString()),
    label: `Date(${ms})`,
  })),
  fc.constantFrom("https://example.com/a b/é?q=€", "http://x.test/").map((u) => ({
    make: () => new URL(u),
    json: JSON.stringify(new URL(u).href),
    label: `URL(${u})`,
  })),
);
const memberKey = fc.oneof(
  jsonStrings,
  fc.constantFrom("__proto__", "constructor", "toString", "0", "1", "a"),
);

/** How an object's members are read: plainly, by getters that lie on a second read, or a Proxy. */
type Reading = "plain" | "getters" | "hiding proxy" | "null prototype" | "class";

function objectTree(entries: ReadonlyArray<readonly [string, Tree | undefined]>, reading: Reading): Tree {
  const json = `{${entries
    .filter(([, t]) => t !== undefined && t.json !== undefined)
    .map(([k, t]) => `${JSON.stringify(k)}:${t!.json}`)
    .join(",")}}`;
  return {
    json,
    label: `${reading} {${entries.map(([k, t]) => `${JSON.stringify(k)}: ${t?.label}`).join(", ")}}`,
    make: () => {
      const out: Record<string, unknown> =
        reading === "null prototype" ? Object.create(null) : reading === "class" ? new (class Data {})() : {};
      for (const [key, tree] of entries) {
        if (reading === "getters") {
          let reads = 0;
          Object.defineProperty(out, key, {
            enumerable: true,
            configurable: true,
            // the first read gives the value; a second read would poison the header
            get: () => (reads++ === 0 ? tree?.make() : Number.NaN),
          });
        } else {
          Object.defineProperty(out, key, {
            value: tree?.make(),
            enumerable: true,
            configurable: true,
            writable: true,
          });
        }
      }
      return reading === "hiding proxy" ? new Proxy(out, { has: () => false }) : out;
    },
  };
}

const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small" },
    leafTree,
    fc.array(tie("tree"), { maxLength: 4 }).map((items) => ({
      make: () => items.map((i) => i.make()),
      json: `[${items.map((i) => i.json).join(",")}]`,
      label: `[${items.map((i) => i.label).join(", ")}]`,
    })),
    // A Set keeps one of equal primitives: items with the same JSON are left out here.
    fc.uniqueArray(tie("tree"), { maxLength: 3, selector: (t) => t.json }).map((items) => ({
      make: () => new Set(items.map((i) => i.make())),
      json: `[${items.map((i) => i.json).join(",")}]`,
      label: `Set[${items.map((i) => i.label).join(", ")}]`,
    })),
    fc
      .uniqueArray(fc.tuple(memberKey, fc.option(tie("tree"), { nil: undefined })), {
        maxLength: 4,
        selector: ([k]) => k,
      })
      .chain((entries) =>
        fc
          .constantFrom<Reading>("plain", "getters", "hiding proxy", "null prototype", "class")
          .map((reading) => objectTree(entries, reading)),
      ),
    fc
      .uniqueArray(fc.tuple(memberKey, tie("tree")), { maxLength: 3, selector: ([k]) => k })
      .map((entries) => ({
        make: () => new Map(entries.map(([k, t]) => [k, t.make()])),
        json: `{${entries.map(([k, t]) => `${JSON.stringify(k)}:${t.json}`).join(",")}}`,
        label: `Map{${entries.map(([k, t]) => `${JSON.stringify(k)}: ${t.label}`).join(", ")}}`,
      })),
  ),
})).tree;

/** Top-level params: any tree, or an object that may carry the keys the rules look at. */
const paramsTree: fc.Arbitrary<Tree> = fc.oneof(
  tree,
  fc
    .tuple(
      fc.uniqueArray(fc.tuple(memberKey, tree), { maxLength: 3, selector: ([k]) => k }),
      fc.option(fc.constantFrom("#t", ".c", "div > p", ""), { nil: undefined }),
      fc.option(leafTree, { nil: undefined }),
      fc.option(leafTree, { nil: undefined }),
      fc.constantFrom<Reading>("plain", "getters", "hiding proxy"),
    )
    .map(([entries, target, elt, cancelled, reading]) => {
      const all: Array<readonly [string, Tree]> = entries.filter(
        ([k]) => k !== "target" && k !== "elt" && k !== "cancelled",
      );
      if (target !== undefined)
        all.push(["target", { make: () => target, json: JSON.stringify(target), label: target }]);
      if (elt !== undefined) all.push(["elt", elt]);
      if (cancelled !== undefined) all.push(["cancelled", cancelled]);
      return objectTree(all, reading);
    }),
);

const eventName = fc
  .oneof(jsonStrings, fc.constantFrom("saved", "__proto__", "0", "17", "a b"))
  .filter((n) => n !== "" && n.trim() === n && !/[\u0000-\u001f\u007f]/.test(n));

/** The detail API.md section 2 gives `params`, as parsed JSON; or the codes it may be refused with. */
function expectedDetail(
  params: Tree | undefined,
  name: string,
  htmx: 2 | 4,
): { detail?: unknown; codes?: string[] } {
  if (params === undefined) return { detail: {} };
  const parsed = JSON.parse(params.json!) as unknown;
  if (
    typeof parsed !== "object" ||
    parsed === null ||
    Array.isArray(parsed) ||
    !params.json!.startsWith("{")
  ) {
    return { detail: { value: parsed } };
  }
  const detail = parsed as Record<string, unknown>;
  const codes: string[] = [];
  const has = (key: string): boolean => Object.hasOwn(detail, key);
  if (has("target")) {
    const target = detail.target;
    if (typeof target !== "string" || target === "") codes.push("invalid_selector");
    if (htmx === 2 && /^(0|[1-9]\d{0,9})$/.test(name) && Number(name) < 4294967295)
      codes.push("invalid_event_name");
    // written last
    delete detail.target;
    detail.target = target;
  }
  if (htmx === 2 && has("elt")) codes.push("invalid_option");
  if (htmx === 4 && has("cancelled") && detail.cancelled) codes.push("invalid_option");
  return codes.length > 0 ? { codes } : { detail };
}

describe("fuzz: HX-Trigger round-trips to the encoded params", () => {
  property("JSON.parse of the header gives the params as first read, target last", () => {
    fc.assert(
      fc.property(
        version,
        eventName,
        fc.option(paramsTree, { nil: undefined }),
        fc.constantFrom<"receive" | "swap" | "settle">("receive", "swap", "settle"),
        fc.boolean(),
        (v, name, params, after, identity) =>
          run(() => {
            const base = identity ? hx({ htmx: v, encoder: (_k, value) => value }) : hx({ htmx: v });
            const expected = expectedDetail(params, name, v);
            let plan: Hx;
            try {
              plan = base.trigger(name, params?.make(), { after });
            } catch (error) {
              expect(isHxError(error), String(error)).toBe(true);
              const code = (error as HxError).code;
              // A big detail may be over the default 8192 bytes.
              if (code === "header_too_large" && (params?.json?.length ?? 0) > 1000) return;
              expect(expected.codes, `${code}: ${(error as Error).message}`).toContain(code);
              return;
            }
            expect(expected.codes, "should have been refused").toBeUndefined();
            const header =
              v === 4 || after === "receive"
                ? "HX-Trigger"
                : `HX-Trigger-After-${after === "swap" ? "Swap" : "Settle"}`;
            const text = plan.toHeaders()[header]!;
            checkValue(header, text);
            const events = JSON.parse(text) as Record<string, unknown>;
            expect(Object.keys(events)).toEqual([name]);
            // Same values and the same key order.
            expect(JSON.stringify(events[name])).toBe(JSON.stringify(expected.detail));
          }),
      ),
      settings(4),
    );
  });
});

it("HTMX_STOP_POLLING is 286", () => {
  expect(HTMX_STOP_POLLING).toBe(286);
});
