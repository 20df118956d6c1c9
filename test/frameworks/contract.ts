// The contract every example meets (node:http, Express, Fastify, Koa, Hono, Fetch). Pure Fetch
// API, so the edge-runtime tests use it too.
import { isHxError } from "hxplan";
import { expect, it } from "vitest";

const HTMX = { "HX-Request": "true", "HX-Current-URL": "http://127.0.0.1/todos", "HX-Target": "todos" };
const VARY = "Accept-Encoding, HX-Request, HX-History-Restore-Request";

export interface AppContract {
  /** Sends a request to the app: over HTTP to a real server, or straight to a Fetch handler. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** The errors the framework's error path saw, if the test can observe them. */
  errors?(): readonly unknown[];
  /** How the framework's error response carries the HxError code, if it does. */
  errorBody?: RegExp;
}

/** The examples all serve the same routes; these tests hold for every one of them. */
export function itServesTheTodoApp(app: AppContract): void {
  it("serves the full page to a plain request, with the earlier HX-Trigger and a merged Vary", async () => {
    const res = await app.fetch("/todos");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toMatch(/^<!doctype html><html>.*<ul id="todos">/);
    expect(res.headers.get("hx-trigger")).toBe("flash");
    expect(res.headers.get("vary")).toBe(VARY);
  });

  it("serves a fragment to htmx, with the same Vary", async () => {
    const res = await app.fetch("/todos", { headers: HTMX });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^<ul id="todos"><li>Read the request<\/li>/);
    expect(res.headers.get("vary")).toBe(VARY);
  });

  it("serves the full page to a history restore (htmx 2 sends HX-Request too)", async () => {
    const res = await app.fetch("/todos", {
      headers: { ...HTMX, "HX-History-Restore-Request": "true" },
    });
    expect(await res.text()).toMatch(/^<!doctype html>/);
    expect(res.headers.get("vary")).toBe(VARY);
  });

  it("merges the plan's HX-Trigger with the earlier one and sets the plan's status", async () => {
    const res = await app.fetch("/todos", { method: "POST", headers: HTMX });
    expect(res.status).toBe(201);
    const trigger = res.headers.get("hx-trigger") ?? "";
    expect(JSON.parse(trigger)).toEqual({ flash: {}, "todo-added": { count: 3 } });
    expect(trigger).toBe('{"flash":{},"todo-added":{"count":3}}');
    expect(await res.text()).toBe("<li>Todo 3</li>");
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
  });

  it("sends 286 to stop polling", async () => {
    const res = await app.fetch("/jobs/1", { headers: HTMX });
    expect(res.status).toBe(286);
    expect(res.headers.get("hx-trigger")).toBe("flash");
    expect(await res.text()).toBe("<p>Done</p>");
  });

  it("turns an HxError into the framework's error response, with nothing of the plan written", async () => {
    const res = await app.fetch("/broken", { headers: HTMX });
    expect(res.status).toBe(500);
    const body = await res.text();
    if (app.errorBody) expect(body).toMatch(app.errorBody);
    expect(body).not.toContain("unreachable");
    expect(res.headers.get("hx-reswap")).toBeNull();
    // Either the framework cleared the headers, or the broken one is there unchanged.
    expect([null, '{"half":']).toContain(res.headers.get("hx-trigger"));
    if (app.errors) {
      const errors = app.errors();
      expect(errors).toHaveLength(1);
      expect(isHxError(errors[0])).toBe(true);
      expect(errors[0]).toMatchObject({ code: "invalid_existing_header", header: "HX-Trigger" });
    }
  });
}
