// docs/examples/polling.js
// Polling, per htmx version: a job's progress stops its poller (htmx 2: status 286; htmx 4: the
// poller is swapped for an element that does not poll), and a news box answers 304 while its
// content is unchanged (htmx 4's hx-ptag extension).
import { createServer } from "node:http";
import { htmx } from "hxplan/node";

const job = { progress: 0 };
const news = { version: 1, headline: "Köln: Dom bleibt stehen" };

const poller = (every) =>
  `<div id="job" hx-get="/job" hx-trigger="${every ? "every 1s" : "none"}" hx-swap="outerHTML">${job.progress}%</div>`;

const handler = htmx((req, res, { htmx, hx, ptag }) => {
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  if (req.method === "GET" && req.url === "/job") {
    job.progress = Math.min(100, job.progress + 50);
    if (job.progress < 100) return res.end(poller(true));
    if (htmx.version === 4) {
      hx().reswap("outerHTML").applyTo(res); // htmx 4 has no 286: replace the poller
      return res.end(`<div id="job">Done</div>`);
    }
    hx().stopPolling().applyTo(res); // 286 Stop Polling: htmx 2 stops this element's poller
    return res.end(`<div id="job">Done</div>`);
  }
  if (req.method === "GET" && req.url === "/news") {
    // <div hx-get="/news" hx-trigger="every 5s" hx-ptag="news-1"> on an htmx 4 page with the
    // hx-ptag extension: an unchanged tag is a 304 with no body, and render is never called.
    return ptag(`news-${news.version}`, () => res.end(`<p>${news.headline}</p>`));
  }
  if (req.method === "POST" && req.url === "/news") {
    news.version += 1;
    news.headline = "Zürich: Fondue-Saison eröffnet";
    return res.end("Published");
  }
  res.statusCode = 404;
  res.end("Not found");
});

createServer(handler).listen(3000, () => console.log("http://localhost:3000"));
