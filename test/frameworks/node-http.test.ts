import type { Server } from "node:http";
import { afterAll, beforeAll, describe } from "vitest";
import { createApp } from "../../examples/node-http/app.js";
import { close, itServesTheTodoApp, listen } from "./support.js";

describe("node:http example (examples/node-http/app.js)", () => {
  let server: Server;
  let base = "";
  beforeAll(async () => {
    server = createApp();
    base = await listen(server);
  });
  afterAll(() => close(server));

  itServesTheTodoApp({
    fetch: (path, init) => fetch(base + path, init),
    errorBody: /\(invalid_existing_header\)/,
  });
});
