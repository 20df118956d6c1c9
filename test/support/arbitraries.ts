// Shared fast-check generators: plans built from random method sequences. `op`/`build`/`plan`
// draw from every method with awkward inputs; `smallOp`/`buildSmall`/`smallPlan` (and
// `untargetedOp`, without event targets) from a small alphabet of names, so calls collide often.
import fc from "fast-check";
import { type Hx, hx } from "hxplan";

export type Op = { readonly label: string; readonly run: (plan: Hx) => Hx };

const names = fc.constantFrom("saved", "toast", "Grüße", "__proto__", "constructor", "a b", "1", "x-y");
const params = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer(),
  fc.string(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom("id", "msg", "n", "ü"), fc.oneof(fc.integer(), fc.string()), { maxKeys: 3 }),
);
const after = fc.constantFrom(undefined, "receive", "swap", "settle");
const urls = fc.constantFrom("/items/1", "/a b/é", "https://example.com/x?q=1", "/search?q=%E2%82%AC");
const selectors = fc.constantFrom("#row", "#row-é", ".item", "#a, #b", "closest tr");

export const op: fc.Arbitrary<Op> = fc.oneof(
  fc.tuple(names, params, after).map(([n, p, a]) => ({
    label: `trigger(${JSON.stringify(n)}, ${JSON.stringify(p)}, ${a})`,
    run: (plan: Hx) => plan.trigger(n, p, a === undefined ? undefined : { after: a }),
  })),
  fc.tuple(names, selectors).map(([n, s]) => ({
    label: `trigger(${JSON.stringify(n)}, {}, {target: ${s}})`,
    run: (plan: Hx) => plan.trigger(n, {}, { target: s }),
  })),
  urls.map((u) => ({ label: `pushUrl(${u})`, run: (plan: Hx) => plan.pushUrl(u) })),
  urls.map((u) => ({ label: `replaceUrl(${u})`, run: (plan: Hx) => plan.replaceUrl(u) })),
  fc.constant({ label: "pushUrl(false)", run: (plan: Hx) => plan.pushUrl(false) }),
  urls.map((u) => ({ label: `redirect(${u})`, run: (plan: Hx) => plan.redirect(u) })),
  fc.constant({ label: "refresh()", run: (plan: Hx) => plan.refresh() }),
  urls.map((u) => ({ label: `location(${u})`, run: (plan: Hx) => plan.location(u, { target: "#main" }) })),
  fc.constantFrom("outerHTML", "innerHTML swap:1s", "beforeend scroll:bottom").map((s) => ({
    label: `reswap(${s})`,
    run: (plan: Hx) => plan.reswap(s),
  })),
  selectors.map((s) => ({ label: `retarget(${s})`, run: (plan: Hx) => plan.retarget(s) })),
  fc
    .constantFrom("#content", ".x")
    .map((s) => ({ label: `reselect(${s})`, run: (plan: Hx) => plan.reselect(s) })),
  fc
    .constantFrom(200, 204, 422, 286)
    .map((c) => ({ label: `status(${c})`, run: (plan: Hx) => plan.status(c) })),
  fc
    .array(fc.constantFrom("HX-Request", "hx-request", "Accept", "HX-Target", "*"), { maxLength: 3 })
    .map((v) => ({ label: `vary(${v.join(",")})`, run: (plan: Hx) => plan.vary(...v) })),
);

/** Runs ops in order, skipping those the plan refuses (they throw HxError). */
export function build(version: 2 | 4, ops: readonly Op[]): Hx {
  let plan = hx({ htmx: version });
  for (const o of ops) {
    try {
      plan = o.run(plan);
    } catch {
      // refused: the plan stays as it was
    }
  }
  return plan;
}

export const version: fc.Arbitrary<2 | 4> = fc.constantFrom(2 as const, 4 as const);
export const plan: fc.Arbitrary<Hx> = fc
  .tuple(version, fc.array(op, { maxLength: 8 }))
  .map(([v, ops]) => build(v, ops));

// The small-alphabet generators.
type Call = (p: Hx) => Hx;

const smallName = fc.constantFrom("a", "b", "c", "0", "__proto__", "x y");
const smallAfter = fc.constantFrom<"receive" | "swap" | "settle" | undefined>(
  undefined,
  "receive",
  "swap",
  "settle",
);
const smallTarget = fc.constantFrom<string | undefined>(undefined, undefined, "#t", "#u");
const smallParams = fc.oneof(
  fc.constant(undefined),
  fc.integer(),
  fc.dictionary(fc.constantFrom("k", "v", "é"), fc.string()),
);
const smallUrl = fc.constantFrom("/a", "/b?x=1", "/c d", "/é");

// History and navigation calls, shared by both operation generators.
const navigationCalls: fc.Arbitrary<Call>[] = [
  smallUrl.map(
    (u): Call =>
      (p) =>
        p.pushUrl(u),
  ),
  smallUrl.map(
    (u): Call =>
      (p) =>
        p.replaceUrl(u),
  ),
  smallUrl.map(
    (u): Call =>
      (p) =>
        p.redirect(u),
  ),
  fc.constant<Call>((p) => p.refresh()),
  smallUrl.map(
    (u): Call =>
      (p) =>
        p.location(u),
  ),
];

export const smallOp: fc.Arbitrary<Call> = fc.oneof(
  fc.tuple(smallName, smallParams, smallAfter, smallTarget).map(
    ([n, pa, af, ta]): Call =>
      (p) =>
        p.trigger(n, pa, { ...(af ? { after: af } : {}), ...(ta ? { target: ta } : {}) }),
  ),
  ...navigationCalls,
  fc.constantFrom("innerHTML", "outerHTML swap:1s").map(
    (s): Call =>
      (p) =>
        p.reswap(s),
  ),
  fc.constantFrom("#r1", "#r2").map(
    (s): Call =>
      (p) =>
        p.retarget(s),
  ),
  fc.constantFrom(200, 201, 204, 422).map(
    (s): Call =>
      (p) =>
        p.status(s),
  ),
  fc.subarray(["Accept", "accept", "Cookie", "HX-Request"]).map(
    (v): Call =>
      (p) =>
        p.vary(...v),
  ),
);

export function buildSmall(version: 2 | 4, ops: Call[]): Hx {
  let p = hx({ htmx: version });
  for (const o of ops) {
    try {
      p = o(p);
    } catch {
      // skip ops that are invalid in this combination
    }
  }
  return p;
}

export const smallPlan = (v: 2 | 4) => fc.array(smallOp, { maxLength: 6 }).map((ops) => buildSmall(v, ops));

// Untargeted events only: with targets, merge/trigger follow hidden call order while applyTo follows
// the header's text order (see "call order and targeted events" in test/trigger.test.ts).
export const untargetedOp: fc.Arbitrary<Call> = fc.oneof(
  fc.tuple(smallName, smallParams, smallAfter).map(
    ([n, pa, af]): Call =>
      (p) =>
        p.trigger(n, pa, af ? { after: af } : {}),
  ),
  ...navigationCalls,
  fc.constantFrom("#r1", "#r2").map(
    (s): Call =>
      (p) =>
        p.retarget(s),
  ),
  fc.subarray(["Accept", "accept", "Cookie", "HX-Request"]).map(
    (v): Call =>
      (p) =>
        p.vary(...v),
  ),
);
