// The demo's only client code: show what the server sent, and react to its events.
// It reads headers the way each htmx version exposes the response:
//   htmx 2: `htmx:beforeOnLoad` → detail.xhr (XMLHttpRequest), before the swap
//   htmx 4: `htmx:after:request` → detail.ctx.response.headers (fetch Headers), before the swap

(() => {
  const version = document.documentElement.dataset.htmx;
  const STORE = "hxplan-demo:last-response";

  const SPELLING = { hx: "HX", ptag: "PTag" };

  /** "hx-trigger-after-settle" → "HX-Trigger-After-Settle" (browsers lower-case header names). */
  const canonical = (name) =>
    name
      .split("-")
      .map((part) => SPELLING[part.toLowerCase()] ?? part.charAt(0).toUpperCase() + part.slice(1))
      .join("-");

  const STATUS_NOTES = {
    286: "stop polling (htmx 2)",
    304: "Not Modified: nothing swapped",
    422: "Unprocessable Content",
    200: "OK",
  };

  function describe(status, pairs) {
    const shown = pairs.filter(([name]) => /^hx-/i.test(name) || name.toLowerCase() === "vary");
    const lines = [`HTTP ${status}${STATUS_NOTES[status] ? ` · ${STATUS_NOTES[status]}` : ""}`];
    for (const [name, value] of shown) lines.push(`${canonical(name)}: ${value}`);
    if (shown.length === 0) lines.push("(no HX-* headers)");
    return lines.join("\n");
  }

  function render(box, text, note) {
    box.textContent = "";
    const [status, ...rest] = text.split("\n");
    const head = document.createElement("strong");
    head.textContent = status;
    box.append(head);
    for (const line of rest) {
      const row = document.createElement("div");
      const colon = line.indexOf(": ");
      if (colon > 0) {
        const name = document.createElement("span");
        name.className = "h-name";
        name.textContent = line.slice(0, colon);
        row.append(name, `: ${line.slice(colon + 2)}`);
      } else {
        row.textContent = line;
      }
      box.append(row);
    }
    if (note) {
      const extra = document.createElement("div");
      extra.className = "muted";
      extra.textContent = note;
      box.append(extra);
    }
  }

  function record(source, status, pairs, body) {
    const panel = source instanceof Element ? source.closest("[data-panel]") : null;
    if (!panel) return;
    const text = describe(status, pairs);
    const box = panel.querySelector("[data-headers]");
    if (box) render(box, text);
    // Panels that show the body too (partials): the markup exactly as received.
    const bodyBox = panel.querySelector("[data-body]");
    if (bodyBox) bodyBox.textContent = body.replace(/<template>|<hx-partial /g, "\n$&").trim();
    // A redirect or refresh replaces this page: keep the headers for the next one to show.
    if (pairs.some(([name]) => /^hx-(redirect|refresh)$/i.test(name))) {
      sessionStorage.setItem(STORE, JSON.stringify({ panel: panel.dataset.panel, text }));
    }
  }

  if (version === "2") {
    document.addEventListener("htmx:beforeOnLoad", (event) => {
      const xhr = event.detail.xhr;
      const pairs = xhr
        .getAllResponseHeaders()
        .trim()
        .split(/\r?\n/)
        .filter(Boolean)
        .map((line) => {
          const colon = line.indexOf(":");
          return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
        });
      record(event.target, xhr.status, pairs, xhr.responseText);
    });
  } else {
    document.addEventListener("htmx:after:request", (event) => {
      const response = event.detail.ctx.response;
      record(event.target, response.status, [...response.headers], event.detail.ctx.text ?? "");
    });
  }

  // After a redirect or refresh, show the response that caused it.
  const saved = sessionStorage.getItem(STORE);
  if (saved) {
    sessionStorage.removeItem(STORE);
    const { panel, text } = JSON.parse(saved);
    const box =
      document.querySelector(`[data-panel="${CSS.escape(panel)}"] [data-headers]`) ??
      document.querySelector("[data-panel='landing'] [data-headers]");
    if (box) render(box, text, "received just before the page was replaced");
  }

  // Toasts: the server's `trigger("toast", { message, level })`.
  document.addEventListener("toast", (event) => {
    const toast = document.createElement("div");
    toast.className = `toast ${event.detail.level ?? ""}`;
    toast.setAttribute("role", "status");
    toast.textContent = event.detail.message;
    document.getElementById("toasts")?.append(toast);
    setTimeout(() => toast.classList.add("leaving"), 3500);
    setTimeout(() => toast.remove(), 4000);
  });

  // Toasts that arrive as markup (the partials panel) leave like the others.
  const toasts = document.getElementById("toasts");
  if (toasts) {
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element) || !node.classList.contains("toast") || node.dataset.timed) continue;
          node.dataset.timed = "1";
          setTimeout(() => node.classList.add("leaving"), 3500);
          setTimeout(() => node.remove(), 4000);
        }
      }
    }).observe(toasts, { childList: true });
  }

  // The after-settle event: by then the new item must already be in the DOM.
  document.addEventListener("item-added", (event) => {
    const item = document.getElementById(event.detail.id);
    item?.classList.add("flash");
    const log = document.getElementById("settle-log");
    if (log) {
      log.classList.remove("muted");
      log.textContent = item
        ? `“item-added” for #${event.detail.id}: the item is already in the DOM ✓`
        : `“item-added” for #${event.detail.id}: the item is not in the DOM yet ✗`;
    }
  });

  // Targeted events: htmx dispatches "light" on the lamp element itself.
  document.addEventListener("light", (event) => {
    const lamp = event.target;
    if (!(lamp instanceof Element) || !lamp.classList.contains("lamp")) return;
    for (const other of document.querySelectorAll(".lamp.on")) other.classList.remove("on");
    lamp.classList.add("on");
  });

  // The address bar, visible on the page (push and replace change it without reloading). The
  // element is looked up each time: a history restore replaces it with the saved page's copy.
  const showAddress = () => {
    const address = document.getElementById("address");
    const now = location.pathname + location.search;
    if (address && address.textContent !== now) address.textContent = now;
  };
  for (const method of ["pushState", "replaceState"]) {
    const original = history[method];
    history[method] = function (...args) {
      const result = original.apply(this, args);
      showAddress();
      return result;
    };
  }
  window.addEventListener("popstate", () => setTimeout(showAddress));
  // Back and Forward restore the page asynchronously (htmx 4 asks the server): refresh the line
  // whenever the page's content changes.
  new MutationObserver(showAddress).observe(document.body, { childList: true, subtree: true });
  showAddress();
})();
