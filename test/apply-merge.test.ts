// What applyTo merges from a target is checked like the plan's own values (every header it
// writes is printable ASCII), and merging costs time linear in what the target holds.
import { hx } from "hxplan";
import { describe, expect, it } from "vitest";
import { errorOf } from "./errors.js";

const PRINTABLE = /^[\x20-\x7e]*$/;

describe("merged values", () => {
  it.each([
    ["a non-ASCII name", "Accept\u00e9", 6],
    ["a tab inside a name", "A\tB", 1],
    ["CR/LF", "Accept\r\nX-Evil: 1", 6],
    ["a space inside a name", "Accept Encoding", 6],
    ["a quote", 'Accept"', 6],
  ])("an existing Vary with %s is invalid_existing_header, naming the character", (_, vary, index) => {
    for (const target of [{ Vary: vary }, { vary: ["Accept", vary] }]) {
      const error = errorOf(() => hx().vary("HX-Request").applyTo(target));
      expect(error.code).toBe("invalid_existing_header");
      expect(error.header).toBe("Vary");
      expect(error.message).toContain(`index ${index}`);
    }
  });

  it("checks Access-Control-Expose-Headers the same way, on every target kind", () => {
    const plan = hx().trigger("a").exposeHeaders();
    expect(errorOf(() => plan.applyTo({ "Access-Control-Expose-Headers": "X-\u00e9" })).code).toBe(
      "invalid_existing_header",
    );
    const res = { headers: {} as Record<string, unknown> };
    const node = {
      setHeader: (n: string, v: unknown) => {
        res.headers[n.toLowerCase()] = v;
      },
      getHeader: (n: string) => res.headers[n.toLowerCase()] as string | undefined,
      removeHeader: (n: string) => {
        delete res.headers[n.toLowerCase()];
      },
    };
    node.setHeader("Access-Control-Expose-Headers", "X-A\tB");
    expect(errorOf(() => plan.applyTo(node)).code).toBe("invalid_existing_header");
    expect(res.headers).toEqual({ "access-control-expose-headers": "X-A\tB" });
  });

  it("keeps tokens, `*`, spaces and tabs around names and empty elements as HTTP lists allow", () => {
    expect(hx().vary("X").applyTo({ Vary: " Accept ,\tOrigin,, " }).Vary).toBe("Accept, Origin, X");
    expect(hx().vary("X").applyTo({ Vary: "Accept, *" }).Vary).toBe("*");
    expect(hx().vary("X").applyTo({ Vary: 5 }).Vary).toBe("5, X");
  });

  it.each([
    ["null", null],
    ["an object", { toString: () => "Accept" }],
    ["a boolean", true],
    ["an array with a number", ["a", 1]],
    ["a function", () => "a"],
  ])("an existing value that is %s is invalid_existing_header, nothing written", (_, value) => {
    for (const name of ["HX-Trigger", "Vary"]) {
      const record: Record<string, unknown> = { [name]: value, "HX-Retarget": "#old" };
      const error = errorOf(() =>
        hx()
          .trigger("a")
          .vary("X")
          .retarget("#new")
          .applyTo(record as never),
      );
      expect(error.code).toBe("invalid_existing_header");
      expect(error.header).toBe(name);
      expect(record).toEqual({ [name]: value, "HX-Retarget": "#old" });
    }
  });

  it("writes an existing HX-Trigger back as printable ASCII, compact, details as written", () => {
    const existing =
      '{ "caf\u00e9" : { "n" : 1e400, "s" : "a \u2028 b", "big": 12345678901234567890 } ,\n "x":[ 1 , 2 ] }';
    const out = hx().trigger("y").applyTo({ "HX-Trigger": existing })["HX-Trigger"] as string;
    expect(out).toMatch(PRINTABLE);
    expect(out).toBe(
      '{"caf\\u00e9":{"n":1e400,"s":"a \\u2028 b","big":12345678901234567890},"x":[1,2],"y":{}}',
    );
    expect(JSON.parse(out)).toEqual({ ...JSON.parse(existing), y: {} });
  });

  it("an existing event with a target (even spelled with escapes) stays after the untargeted ones", () => {
    const existing = '{"t":{"t\\u0061rget":"#a"},"u":{}}';
    expect(hx().trigger("v").applyTo({ "HX-Trigger": existing })["HX-Trigger"]).toBe(
      '{"u":{},"v":{},"t":{"t\\u0061rget":"#a"}}',
    );
  });

  it("refuses JSON that is not an object, and a comma list with JSON punctuation", () => {
    for (const value of ["[1,2]", '{"a":1', "a, {", '{"a":{}} x', '"a"']) {
      expect(errorOf(() => hx().trigger("b").applyTo({ "HX-Trigger": value })).code).toBe(
        "invalid_existing_header",
      );
    }
  });
});

describe("merge size and time", () => {
  const wide = (events: number) =>
    `{${Array.from({ length: events }, (_, i) => `"event-${i}":{"id":${i},"text":"row ${i}"}`).join(",")}}`;
  // CPU time of this process, so time the scheduler gives to other processes is not counted.
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const time = (value: string) => {
    const plan = hx({ maxHeaderBytes: Number.POSITIVE_INFINITY })
      .trigger("event-7", { id: -1 })
      .trigger("new");
    const t0 = cpuMs();
    const out = plan.applyTo({ "HX-Trigger": value })["HX-Trigger"] as string;
    return { ms: cpuMs() - t0, out };
  };

  it("merges an existing HX-Trigger of 1 MB in time linear in its size", () => {
    const small = wide(2_500); // about 100 KB
    const large = wide(25_000); // about 1 MB
    expect(large.length).toBeGreaterThan(1_000_000);
    time(small); // warm up
    const best = (value: string) => Math.min(...Array.from({ length: 5 }, () => time(value).ms));
    const ratio = best(large) / Math.max(best(small), 0.5);
    // Ten times the size: linear gives about 10, quadratic about 100.
    expect(ratio, `1 MB took ${ratio.toFixed(1)}× the time of 100 KB`).toBeLessThan(30);
    const { ms, out } = time(large);
    expect(ms).toBeLessThan(1000);
    const events = JSON.parse(out);
    expect(Object.keys(events)).toHaveLength(25_001);
    expect(events["event-7"]).toEqual({ id: -1 });
    expect(Object.keys(events).at(-1)).toBe("new");
  });

  it("many repeats of one name, and a long comma list, stay linear too", () => {
    const repeats = `{${Array.from({ length: 50_000 }, (_, i) => `"same":{"i":${i}}`).join(",")}}`;
    const t0 = performance.now();
    const out = hx({ maxHeaderBytes: Number.POSITIVE_INFINITY })
      .trigger("x")
      .applyTo({ "HX-Trigger": repeats })["HX-Trigger"];
    expect(out).toBe('{"same":{"i":49999},"x":{}}');
    const list = Array.from({ length: 100_000 }, (_, i) => `e${i % 1000}`).join(", ");
    const list2 = hx({ maxHeaderBytes: Number.POSITIVE_INFINITY })
      .trigger("x")
      .applyTo({ "HX-Trigger": list })["HX-Trigger"] as string;
    expect(Object.keys(JSON.parse(list2))).toHaveLength(1001);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it("refuses an existing HX-Trigger over maxHeaderBytes before parsing it, quickly", () => {
    const large = `${wide(25_000).slice(0, -1)},`; // 1 MB, and not even valid JSON
    const t0 = performance.now();
    const error = errorOf(() => hx().trigger("a").applyTo({ "HX-Trigger": large }));
    expect(performance.now() - t0).toBeLessThan(50);
    expect(error.code).toBe("header_too_large");
    expect(error.header).toBe("HX-Trigger");
    // Just under the limit it is parsed (and refused as the bad JSON it is).
    expect(
      errorOf(() =>
        hx({ maxHeaderBytes: large.length + 20 })
          .trigger("a")
          .applyTo({ "HX-Trigger": large }),
      ).code,
    ).toBe("invalid_existing_header");
  });

  it("no nesting depth throws anything but an HxError", () => {
    for (const depth of [10, 5_000, 200_000]) {
      const deep = `{"a":${"[".repeat(depth)}${"]".repeat(depth)},"b":${'{"c":'.repeat(depth)}1${"}".repeat(depth)}}`;
      const out = hx({ maxHeaderBytes: Number.POSITIVE_INFINITY })
        .trigger("z")
        .applyTo({ "HX-Trigger": deep })["HX-Trigger"] as string;
      expect(out.length).toBe(deep.length + 7);
      expect(
        errorOf(() =>
          hx()
            .trigger("z")
            .applyTo({ "HX-Trigger": `${deep.slice(0, -1)}` }),
        ).code,
      ).toMatch(/^(header_too_large|invalid_existing_header)$/);
    }
  });
});
