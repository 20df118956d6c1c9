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
