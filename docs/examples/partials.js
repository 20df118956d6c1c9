// docs/examples/partials.js
// One response, several targets: the row, the counter, the last task's name and a toast, in the
// markup the page's htmx version reads (hx-swap-oob in <template>s for htmx 2, <hx-partial> for
// htmx 4). The button's own target gets the main content.
import { createServer } from "node:http";
import { htmx } from "hxplan/node";

const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const tasks = [
  { id: 1, name: "Bake bread", done: false },
  { id: 2, name: "Open the café", done: false },
];
const row = (task) =>
  `<tr id="task-${task.id}"><td>${escapeHtml(task.name)}</td><td>${task.done ? "done" : "open"}</td></tr>`;
const button = (task) => `<button hx-post="/tasks/${task.id}/done" hx-target="#main">${task.id}</button>`;

const page = () => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><script src="https://unpkg.com/htmx.org@2.0.8"></script></head>
<body>
  <table><tbody>${tasks.map(row).join("")}</tbody></table>
  <p>Open: <span id="open">${tasks.filter((t) => !t.done).length}</span> · Last: <b id="last"></b></p>
  ${tasks.map(button).join(" ")}
  <p id="main"></p>
  <div id="toasts"></div>
</body>
</html>`;

const handler = htmx((req, res, { hx }) => {
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  if (req.method === "GET" && req.url === "/") return res.end(page());
  const done = /^\/tasks\/(\d+)\/done$/.exec(req.url ?? "");
  const task = done && tasks.find((t) => t.id === Number(done[1]));
  if (req.method !== "POST" || !task) return res.writeHead(404).end("Not found");
  task.done = true;
  const plan = hx()
    .partial(`#task-${task.id}`, row(task), { swap: "outerHTML" }) // a <tr> replacing a <tr>
    .partial("#open", String(tasks.filter((t) => !t.done).length)) // innerHTML by default
    .partial("#last", task.name, { swap: "textContent" }) // text: hxplan escapes it
    .partial("#toasts", `<p class="toast">${escapeHtml(task.name)}: done</p>`, { swap: "beforeend" });
  plan.applyTo(res); // the headers (none here); render() writes the body
  res.end(plan.render(`Completed ${escapeHtml(task.name)}`));
});

createServer(handler).listen(3000, () => console.log("http://localhost:3000"));
