// docs/examples/partials.js
// One response, several targets: the row, the counter and a toast, in the markup the page's
// htmx version reads (hx-swap-oob in <template>s for htmx 2, <hx-partial> for htmx 4).
import { createServer } from "node:http";
import { htmx } from "hxplan/node";

const tasks = [
  { id: 1, name: "Bake bread", done: false },
  { id: 2, name: "Open the café", done: false },
];
const row = (task) =>
  `<tr id="task-${task.id}"><td>${task.name}</td><td>${task.done ? "done" : "open"}</td></tr>`;

const handler = htmx((req, res, { hx }) => {
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  const done = /^\/tasks\/(\d+)\/done$/.exec(req.url ?? "");
  const task = done && tasks.find((t) => t.id === Number(done[1]));
  if (req.method !== "POST" || !task) return res.writeHead(404).end("Not found");
  task.done = true;
  const plan = hx()
    .partial(`#task-${task.id}`, row(task), { swap: "outerHTML" }) // a <tr> replacing a <tr>
    .partial("#open", String(tasks.filter((t) => !t.done).length)) // innerHTML by default
    .partial("#toasts", `<p class="toast">${task.name}: done</p>`, { swap: "beforeend" });
  plan.applyTo(res); // the headers (none here); render() writes the body
  res.end(plan.render(`Completed ${task.name}`)); // the main content, for the button's target
});

createServer(handler).listen(3000, () => console.log("http://localhost:3000"));
