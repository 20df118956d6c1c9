// The same Fetch handler on Node, through @hono/node-server's Fetch-to-Node bridge.
import { serve } from "@hono/node-server";
import { createHandler } from "./handler.js";

serve({ fetch: createHandler(), port: 3000 }, () => console.log("http://localhost:3000/todos"));
