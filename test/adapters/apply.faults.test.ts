// applyTo is transactional: a fault injected at every position where hxplan reads or writes
// the target (every call of every target kind, real Node responses and frameworks included)
// leaves the whole target (all headers and the status) exactly as it was, with `target_failed`
// (or `headers_sent` for an immutable Headers and a response sent part-way) and the target's
// error as the cause; without a fault, the target ends as the plan merged into it.

import { IncomingMessage, OutgoingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import fc from "fast-check";
import Fastify from "fastify";
import { Hono } from "hono";
import { type Hx, hx, isHxError } from "hxplan";
import { fastifyReply } from "hxplan/fastify";
import { honoContext } from "hxplan/hono";
import { koaResponse } from "hxplan/koa";
import Koa from "koa";
import { describe, expect, it } from "vitest";
import { plan as anyPlan } from "../support/arbitraries.js";
import { errorOf } from "../support/errors.js";

/** Throws at the n-th call it sees (counting from 0), once; counts every call. */
class Fault {
  count = 0;
  fired: Error | undefined;
  constructor(public n: number) {}
  tick(what: string): void {
    if (this.count++ === this.n) {
      this.fired = new Error(`fault ${this.n} at ${what}`);
      throw this.fired;
    }
  }
}

/** What one faulted run gives. */
interface Run {
  before: unknown;
  after: unknown;
  error: unknown;
  fired: Error | undefined;
  count: number;
}

/** A plan's outcome on a target kind, for a fault at position `n` (Infinity: no fault). */
type Runner = (plan: Hx, n: number) => Run | Promise<Run>;

/**
 * Injects a fault at every position, 0, 1, 2, … until a run completes without reaching it, and
 * checks each run: a fault leaves the target as it was, with an HxError whose cause is the
 * fault; no fault gives what an unfaulted run gives. Returns the number of positions tried.
 */
async function everyPosition(run: Runner, plan: Hx, codes: readonly string[] = ["target_failed"]) {
  const clean = await run(plan, Number.POSITIVE_INFINITY);
  if (clean.error !== undefined) throw clean.error;
  for (let n = 0; ; n++) {
    const got = await run(plan, n);
    if (got.fired === undefined) {
      expect(got.error).toBeUndefined();
      expect(got.after).toEqual(clean.after);
      expect(got.count).toBe(clean.count);
      return n;
    }
    expect(isHxError(got.error), `position ${n}: ${String(got.error)}`).toBe(true);
    const error = got.error as { code: string; cause: unknown };
    expect(codes, `position ${n} (${got.fired.message})`).toContain(error.code);
    expect(error.cause, `position ${n}`).toBe(got.fired);
    expect(got.after, `position ${n} (${got.fired.message}) left the target changed`).toEqual(got.before);
  }
}

// What the targets already hold: an event list, a group member the plans replace, list headers
// and an unrelated header.
const EXISTING: Readonly<Record<string, string>> = {
  "hx-trigger": 'first, {"second":{"n":1}}',
  "HX-Redirect": "/old",
  "HX-Replace-Url": "/old",
  Vary: "Accept",
  "X-Other": "kept",
};

const PLANS: ReadonlyArray<readonly [string, () => Hx]> = [
  [
    "a plan that merges, replaces, removes and sets the status",
    () =>
      hx()
        .trigger("second", { n: 2 })
        .trigger("third", { x: [1] })
        .location("/new")
        .pushUrl("/items/1")
        .retarget("#row")
        .vary("HX-Request")
        .status(201),
  ],
  ["a plan that only adds", () => hx().trigger("saved", undefined, { after: "swap" }).reswap("outerHTML")],
];

// --- Node response-likes -------------------------------------------------------------------

/** A minimal Node response: a Map of lower-cased names, every method counted. */
class MockResponse {
  headers = new Map<string, [string, unknown]>();
  #status = 200;
  constructor(
    readonly fault: Fault,
    readonly sentAfter = Number.POSITIVE_INFINITY,
  ) {}
  #writes = 0;
  get headersSent(): boolean {
    this.fault.tick("headersSent");
    return this.#writes >= this.sentAfter;
  }
  get statusCode(): number {
    this.fault.tick("get statusCode");
    return this.#status;
  }
  set statusCode(code: number) {
    this.fault.tick("set statusCode");
    this.#status = code;
  }
  setHeader(name: string, value: unknown): this {
    this.fault.tick(`setHeader ${name}`);
    this.#writes++;
    this.headers.set(name.toLowerCase(), [name, value]);
    return this;
  }
  getHeader(name: string): string | number | readonly string[] | undefined {
    this.fault.tick(`getHeader ${name}`);
    return this.headers.get(name.toLowerCase())?.[1] as string | undefined;
  }
  removeHeader(name: string): void {
    this.fault.tick(`removeHeader ${name}`);
    this.#writes++;
    this.headers.delete(name.toLowerCase());
  }
  getHeaderNames(): string[] {
    this.fault.tick("getHeaderNames");
    return [...this.headers.keys()];
  }
  snapshot(): unknown {
    return {
      status: this.#status,
      headers: Object.fromEntries([...this.headers].map(([k, [, v]]) => [k, v])),
    };
  }
}

function runMock(plan: Hx, n: number): Run {
  const fault = new Fault(-1);
  const res = new MockResponse(fault);
  for (const [name, value] of Object.entries(EXISTING)) res.setHeader(name, value);
  const before = res.snapshot();
  fault.count = 0;
  fault.n = n;
  let error: unknown;
  try {
    plan.applyTo(res);
  } catch (e) {
    error = e;
  }
  return { before, after: res.snapshot(), error, fired: fault.fired, count: fault.count };
}

const request = new IncomingMessage(new Socket());
request.method = "GET";

/** A real node:http ServerResponse whose methods and accessors count calls. */
function faultyServerResponse(fault: Fault): ServerResponse {
  const res = new ServerResponse(request);
  for (const name of ["setHeader", "getHeader", "removeHeader", "getHeaderNames"] as const) {
    const original = ServerResponse.prototype[name] as (...args: unknown[]) => unknown;
    Object.defineProperty(res, name, {
      value(this: ServerResponse, ...args: unknown[]) {
        fault.tick(`${name} ${String(args[0] ?? "")}`);
        return original.apply(this, args);
      },
    });
  }
  let status = res.statusCode;
  Object.defineProperty(res, "statusCode", {
    get: () => {
      fault.tick("get statusCode");
      return status;
    },
    set: (code: number) => {
      fault.tick("set statusCode");
      status = code;
    },
  });
  const sent = Object.getOwnPropertyDescriptor(OutgoingMessage.prototype, "headersSent")!.get!;
  Object.defineProperty(res, "headersSent", {
    get() {
      fault.tick("headersSent");
      return sent.call(res);
    },
  });
  return res;
}

function runServerResponse(plan: Hx, n: number): Run {
  const fault = new Fault(-1);
  const res = faultyServerResponse(fault);
  for (const [name, value] of Object.entries(EXISTING)) res.setHeader(name, value);
  const snapshot = () => ({ status: res.statusCode, headers: { ...res.getHeaders() } });
  const before = snapshot();
  fault.count = 0;
  fault.n = n;
  let error: unknown;
  try {
    plan.applyTo(res);
  } catch (e) {
    error = e;
  }
  const { count, fired } = fault;
  fault.n = -1;
  return { before, after: snapshot(), error, fired, count };
}

// --- Fetch -----------------------------------------------------------------------------------

/** A real Headers whose methods count calls. */
function faultyHeaders(headers: Headers, fault: Fault): Headers {
  for (const name of ["get", "set", "delete", "has", "append", "keys", "entries", "forEach"] as const) {
    const original = Headers.prototype[name] as (...args: unknown[]) => unknown;
    Object.defineProperty(headers, name, {
      value(...args: unknown[]) {
        fault.tick(`${name} ${String(args[0] ?? "")}`);
        return original.apply(headers, args);
      },
    });
  }
  return headers;
}

const entriesOf = (headers: Headers) => [...Headers.prototype.entries.call(headers)];

function runHeaders(plan: Hx, n: number): Run {
  const fault = new Fault(n);
  const headers = new Headers(EXISTING);
  const before = entriesOf(headers);
  let error: unknown;
  try {
    plan.status(200).applyTo(faultyHeaders(headers, fault));
  } catch (e) {
    error = e;
  }
  return { before, after: entriesOf(headers), error, fired: fault.fired, count: fault.count };
}

function runResponse(plan: Hx, n: number): Run {
  const fault = new Fault(n);
  const response = new Response(null, { status: 200, headers: EXISTING });
  faultyHeaders(response.headers, fault);
  const before = entriesOf(response.headers);
  let error: unknown;
  try {
    plan.status(200).applyTo(response);
  } catch (e) {
    error = e;
  }
  return { before, after: entriesOf(response.headers), error, fired: fault.fired, count: fault.count };
}

// --- Records ---------------------------------------------------------------------------------

/** A header record behind a Proxy whose every trap counts. */
function runRecordProxy(plan: Hx, n: number): Run {
  const fault = new Fault(n);
  const record: Record<string, unknown> = { ...EXISTING };
  const traps: ProxyHandler<Record<string, unknown>> = {};
  for (const trap of [
    "get",
    "set",
    "has",
    "deleteProperty",
    "ownKeys",
    "getOwnPropertyDescriptor",
    "defineProperty",
    "isExtensible",
    "preventExtensions",
    "getPrototypeOf",
  ] as const) {
    (traps as Record<string, unknown>)[trap] = (...args: unknown[]) => {
      fault.tick(`${trap} ${String(args[1] ?? "")}`);
      return (Reflect[trap] as (...a: unknown[]) => unknown)(...args);
    };
  }
  const before = { ...record };
  let error: unknown;
  try {
    plan.applyTo(new Proxy(record, traps) as Record<string, string>);
  } catch (e) {
    error = e;
  }
  return { before, after: { ...record }, error, fired: fault.fired, count: fault.count };
}

describe("applyTo under a fault at every position", () => {
  for (const [label, plan] of PLANS) {
    describe(label, () => {
      it("a Node response-like mock", async () => {
        expect(await everyPosition(runMock, plan())).toBeGreaterThan(5);
      });

      it("a real node:http ServerResponse", async () => {
        expect(await everyPosition(runServerResponse, plan())).toBeGreaterThan(5);
      });

      it("a Fetch Headers (its first change failing is headers_sent, as for an immutable one)", async () => {
        expect(
          await everyPosition(runHeaders, plan().status(200), ["target_failed", "headers_sent"]),
        ).toBeGreaterThan(5);
      });

      it("a Fetch Response", async () => {
        expect(
          await everyPosition(runResponse, plan().status(200), ["target_failed", "headers_sent"]),
        ).toBeGreaterThan(5);
      });

      it("a header record behind a Proxy", async () => {
        expect(await everyPosition(runRecordProxy, plan().status(200))).toBeGreaterThan(5);
      });

      it("Koa 3: koaResponse(ctx) on a real context", async () => {
        const app = new Koa();
        const run: Runner = (p, n) => {
          const fault = new Fault(-1);
          const ctx = app.createContext(request, new ServerResponse(request));
          for (const [name, value] of Object.entries(EXISTING)) ctx.set(name, value);
          const response = ctx.response as unknown as Record<string, unknown>;
          for (const name of ["get", "set", "remove"] as const) {
            const original = response[name] as (...args: unknown[]) => unknown;
            response[name] = (...args: unknown[]) => {
              fault.tick(`${name} ${String(args[0])}`);
              return original.apply(response, args);
            };
          }
          let proto = Object.getPrototypeOf(response);
          while (!Object.getOwnPropertyDescriptor(proto, "status")) proto = Object.getPrototypeOf(proto);
          const status = Object.getOwnPropertyDescriptor(proto, "status")!;
          Object.defineProperty(response, "status", {
            get: () => {
              fault.tick("get status");
              return status.get!.call(response);
            },
            set: (code: number) => {
              fault.tick("set status");
              status.set!.call(response, code);
            },
          });
          const snapshot = () => ({ status: ctx.res.statusCode, headers: { ...ctx.res.getHeaders() } });
          const before = snapshot();
          fault.n = n;
          let error: unknown;
          try {
            p.applyTo(koaResponse(ctx));
          } catch (e) {
            error = e;
          }
          return { before, after: snapshot(), error, fired: fault.fired, count: fault.count };
        };
        expect(await everyPosition(run, plan())).toBeGreaterThan(5);
      });

      it("Fastify 5: fastifyReply(reply) in a real handler", async () => {
        const app = Fastify();
        let result: Run | undefined;
        let current: { plan: Hx; n: number } = { plan: plan(), n: 0 };
        app.get("/", async (_request, reply) => {
          const fault = new Fault(-1);
          for (const [name, value] of Object.entries(EXISTING)) reply.header(name, value);
          const r = reply as unknown as Record<string, unknown>;
          const originals: Record<string, unknown> = {};
          for (const name of ["header", "getHeader", "removeHeader", "code"] as const) {
            const original = r[name] as (...args: unknown[]) => unknown;
            originals[name] = original;
            r[name] = (...args: unknown[]) => {
              fault.tick(`${name} ${String(args[0])}`);
              return original.apply(reply, args);
            };
          }
          const snapshot = () => ({ status: reply.statusCode, headers: { ...reply.getHeaders() } });
          const before = snapshot();
          fault.n = current.n;
          let error: unknown;
          try {
            current.plan.applyTo(fastifyReply(reply));
          } catch (e) {
            error = e;
          }
          fault.n = -1;
          result = { before, after: snapshot(), error, fired: fault.fired, count: fault.count };
          Object.assign(r, originals);
          return "ok";
        });
        const run: Runner = async (p, n) => {
          current = { plan: p, n };
          await app.inject({ method: "GET", url: "/" });
          return result!;
        };
        expect(await everyPosition(run, plan())).toBeGreaterThan(3);
        await app.close();
      });

      it("Hono 4: honoContext(c) in a real handler, compared on the finished response", async () => {
        let current: { plan: Hx | undefined; n: number } = { plan: undefined, n: 0 };
        let seen: Pick<Run, "error" | "fired" | "count"> = { error: undefined, fired: undefined, count: 0 };
        const app = new Hono();
        app.get("/", (c) => {
          for (const [name, value] of Object.entries(EXISTING)) c.header(name, value);
          const fault = new Fault(current.n);
          const context = c as unknown as Record<string, unknown>;
          for (const name of ["header", "status"] as const) {
            const original = context[name] as (...args: unknown[]) => unknown;
            context[name] = (...args: unknown[]) => {
              fault.tick(`${name} ${String(args[0])}`);
              return original(...args);
            };
          }
          const headers = c.res.headers;
          const get = headers.get;
          headers.get = (name: string) => {
            fault.tick(`get ${name}`);
            return get.call(headers, name);
          };
          let error: unknown;
          try {
            current.plan?.applyTo(honoContext(c));
          } catch (e) {
            error = e;
          }
          fault.n = -1;
          seen = { error, fired: fault.fired, count: fault.count };
          return c.html("<p>ok</p>");
        });
        const finished = async () => {
          const response = await app.request("/");
          return { status: response.status, headers: [...response.headers] };
        };
        current = { plan: undefined, n: -1 };
        const untouched = await finished();
        const run: Runner = async (p, n) => {
          current = { plan: p, n };
          const after = await finished();
          return { before: untouched, after, ...seen };
        };
        expect(await everyPosition(run, plan())).toBeGreaterThan(3);
      });
    });
  }
});
describe("applyTo on records that refuse a change", () => {
  const plan = () => hx().trigger("a").retarget("#x");

  it("a sealed record: the merged HX-Trigger is put back, target_failed", () => {
    const record = Object.seal({ "HX-Trigger": "old" });
    const error = errorOf(() => plan().applyTo(record));
    expect(error.code).toBe("target_failed");
    expect(error.header).toBe("HX-Retarget");
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(record).toEqual({ "HX-Trigger": "old" });
  });

  it("a non-extensible record: only the writes it allows decide", () => {
    const record = Object.preventExtensions({ "HX-Trigger": "old", "HX-Retarget": "#old" });
    plan().applyTo(record);
    expect(record).toEqual({ "HX-Trigger": '{"old":{},"a":{}}', "HX-Retarget": "#x" });
    const other = Object.preventExtensions({ "HX-Trigger": "old" });
    expect(errorOf(() => plan().applyTo(other)).code).toBe("target_failed");
    expect(other).toEqual({ "HX-Trigger": "old" });
  });

  it("a getter-only key and a read-only key", () => {
    const record: Record<string, string> = { "HX-Trigger": "old" };
    Object.defineProperty(record, "HX-Retarget", { get: () => "#old", enumerable: true });
    expect(errorOf(() => plan().applyTo(record)).code).toBe("target_failed");
    expect({ ...record }).toEqual({ "HX-Trigger": "old", "HX-Retarget": "#old" });
    const readOnly: Record<string, string> = { "HX-Trigger": "old" };
    Object.defineProperty(readOnly, "HX-Retarget", { value: "#old", enumerable: true, writable: false });
    expect(errorOf(() => plan().applyTo(readOnly)).code).toBe("target_failed");
    expect({ ...readOnly }).toEqual({ "HX-Trigger": "old", "HX-Retarget": "#old" });
  });

  it("a key that cannot be deleted (another spelling of a header the plan writes)", () => {
    const record: Record<string, string> = { "HX-Trigger": "a", "hx-trigger": "b" };
    Object.defineProperty(record, "hx-trigger", { value: "b", enumerable: true, configurable: false });
    expect(errorOf(() => hx().trigger("c").applyTo(record)).code).toBe("target_failed");
    expect({ ...record }).toEqual({ "HX-Trigger": "a", "hx-trigger": "b" });
  });

  it("a frozen record is refused before anything (headers_sent), as before", () => {
    const record = Object.freeze({ "HX-Trigger": "old" });
    expect(errorOf(() => plan().applyTo(record)).code).toBe("headers_sent");
  });

  it("a throwing getter on an existing key is target_failed with nothing written", () => {
    const boom = new Error("getter");
    const record: Record<string, string> = { Vary: "Accept" };
    Object.defineProperty(record, "HX-Trigger", {
      get: () => {
        throw boom;
      },
      enumerable: true,
    });
    const error = errorOf(() => hx().trigger("a").vary("X").applyTo(record));
    expect(error.code).toBe("target_failed");
    expect(error.cause).toBe(boom);
    expect(record.Vary).toBe("Accept");
  });
});
describe("headers sent part-way", () => {
  it("a mock whose headers become sent after the second write: stop, headers_sent, nothing put back", () => {
    const res = new MockResponse(new Fault(-1), 2);
    const error = errorOf(() =>
      hx().trigger("a").retarget("#x").reswap("outerHTML").status(201).applyTo(res),
    );
    expect(error.code).toBe("headers_sent");
    // Two writes made (and sent); the third header and the status never written.
    expect(res.snapshot()).toEqual({
      status: 200,
      headers: { "hx-trigger": '{"a":{}}', "hx-retarget": "#x" },
    });
  });

  it("a real ServerResponse flushed by another path between two writes", () => {
    const res = new ServerResponse(request);
    const setHeader = res.setHeader;
    let calls = 0;
    res.setHeader = function (this: ServerResponse, ...args: Parameters<ServerResponse["setHeader"]>) {
      const out = setHeader.apply(this, args);
      if (++calls === 1) this.flushHeaders();
      return out;
    } as ServerResponse["setHeader"];
    const error = errorOf(() => hx().trigger("a").retarget("#x").applyTo(res));
    expect(error.code).toBe("headers_sent");
    expect(res.headersSent).toBe(true);
  });

  it("a real ServerResponse whose next setHeader throws because the headers went out", () => {
    const res = new ServerResponse(request);
    const setHeader = res.setHeader;
    let calls = 0;
    // The flush happens inside the second call, before it writes (as a hook might do).
    res.setHeader = function (this: ServerResponse, ...args: Parameters<ServerResponse["setHeader"]>) {
      if (++calls === 2) this.flushHeaders();
      return setHeader.apply(this, args);
    } as ServerResponse["setHeader"];
    const error = errorOf(() => hx().trigger("a").retarget("#x").applyTo(res));
    expect(error.code).toBe("headers_sent");
    expect((error.cause as { code?: string }).code).toBe("ERR_HTTP_HEADERS_SENT");
  });
});
describe("a target with setHeader is written through it", () => {
  it("without removeHeader (or getHeader) it is invalid_option, before any write", () => {
    const writes: unknown[] = [];
    const target = { setHeader: (...args: unknown[]) => writes.push(args), getHeader: () => undefined };
    const error = errorOf(() =>
      hx()
        .trigger("a")
        .applyTo(target as never),
    );
    expect(error.code).toBe("invalid_option");
    expect(error.message).toContain("removeHeader");
    expect(
      errorOf(() =>
        hx()
          .trigger("a")
          .applyTo({ setHeader() {} } as never),
      ).message,
    ).toMatch(/getHeader\(\) or removeHeader\(\)/);
    expect(writes).toEqual([]);
    expect(Object.keys(target)).toEqual(["setHeader", "getHeader"]);
  });

  it("a revoked Proxy as the target is target_failed", () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const error = errorOf(() =>
      hx()
        .trigger("a")
        .applyTo(proxy as never),
    );
    expect(error.code).toBe("target_failed");
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it("a throwing property read while telling the target's kind is target_failed", () => {
    const boom = new Error("read");
    const target = {
      get setHeader() {
        throw boom;
      },
    };
    const error = errorOf(() =>
      hx()
        .trigger("a")
        .applyTo(target as never),
    );
    expect(error.code).toBe("target_failed");
    expect(error.cause).toBe(boom);
  });
});
describe("the law, for random plans, existing headers and fault positions", () => {
  const existing = fc.dictionary(
    fc.constantFrom(
      "HX-Trigger",
      "hx-trigger-after-swap",
      "HX-Redirect",
      "HX-Push-Url",
      "Vary",
      "X-A",
      "HX-Retarget",
    ),
    fc.constantFrom("a, b", '{"a":{"n":1}}', "/x", "Accept", "v", "#old"),
    { maxKeys: 5 },
  );
  it("the target ends merged with no error, or exactly as it was with target_failed/headers_sent", () => {
    fc.assert(
      fc.property(
        anyPlan,
        existing,
        fc.nat(40),
        fc.constantFrom("mock", "headers", "record"),
        (plan, init, n, kind) => {
          const make = (fault: Fault) => {
            if (kind === "mock") {
              const res = new MockResponse(fault);
              fault.n = -1;
              for (const [name, value] of Object.entries(init)) res.setHeader(name, value);
              return { target: res as unknown as Record<string, string>, snapshot: () => res.snapshot() };
            }
            if (kind === "headers") {
              const headers = new Headers(init);
              return { target: faultyHeaders(headers, fault), snapshot: () => entriesOf(headers) };
            }
            const record: Record<string, string> = { ...init };
            const proxy = new Proxy(record, {
              set: (t, k, v) => {
                fault.tick("set");
                return Reflect.set(t, k, v);
              },
              deleteProperty: (t, k) => {
                fault.tick("delete");
                return Reflect.deleteProperty(t, k);
              },
            });
            return { target: proxy, snapshot: () => ({ ...record }) };
          };
          const reference = make(new Fault(-1));
          let expected: unknown;
          try {
            plan.applyTo(reference.target);
            expected = reference.snapshot();
          } catch (error) {
            // The plan is refused for this target whatever the fault: nothing to check here.
            expect(isHxError(error)).toBe(true);
            return;
          }
          const fault = new Fault(-1);
          const { target, snapshot } = make(fault);
          const before = snapshot();
          fault.count = 0;
          fault.n = n;
          let error: unknown;
          try {
            plan.applyTo(target);
          } catch (e) {
            error = e;
          }
          fault.n = -1;
          if (fault.fired === undefined) {
            expect(error).toBeUndefined();
            expect(snapshot()).toEqual(expected);
          } else {
            expect(["target_failed", "headers_sent"]).toContain((error as { code?: string }).code);
            expect(snapshot()).toEqual(before);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
