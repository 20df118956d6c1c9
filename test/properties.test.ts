// The laws of hxplan, checked with fast-check.
import { validateHeaderValue } from "node:http";
import fc from "fast-check";
import { type Hx, hx, isHxError } from "hxplan";
import { describe, expect, it } from "vitest";
import { build, op, plan, version } from "./arbitraries.js";

const PRINTABLE = /^[\x20-\x7e]*$/;
const HEADER_OF = {
  receive: "HX-Trigger",
  swap: "HX-Trigger-After-Swap",
  settle: "HX-Trigger-After-Settle",
} as const;

function keysInOrder(json: string): string[] {
  // JSON.parse reorders integer-like keys; the model's names avoid them, so Object.keys is exact.
  return Object.keys(JSON.parse(json));
}

describe("law 1: trigger calls equal a Map model", () => {
  const name = fc.constantFrom("saved", "toast", "Grüße 👋", "__proto__", "constructor", "a,b", "x:y");
  const params = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.integer(),
    fc.string(),
    fc.array(fc.integer(), { maxLength: 3 }),
    fc.dictionary(
      fc.string({ maxLength: 4 }).filter((k) => k !== "target" && k !== "elt"),
      fc.string(),
      { maxKeys: 3 },
    ),
  );
  const timing = fc.constantFrom("receive", "swap", "settle") as fc.Arbitrary<"receive" | "swap" | "settle">;

  it.each([2, 4] as const)("htmx %i: per timing, later params win and the first position is kept", (v) => {
    fc.assert(
      fc.property(fc.array(fc.tuple(name, params, timing), { maxLength: 12 }), (calls) => {
        let p = hx({ htmx: v });
        const model = new Map<string, Map<string, unknown>>();
        for (const [n, prm, t] of calls) {
          p = p.trigger(n, prm, { after: t });
          const header = v === 4 ? "HX-Trigger" : HEADER_OF[t];
          const events = model.get(header) ?? new Map<string, unknown>();
          const detail =
            prm === undefined
              ? {}
              : typeof prm === "object" && prm !== null && !Array.isArray(prm)
                ? prm
                : { value: prm };
          events.set(n, detail);
          model.set(header, events);
        }
        const headers = p.toHeaders();
        const expectedNames = [...model.keys()].sort();
        expect(Object.keys(headers).sort()).toEqual(expectedNames);
        for (const [header, events] of model) {
          const actual = headers[header]!;
          expect(keysInOrder(actual)).toEqual([...events.keys()]);
          const parsed = JSON.parse(actual);
          for (const [n, detail] of events) expect(parsed[n]).toEqual(detail);
        }
      }),
    );
  });
});

describe("law 2: every emitted value is printable ASCII, and JSON round-trips exactly", () => {
  const anyString = fc.oneof(
    fc.string({ unit: "binary", maxLength: 12 }),
    fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 8 }),
  );

  function checkValues(p: Hx): void {
    for (const [name, value] of Object.entries(p.toHeaders())) {
      expect(value, name).toMatch(PRINTABLE);
      // Neither Node nor Fetch may reject what hxplan emits.
      validateHeaderValue(name, value);
      new Headers().set(name, value);
    }
  }

  function attempt(fn: () => Hx): Hx | undefined {
    try {
      return fn();
    } catch (error) {
      expect(isHxError(error), String(error)).toBe(true);
      return undefined;
    }
  }

  it("trigger names and string params", () => {
    fc.assert(
      fc.property(version, anyString, anyString, anyString, (v, n, key, text) => {
        const p = attempt(() => hx({ htmx: v }).trigger(n, { [key]: text, list: [text] }));
        if (p === undefined) return;
        checkValues(p);
        const parsed = JSON.parse(p.toHeaders()["HX-Trigger"]!);
        expect(Object.keys(parsed)).toEqual([n]);
        expect(parsed[n][key]).toBe(text);
        expect(parsed[n].list).toEqual([text]);
      }),
      { numRuns: 300 },
    );
  });

  it("every other string input", () => {
    fc.assert(
      fc.property(version, anyString, (v, s) => {
        const base = hx({ htmx: v });
        const calls: Array<() => Hx> = [
          () => base.pushUrl(s),
          () => base.replaceUrl(`/${s}`),
          () => base.redirect(s),
          () => base.location(`/${s}`),
          () => base.location("/x", { target: s, values: { s }, headers: { "X-A": s } }),
          () => base.reswap(s),
          () => base.reswap("outerHTML", { scroll: "top", scrollTarget: s }),
          () => base.retarget(s),
          () => base.reselect(s),
          () => base.trigger("e", { s }, { target: s }),
          () => base.vary(s),
        ];
        for (const call of calls) {
          const p = attempt(call);
          if (p !== undefined) checkValues(p);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("law 3: a method never changes its receiver", () => {
  it("holds under random method sequences", () => {
    fc.assert(
      fc.property(
        version,
        fc.array(op, { maxLength: 10 }),
        fc.array(op, { minLength: 1, maxLength: 4 }),
        (v, ops, more) => {
          const receiver = build(v, ops);
          const before = JSON.stringify(receiver);
          const headersBefore = receiver.toHeaders();
          for (const o of more) {
            try {
              o.run(receiver);
            } catch {
              // refusing is fine; changing the receiver is not
            }
            expect(JSON.stringify(receiver)).toBe(before);
          }
          expect(receiver.toHeaders()).toBe(headersBefore);
          expect(Object.isFrozen(receiver.toHeaders())).toBe(true);
        },
      ),
    );
  });
});

describe("law 4: applyTo is atomic", () => {
  const existingTrigger = fc.constantFrom(undefined, '{"a":{}}', "a, b", "{not json", "[1]", [
    "x",
    '{"y":1}',
  ]);
  const status = fc.constantFrom(200, 204, 302, 422);

  function nodeLike(headers: Record<string, string | string[]>, statusCode: number, headersSent: boolean) {
    const store = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v] as const));
    return {
      statusCode,
      headersSent,
      setHeader(name: string, value: string | number | readonly string[]) {
        validateHeaderValue(name, value as string);
        store.set(name.toLowerCase(), value as string);
        return this;
      },
      getHeader: (name: string) => store.get(name.toLowerCase()),
      removeHeader: (name: string) => void store.delete(name.toLowerCase()),
      snapshot: () => JSON.stringify([...store]),
    };
  }

  it("leaves the target unchanged when it throws (node, Headers, record)", () => {
    let refused = 0;
    fc.assert(
      fc.property(plan, existingTrigger, status, fc.boolean(), (p, trig, code, sent) => {
        const initial: Record<string, string | string[]> = { Vary: "Accept", "HX-Redirect": "/old" };
        if (trig !== undefined) initial["hx-trigger"] = trig;
        // node-like
        const res = nodeLike(initial, code, sent);
        const before = res.snapshot();
        try {
          p.applyTo(res);
        } catch (error) {
          refused++;
          expect(isHxError(error)).toBe(true);
          expect(res.snapshot()).toBe(before);
          expect(res.statusCode).toBe(code);
        }
        // plain record
        const record = structuredClone(initial);
        try {
          p.applyTo(record);
        } catch (error) {
          expect(isHxError(error)).toBe(true);
          expect(record).toEqual(initial);
        }
        // Fetch Headers (string[] joins as the runtime would)
        const headers = new Headers();
        for (const [k, v] of Object.entries(initial)) for (const line of [v].flat()) headers.append(k, line);
        const fetchBefore = [...headers];
        try {
          p.applyTo(headers);
        } catch (error) {
          expect(isHxError(error)).toBe(true);
          expect([...headers]).toEqual(fetchBefore);
        }
      }),
      { numRuns: 300 },
    );
    // The generators must reach the refusals, or this law checks nothing.
    expect(refused).toBeGreaterThan(20);
  });
});

describe("law 5: merge is associative", () => {
  function outcome(fn: () => Hx): { json?: unknown; error?: string } {
    try {
      return { json: fn().toJSON() };
    } catch (error) {
      if (!isHxError(error)) throw error;
      return { error: error.code };
    }
  }

  // Each merge checks the plan it produces, so a grouping can refuse a transient combination
  // that the other grouping never builds (status(204) merged with an after-swap event, then a
  // status(200) that would have replaced it). Such refusals are conflicts, never other errors;
  // whenever both groupings succeed they are equal.
  it.each([2, 4] as const)("htmx %i: a.merge(b).merge(c) equals a.merge(b.merge(c))", (v) => {
    const p = fc.array(op, { maxLength: 6 }).map((ops) => build(v, ops));
    let compared = 0;
    fc.assert(
      fc.property(p, p, p, (a, b, c) => {
        const left = outcome(() => a.merge(b).merge(c));
        const right = outcome(() => a.merge(b.merge(c)));
        if (left.error === undefined && right.error === undefined) {
          compared++;
          expect(left.json).toEqual(right.json);
        } else if (left.error !== right.error) {
          for (const code of [left.error, right.error]) {
            if (code !== undefined)
              expect(["invalid_option", "status_conflict", "header_too_large"]).toContain(code);
          }
        }
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(200);
  });
});
