// The guides' and recipes' programs (docs/examples/*.js), each on its real server, making the
// requests the page describes with the headers htmx sends.
import { describe, expect, it, vi } from "vitest";
import { HTMX2, HTMX4, serving } from "./support.js";

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

describe("docs/examples/versions.js (guide: htmx 2 vs htmx 4)", () => {
  const app = serving("versions");

  it("answers an htmx 2 page with htmx 2 headers", async () => {
    const response = await app().fetch("/save", { method: "POST", headers: HTMX2 });
    expect(response.headers.get("hx-trigger-after-settle")).toBe('{"saved":{"id":7}}');
    expect(response.headers.get("hx-trigger")).toBeNull();
    expect(response.headers.get("hx-reswap")).toBe("outerHTML swap:1000ms scroll:#log:bottom");
  });

  it("answers an htmx 4 page with htmx 4 headers from the same route, and Vary says so", async () => {
    const response = await app().fetch("/save", { method: "POST", headers: HTMX4 });
    expect(response.headers.get("hx-trigger")).toBe('{"saved":{"id":7}}');
    expect(response.headers.get("hx-trigger-after-settle")).toBeNull();
    expect(response.headers.get("hx-reswap")).toBe("outerHTML swap:1000ms scroll:bottom scrollTarget:#log");
    expect(response.headers.get("vary")).toMatch(/HX-Request-Type/);
    expect(response.headers.get("vary")).toMatch(/HX-Source/);
  });

  it("answers another URL with 404", async () => {
    expect((await app().fetch("/")).status).toBe(404);
  });
});

describe("docs/examples/events.js (guide: events on the client)", () => {
  const app = serving("events");

  it("serves the page with its listeners and the from:body trigger", async () => {
    const body = await (await app().fetch("/")).text();
    expect(body).toContain('hx-trigger="saved from:body"');
    expect(body).toContain('document.addEventListener("saved"');
    expect(body).toContain("event.detail.value");
  });

  it("sends an object detail (ASCII-escaped), a non-object as detail.value, and a targeted event", async () => {
    const response = await app().fetch("/save", { method: "POST", headers: HTMX2 });
    expect(response.status).toBe(200);
    const header = response.headers.get("hx-trigger") ?? "";
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(JSON.parse(header)).toEqual({
      saved: { id: 1, message: "Grüße 👋" },
      counted: { value: 1 }, // htmx reads it as event.detail.value
      light: { target: "#lamp", color: "green" },
    });
    expect(await (await app().fetch("/status", { headers: HTMX2 })).text()).toBe("Saved 1 times");
  });

  it("answers another URL with 404", async () => {
    expect((await app().fetch("/nope")).status).toBe(404);
  });
});

describe("docs/examples/partials.js (guide: partials)", () => {
  const app = serving("partials");

  it("writes htmx 2 out-of-band markup for an htmx 2 page", async () => {
    const response = await app().fetch("/tasks/1/done", { method: "POST", headers: HTMX2 });
    const body = await response.text();
    expect(body.startsWith("Completed Bake bread")).toBe(true);
    expect(body).toContain('<template><div hx-swap-oob="innerHTML:#open">1</div></template>');
    expect(body).toContain("hx-swap-oob=");
    expect(body).not.toContain("<hx-partial");
  });

  it("serves the page with every target of the partials", async () => {
    const body = await (await app().fetch("/")).text();
    for (const id of ['id="task-1"', 'id="task-2"', 'id="open"', 'id="last"', 'id="main"', 'id="toasts"']) {
      expect(body).toContain(id);
    }
  });

  it("writes <hx-partial> for an htmx 4 page", async () => {
    const response = await app().fetch("/tasks/2/done", { method: "POST", headers: HTMX4 });
    const body = await response.text();
    expect(body).toContain('<hx-partial hx-target="#task-2" hx-swap="outerHTML">');
    expect(body).toMatch(/<hx-partial hx-target="#open" hx-swap="innerHTML">[01]<\/hx-partial>/);
    expect(body).toContain('<hx-partial hx-target="#toasts" hx-swap="beforeend">');
    // textContent is written as innerHTML with the text HTML-escaped, the same on every version.
    expect(body).toContain('<hx-partial hx-target="#last" hx-swap="innerHTML">Open the café</hx-partial>');
    expect(body.startsWith("Completed Open the café")).toBe(true);
  });

  it("answers an unknown task with 404", async () => {
    expect((await app().fetch("/tasks/9/done", { method: "POST", headers: HTMX2 })).status).toBe(404);
  });
});

describe("docs/examples/flash.js (recipe: flash messages)", () => {
  const app = serving("flash");

  it("merges the middleware's flash event and the handler's event into one HX-Trigger", async () => {
    const first = await app().fetch("/items", { method: "POST", headers: HTMX2 });
    expect(first.headers.get("hx-trigger")).toBe(
      '{"flash":{"messages":["Item saved"]},"item-added":{"id":1}}',
    );
    const second = await app().fetch("/items", { method: "POST", headers: HTMX2 });
    expect(JSON.parse(second.headers.get("hx-trigger") ?? "")).toEqual({
      flash: { messages: ["Item saved", "You have 2 items"] },
      "item-added": { id: 2 },
    });
    expect(await second.text()).toBe("<li>Item 2</li>");
  });

  it("answers another URL with 404", async () => {
    expect((await app().fetch("/nope")).status).toBe(404);
  });
});

describe("docs/examples/validation.js (recipe: validation errors and status handling)", () => {
  const app = serving("validation");
  const signup = (email: string, headers: Record<string, string>) =>
    app().fetch("/signup", { method: "POST", headers: { ...headers, ...FORM }, body: `email=${email}` });

  it("serves the page with htmx 2's responseHandling for 422", async () => {
    const body = await (await app().fetch("/")).text();
    const config = /<meta name="htmx-config" content='([^']+)'>/.exec(body)?.[1] ?? "";
    expect(JSON.parse(config).responseHandling).toContainEqual({ code: "422", swap: true });
  });

  for (const [version, headers] of [
    [2, HTMX2],
    [4, HTMX4],
  ] as const) {
    it(`answers an invalid form with 422 and the form in place of itself (htmx ${version})`, async () => {
      const response = await signup("ada%3Cb%3E", headers);
      expect(response.status).toBe(422);
      expect(response.headers.get("hx-retarget")).toBe("#signup");
      expect(response.headers.get("hx-reswap")).toBe("outerHTML");
      const body = await response.text();
      expect(body).toContain('value="ada&#60;b&#62;"');
      expect(body).toContain("Enter an email address.");
    });
  }

  it("answers a valid form with 200, the welcome target and an event", async () => {
    const response = await signup("ada%40example.org", HTMX2);
    expect(response.status).toBe(200);
    expect(response.headers.get("hx-retarget")).toBe("#welcome");
    expect(response.headers.get("hx-trigger")).toBe('{"signed-up":{}}');
  });

  it("reports a server error as an event and swaps nothing", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await app().fetch("/report", { method: "POST", headers: HTMX4 });
    error.mockRestore();
    expect(response.status).toBe(500);
    expect(response.headers.get("hx-reswap")).toBe("none");
    expect(response.headers.get("hx-trigger")).toBe('{"server-error":{"message":"Something went wrong"}}');
  });

  it("answers another URL with 404", async () => {
    expect((await app().fetch("/nope")).status).toBe(404);
  });
});

describe("docs/examples/redirects.js (recipe: redirects)", () => {
  const app = serving("redirects");

  it("turns the 303 into HX-Redirect for a plain htmx request", async () => {
    const response = await app().fetch("/login", { method: "POST", headers: HTMX2 });
    expect(response.status).toBe(200);
    expect(response.headers.get("hx-redirect")).toBe("/welcome");
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toBe("");
  });

  it("keeps the 303 for a browser and for a boosted request", async () => {
    const plain = await app().fetch("/login", { method: "POST" });
    expect(plain.status).toBe(303);
    expect(plain.headers.get("location")).toBe("/welcome");
    const boosted = await app().fetch("/login", {
      method: "POST",
      headers: { ...HTMX2, "HX-Boosted": "true" },
    });
    expect(boosted.status).toBe(303);
    expect(boosted.headers.get("hx-redirect")).toBeNull();
  });

  it("serves the next page, whole for the browser", async () => {
    expect(await (await app().fetch("/welcome")).text()).toMatch(/^<!doctype html>/);
    expect((await app().fetch("/nope")).status).toBe(404);
  });
});

describe("docs/examples/polling.js (recipe: polling)", () => {
  const app = serving("polling");

  it("stops an htmx 2 poller with 286, and replaces an htmx 4 poller", async () => {
    const first = await app().fetch("/job", { headers: HTMX2 });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('hx-trigger="every 1s"');
    const last = await app().fetch("/job", { headers: HTMX2 });
    expect(last.status).toBe(286);
    expect(await last.text()).toBe('<div id="job">Done</div>');
    const on4 = await app().fetch("/job", { headers: HTMX4 });
    expect(on4.status).toBe(200);
    expect(on4.headers.get("hx-reswap")).toBe("outerHTML");
    expect(await on4.text()).toBe('<div id="job">Done</div>');
  });

  it("answers an unchanged polling tag with 304 and a new one with the content", async () => {
    const fresh = await app().fetch("/news", { headers: HTMX4 });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get("hx-ptag")).toBe("news-1");
    expect(fresh.headers.get("cache-control")).toBe("no-store");
    const same = await app().fetch("/news", { headers: { ...HTMX4, "HX-PTag": "news-1" } });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe("");
    await app().fetch("/news", { method: "POST" });
    const changed = await app().fetch("/news", { headers: { ...HTMX4, "HX-PTag": "news-1" } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("hx-ptag")).toBe("news-2");
    expect(await changed.text()).toBe("<p>Zürich: Fondue-Saison eröffnet</p>");
  });

  it("answers another URL with 404", async () => {
    expect((await app().fetch("/nope")).status).toBe(404);
  });
});

describe("docs/examples/caching.js (recipe: caching and Vary)", () => {
  const app = serving("caching");

  it("varies the page and the fragment on the htmx headers it read", async () => {
    const page = await app().fetch("/products");
    const fragment = await app().fetch("/products", { headers: HTMX2 });
    for (const response of [page, fragment]) {
      expect(response.headers.get("vary")).toBe("HX-Request, HX-History-Restore-Request");
      expect(response.headers.get("cache-control")).toBe("private, max-age=60");
    }
    expect(await page.text()).toMatch(/^<!doctype html><table/);
    expect(await fragment.text()).toMatch(/^<tr>/);
    expect((await app().fetch("/nope")).status).toBe(404);
  });
});

describe("docs/examples/migrating.js (recipe: migrating to htmx 4)", () => {
  const app = serving("migrating");

  it("builds htmx 4 headers whatever the request says", async () => {
    for (const headers of [HTMX2, HTMX4]) {
      const response = await app().fetch("/items/7", { method: "POST", headers });
      expect(response.headers.get("hx-trigger")).toBe('{"saved":{"id":"7"}}');
      expect(response.headers.get("hx-trigger-after-settle")).toBeNull();
      expect(response.headers.get("hx-reswap")).toBe("outerHTML scroll:top scrollTarget:#list");
    }
    expect((await app().fetch("/nope")).status).toBe(404);
  });

  it("exports the shared htmx 4 base plan", () => {
    expect((app().module.base as { htmx: number }).htmx).toBe(4);
  });
});

describe("docs/examples/cors.js (guide: CORS)", () => {
  const app = serving("cors");

  it("allows htmx's request headers in the preflight", async () => {
    const res = await app().fetch("/todos", {
      method: "OPTIONS",
      headers: {
        Origin: "https://app.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "hx-request,hx-current-url,hx-target",
      },
    });
    expect(res.status).toBe(204);
    const allowed = (res.headers.get("access-control-allow-headers") ?? "").toLowerCase().split(",");
    expect(allowed).toEqual(expect.arrayContaining(["hx-request", "hx-current-url", "hx-target"]));
  });

  it("exposes the plan's HX-* headers, merged with what the CORS middleware exposes", async () => {
    const res = await app().fetch("/todos", {
      method: "POST",
      headers: { Origin: "https://app.example", "HX-Request": "true" },
    });
    expect(res.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(res.headers.get("access-control-expose-headers")).toBe("X-Request-Id, HX-Trigger, HX-Retarget");
    expect(res.headers.get("hx-trigger")).toBe('{"todo-added":{}}');
    expect(res.headers.get("hx-retarget")).toBe("#todos");
    expect(res.headers.get("vary")).toBe("Origin");
  });

  it("answers another URL with 404", async () => {
    expect((await app().fetch("/nope")).status).toBe(404);
  });
});
