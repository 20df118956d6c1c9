// The micro-benchmark scenarios of issue 6. Each scenario has the hand-written code (the
// limit), hxplan, and @quilted/htmx where that package can do the same work. Every contender
// of a scenario must produce the same headers: `check()` in run.js compares them before timing.
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { setHTMXResponseHeaders } from "@quilted/htmx";
import { hx } from "../dist/index.js";

// One request object for every fresh response; ServerResponse reads only its method and version.
const req = new IncomingMessage(new Socket());
req.method = "GET";
req.httpVersionMajor = 1;
req.httpVersionMinor = 1;

/** A fresh `http.ServerResponse`, as a request handler gets one. */
export function freshResponse() {
  return new ServerResponse(req);
}

// Per-request data: a changing id, so nothing can be cached across iterations.
let counter = 0;
const nextId = () => {
  counter = (counter + 1) & 1023;
  return counter;
};

const MSG = "Item saved";
const MSG_INTL = "Gespeichert: Grüße, 日本 👋";
const BODY = "<tr><td>saved</td></tr>";
const HTML = "text/html; charset=utf-8";

// @quilted/htmx writes through `headers.set` only; this shim lets it write a ServerResponse.
const nodeShim = (res) => ({ set: (name, value) => res.setHeader(name, value) });

// Hand-written ASCII-safe JSON: what a careful developer writes so that non-ASCII params survive
// Node's header checks and reach the browser intact.
const NON_ASCII = /[\u007f-\uffff]/g;
const escapeChar = (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
const asciiJson = (value) => JSON.stringify(value).replace(NON_ASCII, escapeChar);

// Built once at module scope and applied per request.
const STATIC_PLAN = hx().trigger("listChanged").retarget("#list").reswap("innerHTML");
const STATIC_PEER = { trigger: { listChanged: {} }, target: "#list", swap: "innerHTML" };

const dynamicPlan = (id) =>
  hx()
    .trigger("saved", { id, msg: MSG })
    .retarget(`#row-${id}`)
    .reswap("outerHTML", { swap: 100 })
    .pushUrl(`/items/${id}`);

const dynamicPeer = (id) => ({
  trigger: { saved: { id, msg: MSG } },
  target: `#row-${id}`,
  // @quilted/htmx types `swap` as a bare style; at run time it passes any string through.
  swap: "outerHTML swap:100ms",
  pushURL: `/items/${id}`,
});

/** Header names and values of a node response or Fetch headers, lower-cased, sorted. */
export function snapshot(target) {
  const entries =
    target instanceof ServerResponse
      ? Object.entries(target.getHeaders()).map(([k, v]) => [k, String(v)])
      : target instanceof Response
        ? [...target.headers]
        : [...target];
  return JSON.stringify(entries.map(([k, v]) => [k.toLowerCase(), v]).sort());
}

/** A ServerResponse that a middleware already gave an `HX-Trigger`. */
function triggeredResponse() {
  const res = freshResponse();
  res.setHeader("HX-Trigger", '{"flash":{"text":"Welcome back"}}');
  return res;
}

/**
 * Each contender is a function returning the response or headers it wrote to; the timed loop
 * keeps the result alive with `do_not_optimize`. A scenario with `make` times the header work
 * alone: `make()` builds each contender's target (a fresh ServerResponse, a new Headers) before
 * the timer starts (mitata's computed parameters, built per batch outside the timed loop), and
 * the contender receives it. Building a ServerResponse costs about as much as the header work
 * itself; inside the timer it would sit in both figures and flatter the ratio.
 */
export const scenarios = [
  {
    name: "dynamic plan → fresh ServerResponse",
    target: { limit: 1.5 },
    make: freshResponse,
    hand(res) {
      const id = nextId();
      res.setHeader("HX-Trigger", JSON.stringify({ saved: { id, msg: MSG } }));
      res.setHeader("HX-Push-Url", `/items/${id}`);
      res.setHeader("HX-Retarget", `#row-${id}`);
      res.setHeader("HX-Reswap", "outerHTML swap:100ms");
      return res;
    },
    hxplan(res) {
      const id = nextId();
      return dynamicPlan(id).applyTo(res);
    },
    peer(res) {
      const id = nextId();
      setHTMXResponseHeaders(nodeShim(res), dynamicPeer(id));
      return res;
    },
  },
  {
    name: "static plan → fresh ServerResponse",
    target: { limit: 1.1 },
    make: freshResponse,
    hand(res) {
      res.setHeader("HX-Trigger", '{"listChanged":{}}');
      res.setHeader("HX-Retarget", "#list");
      res.setHeader("HX-Reswap", "innerHTML");
      return res;
    },
    hxplan(res) {
      return STATIC_PLAN.applyTo(res);
    },
    peer(res) {
      setHTMXResponseHeaders(nodeShim(res), STATIC_PEER);
      return res;
    },
  },
  {
    name: "dynamic plan → Fetch Headers",
    target: { limit: 2 },
    make: () => new Headers(),
    hand(headers) {
      const id = nextId();
      headers.set("HX-Trigger", JSON.stringify({ saved: { id, msg: MSG } }));
      headers.set("HX-Push-Url", `/items/${id}`);
      headers.set("HX-Retarget", `#row-${id}`);
      headers.set("HX-Reswap", "outerHTML swap:100ms");
      return headers;
    },
    hxplan(headers) {
      const id = nextId();
      return dynamicPlan(id).applyTo(headers);
    },
    peer(headers) {
      const id = nextId();
      return setHTMXResponseHeaders(headers, dynamicPeer(id));
    },
  },
  {
    name: "toHeaders() spread into a Fetch Response",
    hand() {
      const id = nextId();
      return new Response(BODY, {
        headers: {
          "Content-Type": HTML,
          "HX-Trigger": JSON.stringify({ saved: { id, msg: MSG } }),
          "HX-Push-Url": `/items/${id}`,
          "HX-Retarget": `#row-${id}`,
          "HX-Reswap": "outerHTML swap:100ms",
        },
      });
    },
    hxplan() {
      const id = nextId();
      return new Response(BODY, { headers: { "Content-Type": HTML, ...dynamicPlan(id).toHeaders() } });
    },
    peer() {
      const id = nextId();
      const headers = setHTMXResponseHeaders(new Headers({ "Content-Type": HTML }), dynamicPeer(id));
      return new Response(BODY, { headers });
    },
  },
  {
    name: "trigger with non-ASCII params → Fetch Headers",
    make: () => new Headers(),
    hand(headers) {
      const id = nextId();
      headers.set("HX-Trigger", asciiJson({ toast: { id, text: MSG_INTL } }));
      return headers;
    },
    hxplan(headers) {
      const id = nextId();
      return hx().trigger("toast", { id, text: MSG_INTL }).applyTo(headers);
    },
    // @quilted/htmx writes the raw JSON: Headers.set throws on "日本 👋" (not a ByteString).
    peer: null,
  },
  {
    name: "merge into an existing HX-Trigger (ServerResponse)",
    make: triggeredResponse,
    hand(res) {
      const id = nextId();
      // The careful hand-written merge: parse what a middleware already set, add, re-encode.
      const current = res.getHeader("HX-Trigger");
      const events = typeof current === "string" && current !== "" ? JSON.parse(current) : {};
      events.saved = { id, msg: MSG };
      res.setHeader("HX-Trigger", JSON.stringify(events));
      return res;
    },
    hxplan(res) {
      const id = nextId();
      return hx().trigger("saved", { id, msg: MSG }).applyTo(res);
    },
    // @quilted/htmx replaces the header: the middleware's event would be lost.
    peer: null,
  },
];

/** Resets the id sequence, so a check compares contenders on the same id. */
export function resetIds() {
  counter = 0;
}
