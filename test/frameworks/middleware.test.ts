// Every framework's hxplan middleware against the one behaviour table in contract.ts, on real
// servers on 127.0.0.1.
import { describe } from "vitest";
import { itKeepsTheMiddlewareContract } from "./contract.js";
import { FRAMEWORKS, startApp } from "./middleware-apps.js";

// The Fetch wrapper lets a thrown error propagate: the 500 is written by the code around it.
const VARY_ON_ERRORS = {
  express: true,
  node: true,
  fetch: false,
  fastify: true,
  koa: true,
  hono: true,
} as const;

describe.each(FRAMEWORKS)("hxplan/%s middleware", (framework) => {
  itKeepsTheMiddlewareContract((options) => startApp(framework, options), {
    varyOnErrors: VARY_ON_ERRORS[framework],
  });
});
