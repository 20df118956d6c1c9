// docs/examples/cors.js
// CORS: htmx on another origin can read the HX-* response headers only when they are listed
// in Access-Control-Expose-Headers. `exposeHeaders()` lists every HX-* header the plan sends,
// merged with what a CORS middleware already exposes.
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { hx } from "hxplan";
import { honoContext, htmx } from "hxplan/hono";

const app = new Hono();

app.use(
  cors({
    origin: "https://app.example",
    exposeHeaders: ["X-Request-Id"],
    // htmx's own request headers are not CORS-safelisted: the preflight must allow them.
    allowHeaders: [
      "HX-Request",
      "HX-Current-URL",
      "HX-Target",
      "HX-Trigger",
      "HX-Trigger-Name",
      "HX-Boosted",
      "HX-Prompt",
      "HX-History-Restore-Request",
      "HX-Source",
      "HX-Request-Type",
    ],
  }),
);
app.use(htmx());

app.post("/todos", (c) => {
  hx()
    .trigger("todo-added")
    .retarget("#todos")
    .exposeHeaders() // Access-Control-Expose-Headers: X-Request-Id, HX-Trigger, HX-Retarget
    .applyTo(honoContext(c));
  return c.html("<li>Todo</li>");
});

serve({ fetch: app.fetch, port: 3000 }, () => console.log("http://localhost:3000")); // Hono answers 404
