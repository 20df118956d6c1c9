// docs/examples/getting-started/views.js
// The HTML of the getting-started apps: the whole page for a browser, the list for htmx.

/** Escapes text for HTML (use your template engine's escaping in a real app). */
export const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const list = (todos) =>
  `<ul id="todos">${todos.map((t) => `<li>${escapeHtml(t)}</li>`).join("")}</ul>`;

export const page = (todos) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Todos</title><script src="https://unpkg.com/htmx.org@2.0.8"></script></head>
<body>
  <form hx-post="/todos" hx-target="#todos" hx-swap="outerHTML">
    <input name="text" required> <button>Add</button>
  </form>
  ${list(todos)}
  <script>
    document.addEventListener("todo-added", (event) => console.log("todos:", event.detail.count));
  </script>
</body>
</html>`;
