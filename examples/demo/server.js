// The hxplan demo: one page, one panel per capability, for htmx 2 and htmx 4.
//
//   npm start              → http://localhost:3000 (PORT overrides), htmx 2
//   http://localhost:3000/?htmx=4 → the same page on htmx 4
//
// Only node:http and hxplan. Every response that changes what htmx does is built with
// hx({ htmx: version }), where the version is the page's `?htmx=` (2 unless it says 4).

import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { hx, hxRequest, isHxError } from "hxplan";
import { htmx } from "hxplan/node";
import {
  demoPage,
  dishDetail,
  escapeHtml,
  inboxView,
  jobInner,
  jobView,
  LAMPS,
  landingFragment,
  landingPage,
  newsView,
  productTable,
  requestView,
  searchResults,
  signupForm,
  taskRow,
  taskRows,
  toastHtml,
  withVersion,
} from "./views.js";

const require = createRequire(import.meta.url);
const here = (file) => fileURLToPath(new URL(file, import.meta.url));

const STATIC = {
  "/htmx/2.js": { file: require.resolve("htmx2/dist/htmx.min.js"), type: "text/javascript" },
  "/htmx/4.js": { file: require.resolve("htmx4/dist/htmx.min.js"), type: "text/javascript" },
  "/demo.css": { file: here("./public/demo.css"), type: "text/css" },
  "/demo.js": { file: here("./public/demo.js"), type: "text/javascript" },
  "/htmx/ext/hx-ptag.js": { file: require.resolve("htmx4/dist/ext/hx-ptag.js"), type: "text/javascript" },
};

const WORDS = [
  "Grüße",
  "Grünkohl",
  "Größe",
  "Straße",
  "Smörgåsbord",
  "Crème brûlée",
  "Jalapeño",
  "Piñata",
  "Café",
  "Naïve",
  "Façade",
  "Über",
  "Zürich",
  "Köln",
  "München",
  "Ærø",
  "São Paulo",
  "Kraków",
  "Malmö",
  "Reykjavík",
  "Mañana",
  "Øresund",
];

const DISHES = [
  {
    slug: "crème-brûlée",
    name: "Crème brûlée",
    origin: "France",
    text: "A rich custard base topped with a layer of hardened caramelised sugar.",
  },
  {
    slug: "smørrebrød",
    name: "Smørrebrød",
    origin: "Denmark",
    text: "Open-faced sandwiches on buttered rye bread, with cold cuts, fish or cheese.",
  },
  {
    slug: "pão-de-queijo",
    name: "Pão de queijo",
    origin: "Brazil",
    text: "Small baked cheese rolls made with cassava flour: crisp outside, chewy inside.",
  },
];

const HEADLINES = [
  "Köln: Dom bleibt stehen",
  "Zürich: Fondue-Saison eröffnet",
  "Malmö: Brücke nach Øresund gesperrt",
  "São Paulo: Pão de queijo ausverkauft",
];

function initialState() {
  return {
    renders: 0,
    lamp: -1,
    items: 0,
    jobs: new Map(),
    products: [
      { id: 1, name: "Brezel", stock: 3 },
      { id: 2, name: "Käsespätzle", stock: 0 },
      { id: 3, name: "Crème brûlée", stock: 5 },
    ],
    words: WORDS,
    dishes: DISHES,
    tasks: [
      { id: 1, name: "Brötchen backen", done: false },
      { id: 2, name: "Café öffnen", done: false },
      { id: 3, name: "Tische decken", done: false },
    ],
    news: { version: 1, headline: HEADLINES[0], renders: 0, polls: 0 },
  };
}

/** Reads a url-encoded request body. */
async function formBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function time() {
  return new Date().toLocaleTimeString("en-GB", { hour12: false });
}

/**
 * Creates the demo server (not yet listening), with its own in-memory state.
 * @returns {import("node:http").Server}
 */
export function createDemoServer() {
  const state = initialState();
  // The hxplan/node middleware: ptag() for the polling panel, and redirects converted for htmx
  // (except under /prg/as-is, which shows what htmx does with a 303 on its own).
  const route = (req, res, { ptag }) => handle(req, res, state, ptag);
  const converted = htmx(route, { redirects: "hx-redirect" });
  const asIs = htmx(route);
  return createServer((req, res) => {
    const handler = req.url?.startsWith("/prg/as-is") ? asIs : converted;
    handler(req, res).catch((error) => {
      console.error(error);
      if (res.headersSent) return res.end();
      res.statusCode = 500;
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      res.end(
        isHxError(error) ? `hxplan refused the response: ${error.code}: ${error.message}` : String(error),
      );
    });
  });
}

/**
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {ReturnType<typeof initialState>} state
 * @param {import("hxplan/node").HtmxContext["ptag"]} ptag
 */
async function handle(req, res, state, ptag) {
  const url = new URL(req.url ?? "/", "http://localhost");
  const version = url.searchParams.get("htmx") === "4" ? 4 : 2;
  // HEAD is answered as GET; node:http leaves the body out of a HEAD response itself.
  const method = req.method === "HEAD" ? "GET" : (req.method ?? "GET");
  let path;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }

  const asset = STATIC[path];
  if (asset && method === "GET") {
    res.setHeader("Content-Type", `${asset.type}; charset=utf-8`);
    res.end(readFileSync(asset.file));
    return;
  }

  const request = hxRequest(req);
  const plan = hx({ htmx: version });

  /** Sends a fragment (or page) with the plan's headers and status. */
  const send = (body, p = plan) => {
    p.applyTo(res);
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(String(body));
  };

  /** A full page, for first loads, reloads and htmx 4 history restores. */
  const page = (view) => {
    state.renders += 1;
    const query = new URLSearchParams(url.search);
    query.delete("htmx");
    const search = query.size > 0 ? `?${query}` : "";
    // The same URL serves a fragment to htmx and a page to the browser: caches must know.
    send(
      demoPage({ version, path: `${url.pathname}${search}`, state, view }),
      plan.vary(...request.consulted),
    );
  };

  const emptyView = { query: url.searchParams.get("q") ?? "", dish: undefined, inbox: undefined };

  if (method === "GET" && path === "/") {
    page(emptyView);
    return;
  }

  // Save, then a toast: trigger() with params (non-ASCII text travels as \u escapes).
  if (method === "POST" && path === "/save") {
    const name = (await formBody(req)).get("name")?.trim() || "Anonymous";
    send(
      `Saved “${escapeHtml(name)}” at ${time()}.`,
      plan.trigger("toast", { message: `Saved “${name}”`, level: "success" }),
    );
    return;
  }

  // Partials: the row, the counter and a toast from one response, in the markup the page's
  // htmx version reads; the main content goes to the button's own target.
  if (method === "POST" && path === "/tasks/next") {
    const task = state.tasks.find((t) => !t.done);
    let p = plan;
    let main;
    if (task === undefined) {
      for (const t of state.tasks) t.done = false;
      p = p.partial("#tasks-body", taskRows(state.tasks).value);
      main = `All done: starting over at ${time()}.`;
    } else {
      task.done = true;
      p = p
        .partial(`#task-${task.id}`, taskRow(task).value, { swap: "outerHTML" })
        .partial("#toasts", toastHtml(`“${task.name}” done`).value, { swap: "beforeend" });
      main = `Completed “${escapeHtml(task.name)}” at ${time()}.`;
    }
    p = p.partial("#tasks-open", String(state.tasks.filter((t) => !t.done).length));
    send(p.render(main), p);
    return;
  }

  // An event after settle (htmx 4: plain HX-Trigger, fired after the swap).
  if (method === "POST" && path === "/list/add") {
    state.items += 1;
    const id = `item-${state.items}`;
    send(
      `<li id="${id}">Item ${state.items} · added ${time()}</li>`,
      plan.trigger("item-added", { id, label: `Item ${state.items}` }, { after: "settle" }),
    );
    return;
  }

  // Events aimed at other elements: each click lights the next lamp.
  if (method === "POST" && path === "/lamps/next") {
    state.lamp = (state.lamp + 1) % LAMPS.length;
    const lamp = LAMPS[state.lamp];
    send(
      `Lit <code>#lamp-${escapeHtml(lamp.id)}</code> at ${time()}.`,
      plan.trigger("light", { color: lamp.color }, { target: `#lamp-${lamp.id}` }),
    );
    return;
  }

  // Reading the request: what htmx said about itself, and the Vary that follows from it.
  if (method === "GET" && path === "/whoami") {
    const rows = [
      ["isHtmx", request.isHtmx],
      ["boosted", request.boosted],
      ["target", request.target],
      ["trigger (htmx 2)", request.trigger],
      ["source (htmx 4)", request.source],
      ["requestType (htmx 4)", request.requestType],
      ["currentUrl", request.currentUrl],
    ];
    send(requestView(rows), plan.vary(...request.consulted));
    return;
  }

  // Row update: the answer is the whole table, but only the row goes back, in place of itself.
  const restock = /^\/rows\/(\d+)\/restock$/.exec(path);
  if (method === "POST" && restock) {
    const product = state.products.find((p) => p.id === Number(restock[1]));
    if (!product) return notFound(res);
    product.stock += 5;
    send(
      `${productTable(state.products, version)}<p>Table rendered at ${time()}</p>`,
      plan.retarget(`#row-${product.id}`).reswap("outerHTML", { settle: 400 }).reselect(`#row-${product.id}`),
    );
    return;
  }

  // Search: the results, and the address bar follows the query without new history entries.
  if (method === "GET" && path === "/search") {
    const q = url.searchParams.get("q")?.trim() ?? "";
    const target = withVersion(q ? `/?q=${encodeURIComponent(q)}` : "/", version);
    send(searchResults(state.words, q), plan.replaceUrl(target));
    return;
  }

  // Detail: a fragment for htmx (with the URL pushed), the whole page for the browser.
  const item = /^\/items\/([^/]+)$/.exec(path);
  if (method === "GET" && item) {
    const dish = state.dishes.find((d) => d.slug === item[1]);
    if (!dish) return notFound(res);
    if (!request.isHtmx) {
      page({ ...emptyView, dish });
      return;
    }
    send(
      dishDetail(dish),
      plan.pushUrl(withVersion(`/items/${dish.slug}`, version)).vary(...request.consulted),
    );
    return;
  }

  // Polling: each poll advances the job; the last one stops the poller.
  if (method === "POST" && path === "/jobs") {
    const job = { id: state.jobs.size + 1, progress: 0, polls: 0 };
    state.jobs.set(job.id, job);
    send(jobView(job, version, { polling: true }));
    return;
  }
  const poll = /^\/jobs\/(\d+)$/.exec(path);
  if (method === "GET" && poll) {
    const job = state.jobs.get(Number(poll[1]));
    if (!job) return notFound(res);
    job.polls += 1;
    job.progress = Math.min(100, job.progress + 20);
    if (job.progress < 100) {
      send(jobInner(job, true));
    } else if (version === 2) {
      // htmx 2 stops an `every` poller when the response status is 286.
      send(jobInner(job, false), plan.stopPolling());
    } else {
      // htmx 4 has no such status: replace the poller with an element that does not poll.
      send(jobView(job, version, { polling: false }), plan.reswap("outerHTML"));
    }
    return;
  }

  // HX-Location: htmx GETs /inbox itself, with values and headers, and swaps part of it.
  if (method === "POST" && path === "/location") {
    send(
      "",
      plan.location(withVersion("/inbox", version), {
        target: "#inbox-box",
        select: "#inbox",
        values: { folder: "Posteingang" },
        headers: { "X-Demo": "hx-location" },
      }),
    );
    return;
  }
  if (method === "GET" && path === "/inbox") {
    const inbox = {
      folder: url.searchParams.get("folder") ?? "Posteingang",
      via: String(req.headers["x-demo"] ?? "a full page load"),
    };
    if (!request.isHtmx) {
      page({ ...emptyView, inbox });
      return;
    }
    send(inboxView(inbox), plan.vary(...request.consulted));
    return;
  }

  if (method === "POST" && path === "/redirect") {
    send("", plan.redirect(withVersion("/landing?via=HX-Redirect", version)));
    return;
  }
  if (method === "GET" && path === "/landing") {
    const via = url.searchParams.get("via") ?? "a link";
    // htmx following a 303 on its own (the "as is" button) would nest the whole page.
    send(
      request.isHtmx ? landingFragment({ via }) : landingPage({ version, via }),
      plan.vary(...request.consulted),
    );
    return;
  }

  // Post/redirect/get: the same 303 twice. As is, htmx follows it and nests the next page in
  // the target; through the middleware's redirects: "hx-redirect" it becomes a page load.
  if (method === "POST" && (path === "/prg/as-is" || path === "/prg/converted")) {
    const via = path === "/prg/as-is" ? "a 303 followed by htmx" : "a 303 turned into HX-Redirect";
    res.writeHead(303, { Location: withVersion(`/landing?via=${encodeURIComponent(via)}`, version) });
    res.end("See Other");
    return;
  }

  // Polling tags (htmx 4 hx-ptag): an unchanged headline is a 304, and nothing is rendered.
  if (method === "GET" && path === "/news") {
    state.news.polls += 1;
    ptag(`news-${state.news.version}`, () => {
      state.news.renders += 1;
      send(newsView(state.news));
    });
    return;
  }
  if (method === "POST" && path === "/news/publish") {
    const news = state.news;
    news.version += 1;
    news.headline = HEADLINES[(news.version - 1) % HEADLINES.length];
    send(`Published “${escapeHtml(news.headline)}” at ${time()}: the poller picks it up.`);
    return;
  }

  if (method === "POST" && path === "/refresh") {
    send("", plan.refresh());
    return;
  }

  // Validation: errors go back into the form (422 + retarget), success into the result line.
  if (method === "POST" && path === "/signup") {
    const form = await formBody(req);
    const values = { name: form.get("name")?.trim() ?? "", email: form.get("email")?.trim() ?? "" };
    const errors = {};
    if (!values.name) errors.name = "Please tell us your name.";
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) {
      errors.email = `“${values.email}” is not an e-mail address: it needs a domain such as @example.org.`;
    }
    if (Object.keys(errors).length > 0) {
      send(signupForm(version, values, errors), plan.status(422).retarget("#signup").reswap("outerHTML"));
      return;
    }
    send(
      `Welcome, ${escapeHtml(values.name)}! A confirmation is on its way to ${escapeHtml(values.email)}.`,
      plan.trigger("toast", { message: `Welcome, ${values.name} 🎉`, level: "success" }),
    );
    return;
  }

  notFound(res);
}

function notFound(res) {
  res.statusCode = 404;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.end("Not found");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 3000);
  createDemoServer().listen(port, () => {
    console.log(`hxplan demo on http://localhost:${port}  (htmx 4: http://localhost:${port}/?htmx=4)`);
  });
}
