// HTML for the demo: a tiny escaping template tag and the page, panel and fragment markup.
// Everything the server interpolates goes through `html`, so user input is always escaped.

class Html {
  /** @param {string} value */
  constructor(value) {
    this.value = value;
  }
  toString() {
    return this.value;
  }
}

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[/** @type {keyof typeof ESCAPES} */ (c)]);
}

/** @param {unknown} value @returns {string} */
function render(value) {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === undefined || value === null || value === false) return "";
  return escapeHtml(value);
}

/** Template tag: interpolations are escaped unless they are `html` results themselves. */
export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new Html(out);
}

export const VERSIONS = { 2: "2.0.11", 4: "4.0.1" };

/** The lamps of the "events aimed at other elements" panel (one id is deliberately non-ASCII). */
export const LAMPS = [
  { id: "rot", color: "#e5484d" },
  { id: "gelb", color: "#f5b700" },
  { id: "grün", color: "#30a46c" },
];

export function requestView(rows) {
  return html`<table class="kv">${rows.map(
    ([name, value]) =>
      html`<tr><th>${name}</th><td>${value === undefined ? html`<span class="muted">—</span>` : String(value)}</td></tr>`,
  )}</table>`;
}

/** `path` with `htmx=4` added for htmx 4 (htmx 2 is the default and keeps its URLs clean). */
export function withVersion(path, version) {
  if (version !== 4) return path;
  return `${path}${path.includes("?") ? "&" : "?"}htmx=4`;
}

/** htmx 2 swaps 4xx responses only when the page says so: this lets 422 validation errors swap. */
const HTMX2_CONFIG = JSON.stringify({
  responseHandling: [
    { code: "204", swap: false },
    { code: "422", swap: true },
    { code: "[23]..", swap: true },
    { code: "[45]..", swap: false, error: true },
  ],
});

function layout({ version, title, path, body }) {
  return html`<!doctype html>
<html lang="en" data-htmx="${version}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${version === 2 ? html`<meta name="htmx-config" content="${HTMX2_CONFIG}">` : ""}
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/demo.css">
<script src="/htmx/${version}.js"></script>
${version === 4 ? html`<script src="/htmx/ext/hx-ptag.js"></script>` : ""}
<script src="/demo.js" defer></script>
</head>
<body>
<header class="top">
  <div class="brand">
    <h1>hxplan <span>demo</span></h1>
    <p>Every panel asks the server for a response built with <code>hx({ htmx: ${version} })</code>.
       The box under each panel shows the exact status and headers the browser received.</p>
  </div>
  <nav class="switch" aria-label="htmx version">
    <a href="${withVersion(path, 2)}" class="${version === 2 ? "on" : ""}" ${version === 2 ? html`aria-current="page"` : ""}>htmx ${VERSIONS[2]}</a>
    <a href="${withVersion(path, 4)}" class="${version === 4 ? "on" : ""}" ${version === 4 ? html`aria-current="page"` : ""}>htmx ${VERSIONS[4]}</a>
  </nav>
  <p class="address">Address bar: <code id="address"></code></p>
</header>
${body}
<div id="toasts" aria-live="polite"></div>
</body>
</html>`;
}

function panel({ id, title, lead, code, children, body = false }) {
  return html`<section class="panel" id="panel-${id}" data-panel="${id}">
  <h2>${title}</h2>
  <p class="lead">${lead}</p>
  <pre class="code"><code>${code}</code></pre>
  <div class="stage">${children}</div>
  <div class="wire">
    <span class="wire-label">Response</span>
    <pre class="headers" data-headers><span class="muted">No request yet.</span></pre>
    ${
      body
        ? html`<span class="wire-label">Body</span>
    <pre class="headers body" data-body><span class="muted">No request yet.</span></pre>`
        : ""
    }
  </div>
</section>`;
}

export function taskRow(task) {
  return html`<tr id="task-${task.id}" class="${task.done ? "done" : ""}">
  <td>${task.name}</td><td>${task.done ? "✓ done" : "open"}</td>
</tr>`;
}

export function taskRows(tasks) {
  return html`${tasks.map(taskRow)}`;
}

export function toastHtml(message) {
  return html`<div class="toast success" role="status">${message}</div>`;
}

export function productTable(products, version) {
  return html`<table class="rows" id="rows-table">
  <thead><tr><th>Product</th><th>Stock</th><th></th></tr></thead>
  <tbody>${products.map((p) => productRow(p, version))}</tbody>
</table>`;
}

export function productRow(product, version) {
  return html`<tr id="row-${product.id}" class="${product.stock === 0 ? "empty" : ""}">
  <td>${product.name}</td>
  <td class="num" data-stock>${product.stock}</td>
  <td><button class="small" hx-post="${withVersion(`/rows/${product.id}/restock`, version)}"
        hx-target="#rows-note">Restock +5</button></td>
</tr>`;
}

export function searchResults(words, query) {
  if (!query) return html`<li class="muted">Type to search ${words.length} words.</li>`;
  const q = query.toLocaleLowerCase();
  const hits = words.filter((w) => w.toLocaleLowerCase().includes(q));
  if (hits.length === 0) return html`<li class="muted">No match for “${query}”.</li>`;
  return html`${hits.map((w) => html`<li>${w}</li>`)}`;
}

export function dishDetail(dish) {
  return html`<article class="dish" id="dish-${dish.slug}">
  <h3>${dish.name}</h3>
  <p>${dish.text}</p>
  <p class="muted">From ${dish.origin}. The address bar now shows this dish's own URL.</p>
</article>`;
}

export function jobView(job, version, { polling }) {
  const attrs = polling
    ? html` hx-get="${withVersion(`/jobs/${job.id}`, version)}" hx-trigger="every 300ms"`
    : html``;
  return html`<div id="job" class="job"${attrs}>${jobInner(job, polling)}</div>`;
}

export function jobInner(job, polling) {
  const label = polling
    ? `${job.progress}% · poll ${job.polls}`
    : `Done · ${job.polls} polls · the client stopped polling`;
  return html`<div class="bar ${polling ? "" : "done"}"><span style="width:${job.progress}%"></span></div>
<p class="job-label">${label}</p>`;
}

export function inboxView({ folder, via }) {
  return html`<div class="inbox-page">
  <p class="muted">This whole response is an “inbox page”; <code>select</code> keeps only #inbox.</p>
  <div id="inbox">
    <h3>📬 ${folder}</h3>
    <ul><li>Rechnung für März</li><li>Einladung: Grillfest 🔥</li><li>Ihre Bestellung ist unterwegs</li></ul>
    <p class="muted">Loaded by a client-side GET · <code>X-Demo: ${via}</code></p>
  </div>
</div>`;
}

export function signupForm(version, values = {}, errors = {}) {
  return html`<form id="signup" class="stack" hx-post="${withVersion("/signup", version)}" hx-target="#signup-result" novalidate>
  <label>Name <input name="name" value="${values.name ?? "Zoë"}" autocomplete="off"></label>
  ${errors.name ? html`<p class="error" id="error-name">${errors.name}</p>` : ""}
  <label>E-mail <input name="email" value="${values.email ?? "zoë@example"}" autocomplete="off"></label>
  ${errors.email ? html`<p class="error" id="error-email">${errors.email}</p>` : ""}
  <button>Sign up</button>
</form>`;
}

/** The whole demo page. `state` holds the data; `view` what the URL pre-selects. */
export function demoPage({ version, path, state, view }) {
  const v = (p) => withVersion(p, version);
  const body = html`<main class="grid">
${panel({
  id: "toast",
  title: "Save, then a toast",
  lead: "trigger() with params: the page's toast listener gets event.detail exactly, non-ASCII and emoji intact.",
  code: `hx({ htmx: ${version} })\n  .trigger("toast", { message: \`Saved “\${name}”\`, level: "success" })`,
  children: html`<form class="row" hx-post="${v("/save")}" hx-target="#save-result">
    <input name="name" value="Grüße 👋" aria-label="Name" autocomplete="off">
    <button>Save</button>
  </form>
  <p id="save-result" class="result muted">Nothing saved yet.</p>`,
})}
${panel({
  id: "settle",
  title: "An event after settle",
  lead:
    version === 2
      ? "after: 'settle' sends HX-Trigger-After-Settle: the listener runs once the new item is in the DOM."
      : "htmx 4 has no after-settle header; the same plan sends HX-Trigger, which htmx 4 fires after the swap.",
  code: `hx({ htmx: ${version} })\n  .trigger("item-added", { id }, { after: "settle" })`,
  children: html`<button hx-post="${v("/list/add")}" hx-target="#settle-list" hx-swap="beforeend">Add an item</button>
  <ul id="settle-list" class="list"></ul>
  <p id="settle-log" class="result muted">The listener reports here.</p>`,
})}
${panel({
  id: "lamps",
  title: "Events aimed at other elements",
  lead: "The target option dispatches the event on another element; the lamp with the non-ASCII id still matches.",
  code: `hx({ htmx: ${version} })\n  .trigger("light", { color }, { target: \`#lamp-\${lamp.id}\` })`,
  children: html`<div class="lamps">${LAMPS.map(
    (lamp) =>
      html`<span class="lamp" id="lamp-${lamp.id}" style="--lamp:${lamp.color}" title="#lamp-${lamp.id}"></span>`,
  )}</div>
  <button hx-post="${v("/lamps/next")}" hx-target="#lamp-note">Light the next lamp</button>
  <p id="lamp-note" class="result muted">Ids: ${LAMPS.map((lamp) => `#lamp-${lamp.id}`).join(", ")}</p>`,
})}
${panel({
  id: "rows",
  title: "Row update: retarget, reswap, reselect",
  lead: "The button targets a note, but the server answers with the whole table and sends the row back where it belongs.",
  code: `hx({ htmx: ${version} })\n  .retarget(\`#row-\${id}\`)\n  .reswap("outerHTML", { settle: 400 })\n  .reselect(\`#row-\${id}\`)`,
  children: html`${productTable(state.products, version)}
  <p id="rows-note" class="result muted">(the buttons' own target: nothing should land here)</p>`,
})}
${panel({
  id: "partials",
  title: "One response, several targets: partials",
  lead:
    version === 2
      ? "partial() updates the row, the counter and the toasts from one response. For htmx 2 hxplan writes hx-swap-oob in <template>s (rows survive, the wrapper never stays)."
      : "partial() updates the row, the counter and the toasts from one response. For htmx 4 hxplan writes <hx-partial> elements.",
  code: `const plan = hx({ htmx: ${version} })
  .partial(\`#task-\${task.id}\`, taskRow(task), { swap: "outerHTML" })
  .partial("#tasks-open", String(open))
  .partial("#toasts", toastHtml(\`“\${task.name}” done\`), { swap: "beforeend" });
plan.applyTo(res);\nres.end(plan.render(\`Completed “\${task.name}”\`));`,
  body: true,
  children: html`<table class="rows" id="tasks-table">
    <thead><tr><th>Task</th><th>State</th></tr></thead>
    <tbody id="tasks-body">${taskRows(state.tasks)}</tbody>
  </table>
  <p class="result">Open tasks: <strong id="tasks-open">${state.tasks.filter((t) => !t.done).length}</strong></p>
  <button hx-post="${v("/tasks/next")}" hx-target="#tasks-note">Complete the next task</button>
  <p id="tasks-note" class="result muted">The main content of the response lands here.</p>`,
})}
${panel({
  id: "search",
  title: "Search that replaces the URL",
  lead: "replaceUrl() keeps the address bar in sync with the query without filling the history.",
  code: `hx({ htmx: ${version} })\n  .replaceUrl(\`/?q=\${encodeURIComponent(q)}\`)`,
  children: html`<input type="search" name="q" id="search-input" value="${view.query}" placeholder="Try “grü” or “ö”"
    hx-get="${v("/search")}" hx-trigger="input changed delay:250ms, search" hx-target="#search-results"
    aria-label="Search" autocomplete="off">
  <ul id="search-results" class="list compact">${searchResults(state.words, view.query)}</ul>`,
})}
${panel({
  id: "details",
  title: "A detail link that pushes the URL",
  lead: "pushUrl() adds a history entry; the non-ASCII path is percent-encoded by hxplan, so Back and reload work.",
  code: `hx({ htmx: ${version} })\n  .pushUrl(\`/items/\${dish.slug}\`)  // "/items/crème-brûlée"`,
  children: html`<ul class="list links">${state.dishes.map(
    (d) =>
      html`<li><a href="${v(`/items/${d.slug}`)}" hx-get="${v(`/items/${d.slug}`)}" hx-target="#detail">${d.name}</a></li>`,
  )}</ul>
  <div id="detail" class="detail">${view.dish ? dishDetail(view.dish) : html`<p class="muted">Pick a dish.</p>`}</div>`,
})}
${panel({
  id: "poll",
  title: "Progress that polls, then stops",
  lead:
    version === 2
      ? "The bar polls every 300 ms; the last answer is stopPolling() (status 286), which htmx 2 reads as “stop”."
      : "htmx 4 has no stop-polling status (stopPolling() throws): the last answer swaps the poller out with outerHTML.",
  code:
    version === 2
      ? `hx({ htmx: 2 }).stopPolling()   // status 286`
      : `hx({ htmx: 4 }).reswap("outerHTML")  // replace the poller`,
  children: html`<button hx-post="${v("/jobs")}" hx-target="#job-box">Start a job</button>
  <div id="job-box"><p class="muted">No job yet.</p></div>`,
})}
${panel({
  id: "location",
  title: "HX-Location: a client-side navigation",
  lead: "location() makes htmx GET another page, select part of it and swap it here, with extra values and headers.",
  code: `hx({ htmx: ${version} }).location("/inbox", {\n  target: "#inbox-box",\n  select: "#inbox",\n  values: { folder: "Posteingang" },\n  headers: { "X-Demo": "hx-location" },\n})`,
  children: html`<button hx-post="${v("/location")}" hx-target="#inbox-box">Open the inbox</button>
  <div id="inbox-box" class="detail">${view.inbox ? inboxView(view.inbox) : html`<p class="muted">Closed.</p>`}</div>`,
})}
${panel({
  id: "redirect",
  title: "Redirect",
  lead: "redirect() makes the browser do a full navigation (a 3xx would hide the HX-* headers from htmx).",
  code: `hx({ htmx: ${version} }).redirect("/landing?via=HX-Redirect")`,
  children: html`<button hx-post="${v("/redirect")}" hx-target="this">Go to the landing page</button>`,
})}
${panel({
  id: "prg",
  title: "A 303 after hx-post",
  lead: 'Post/redirect/get as is: htmx follows the 303 and nests the next page in the target. The hxplan/node middleware with redirects: "hx-redirect" sends 200 + HX-Redirect instead: a full page load.',
  code: `htmx(handler, { redirects: "hx-redirect" })\n// res.writeHead(303, { Location: "/landing" })\n// → 200, HX-Redirect: /landing, no body`,
  children: html`<div class="row">
    <button id="prg-as-is" hx-post="${v("/prg/as-is")}" hx-target="#prg-box">303 as is</button>
    <button id="prg-converted" hx-post="${v("/prg/converted")}" hx-target="#prg-box">303 through the middleware</button>
  </div>
  <div id="prg-box" class="detail"><p class="muted">The target.</p></div>`,
})}
${panel({
  id: "news",
  title: "Polling tags: 304 when nothing changed",
  lead:
    version === 4
      ? "hx-ptag (htmx 4 extension) sends the tag of what the element shows; ptag(tag, render) answers 304 without rendering while it is current."
      : "hx-ptag is an htmx 4 extension: switch to htmx 4 to see it.",
  code: `ptag(\`news-\${news.version}\`, () => res.end(render(news)))\n// HX-PTag: news-1 → 304, HX-PTag: news-1 (no render)`,
  children:
    version === 4
      ? html`<div id="news" class="detail" hx-get="/news?htmx=4" hx-trigger="every 500ms" hx-ptag="news-${state.news.version}">${newsView(state.news)}</div>
  <button id="publish" hx-post="/news/publish?htmx=4" hx-target="#publish-note">Publish a headline</button>
  <p id="publish-note" class="result muted">The server renders only when the headline changes.</p>`
      : html`<p class="muted">Needs htmx 4.</p>`,
})}
${panel({
  id: "refresh",
  title: "Refresh",
  lead: "refresh() reloads the whole page; the server counts full renders.",
  code: `hx({ htmx: ${version} }).refresh()`,
  children: html`<p class="result">This page has been rendered <strong id="render-count">${state.renders}</strong>
    time${state.renders === 1 ? "" : "s"} since the server started.</p>
  <button hx-post="${v("/refresh")}" hx-target="this">Reload the page</button>`,
})}
${panel({
  id: "request",
  title: "Reading the request",
  lead: "hxRequest() reads the HX-* request headers of either version; consulted feeds Vary for caches.",
  code: `const request = hxRequest(req);\nhx({ htmx: ${version} }).vary(...request.consulted)`,
  children: html`<button id="whoami" hx-get="${v("/whoami")}" hx-target="#request-view">What did htmx send?</button>
  <div id="request-view" class="detail"><p class="muted">Ask the server.</p></div>`,
})}
${panel({
  id: "signup",
  title: "Validation error retargeted to the form",
  lead:
    version === 2
      ? "An invalid form gets 422 + retarget('#signup'); this page's htmx-config lets htmx 2 swap a 422."
      : "An invalid form gets 422 + retarget('#signup'); htmx 4 swaps 4xx responses by default.",
  code: `hx({ htmx: ${version} })\n  .status(422)\n  .retarget("#signup")\n  .reswap("outerHTML")`,
  children: html`${signupForm(version)}
  <p id="signup-result" class="result muted">Fix the e-mail address to sign up.</p>`,
})}
</main>
<footer class="foot">hxplan · htmx ${VERSIONS[version]} loaded from node_modules · <a href="https://htmx.org/reference/#response_headers">htmx response headers</a></footer>`;
  return layout({ version, title: `hxplan demo · htmx ${version}`, path, body }).value;
}

export function newsView(news) {
  return html`<p class="headline"><strong>${news.headline}</strong></p>
  <p class="muted">version ${news.version} · rendered ${news.renders} time${news.renders === 1 ? "" : "s"}</p>`;
}

/** The landing page's content, as htmx gets it when it follows a redirect itself. */
export function landingFragment({ via }) {
  return html`<section class="panel" data-panel="landing-nested"><h2>Landed 🎉 (inside the target)</h2>
  <p class="lead">htmx followed the redirect itself and swapped the next page in here, via <code>${via}</code>.</p></section>`
    .value;
}

export function landingPage({ version, via }) {
  const body = html`<main class="landing">
  <section class="panel" data-panel="landing">
    <h2>Landed 🎉</h2>
    <p class="lead">You arrived with a full page load, via <code>${via}</code>.</p>
    <div class="wire">
      <span class="wire-label">The response that sent you here</span>
      <pre class="headers" data-headers><span class="muted">(none recorded)</span></pre>
    </div>
    <p><a id="back" href="${withVersion("/", version)}">← Back to the demo</a></p>
  </section>
</main>`;
  return layout({ version, title: "hxplan demo · landed", path: "/landing", body }).value;
}
