// Runs in vitest's edge-runtime environment: Request, Response and Headers are the
// edge-runtime's own, as on Vercel Edge, Cloudflare Workers, Deno or Bun.
import { HxError, hx, hxRequest, isHxError } from "hxplan";
import { describe, expect, it } from "vitest";
import { createHandler } from "../../examples/fetch/handler.js";
import { itServesTheTodoApp } from "../frameworks/contract.js";

declare const EdgeRuntime: string | undefined;

describe("Fetch handler example in the edge runtime", () => {
  it("runs in edge-runtime", () => {
    expect(typeof EdgeRuntime).toBe("string");
  });

  const handler = createHandler();
  itServesTheTodoApp({
    fetch: (path, init) => handler(new Request(`http://edge.test${path}`, init)),
    errorBody: /^Internal Server Error \(invalid_existing_header\)$/,
  });
});

describe("core and hxRequest with edge-runtime Fetch objects", () => {
  it("reads an edge Request, decoding htmx 4 ids", () => {
    const request = hxRequest(
      new Request("http://edge.test/", {
        headers: { "HX-Request": "true", "HX-Request-Type": "partial", "HX-Source": "button#caf%C3%A9" },
      }),
    );
    expect(request.isHtmx).toBe(true);
    expect(request.source).toBe("button#café");
    expect(request.consulted).toEqual(["HX-Request", "HX-History-Restore-Request", "HX-Source"]);
  });

  it("applies a plan to edge Headers and builds an edge Response", async () => {
    const headers = new Headers({ "HX-Trigger": "a, b", Vary: "Accept" });
    hx().trigger("c", { n: 1 }).vary("HX-Request").applyTo(headers);
    expect(headers.get("hx-trigger")).toBe('{"a":{},"b":{},"c":{"n":1}}');
    expect(headers.get("vary")).toBe("Accept, HX-Request");

    const response = hx().pushUrl("/café").reswap("outerHTML").status(200).toResponse("<p>ok</p>");
    expect(response).toBeInstanceOf(Response);
    expect(response.headers.get("hx-push-url")).toBe("/caf%C3%A9");
    expect(response.headers.get("hx-reswap")).toBe("outerHTML");
    expect(await response.text()).toBe("<p>ok</p>");
  });

  it("throws HxError for bad input, as on Node", () => {
    let caught: unknown;
    try {
      hx().retarget("#a\nb");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HxError);
    expect(isHxError(caught)).toBe(true);
  });
});

describe("hxplan/hono in the edge runtime", () => {
  it("runs the htmx() middleware and honoContext(c) with edge Fetch objects", async () => {
    const { Hono } = await import("hono");
    const { htmx, honoContext } = await import("hxplan/hono");
    const app = new Hono<{ Variables: import("hxplan/hono").HtmxVariables }>();
    app.use(htmx());
    app.post("/todos", (c) => {
      if (c.var.htmx.isHtmx) hx().trigger("todo-added").status(201).applyTo(honoContext(c));
      return c.html("<li>Todo</li>");
    });
    const res = await app.request("/todos", { method: "POST", headers: { "HX-Request": "true" } });
    expect(res.status).toBe(201);
    expect(res.headers.get("hx-trigger")).toBe('{"todo-added":{}}');
    expect(res.headers.get("vary")).toBe("HX-Request, HX-History-Restore-Request");
  });
});

describe("hxplan/fetch middleware in the edge runtime", async () => {
  const { htmx } = await import("hxplan/fetch");
  const HTMX4 = { "HX-Request": "true", "HX-Request-Type": "partial", "HX-Source": "button#go" };
  let renders = 0;
  const seen: unknown[][] = [];
  const handler = htmx(
    async (request, { htmx: req, hx: plan, ptag }, ...rest: unknown[]) => {
      seen.push(rest);
      const { pathname } = new URL(request.url);
      if (pathname === "/save") return Response.redirect("http://edge.test/next", 303); // immutable headers
      if (pathname === "/news") return ptag("n1", () => new Response(`news ${++renders}`));
      if (pathname === "/stop") return hx().stopPolling().toResponse("stopped");
      return plan()
        .trigger("done", undefined, { after: "settle" })
        .toResponse(req.isHtmx ? "fragment" : "page");
    },
    { redirects: "hx-redirect" },
  );
  const call = (path: string, init?: RequestInit, ...rest: unknown[]) =>
    handler(new Request(`http://edge.test${path}`, init), ...rest);

  it("forwards the runtime's other arguments (Workers' env, ctx)", async () => {
    await call("/", {}, { KV: 1 }, { waitUntil: 2 });
    expect(seen.at(-1)).toEqual([{ KV: 1 }, { waitUntil: 2 }]);
  });

  it("builds version-correct plans and adds Vary", async () => {
    const res = await call("/", { headers: HTMX4 });
    expect(await res.text()).toBe("fragment");
    expect(res.headers.get("hx-trigger")).toBe('{"done":{}}');
    expect(res.headers.get("vary")).toBe(
      "HX-Request-Type, HX-Source, HX-Request, HX-History-Restore-Request",
    );
  });

  it("converts Response.redirect() (immutable headers) for a plain htmx request", async () => {
    const res = await call("/save", { method: "POST", headers: HTMX4 });
    expect(res.status).toBe(200);
    expect(res.headers.get("hx-redirect")).toBe("http://edge.test/next");
    expect(res.headers.get("location")).toBeNull();
    const boosted = await call("/save", { method: "POST", headers: { ...HTMX4, "HX-Boosted": "true" } });
    expect(boosted.status).toBe(303);
  });

  it("answers a matching HX-PTag with 304 without rendering, and 286 with Stop Polling", async () => {
    const first = await call("/news", { headers: HTMX4 });
    expect(await first.text()).toBe("news 1");
    expect(first.headers.get("hx-ptag")).toBe("n1");
    const again = await call("/news", { headers: { ...HTMX4, "HX-PTag": "n1" } });
    expect(again.status).toBe(304);
    expect(again.headers.get("hx-ptag")).toBe("n1");
    expect(again.headers.get("vary")).toBe("HX-PTag");
    expect(renders).toBe(1);
    expect((await call("/stop")).statusText).toBe("Stop Polling");
  });
});
