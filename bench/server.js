// The end-to-end server: `node bench/server.js hand|hxplan` listens on 127.0.0.1 (a free port),
// prints the port, and answers every request with the dynamic plan of the micro benchmarks.
import { createServer } from "node:http";
import { hx } from "../dist/index.js";

const BODY = "<tr><td>saved</td></tr>";
const MSG = "Item saved";
let counter = 0;
const nextId = () => {
  counter = (counter + 1) & 1023;
  return counter;
};

const handlers = {
  hand(req, res) {
    const id = nextId();
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    if (req.headers["hx-request"] === "true") {
      res.setHeader("HX-Trigger", JSON.stringify({ saved: { id, msg: MSG } }));
      res.setHeader("HX-Push-Url", `/items/${id}`);
      res.setHeader("HX-Retarget", `#row-${id}`);
      res.setHeader("HX-Reswap", "outerHTML swap:100ms");
    }
    res.end(BODY);
  },
  hxplan(req, res) {
    const id = nextId();
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    if (req.headers["hx-request"] === "true") {
      hx()
        .trigger("saved", { id, msg: MSG })
        .retarget(`#row-${id}`)
        .reswap("outerHTML", { swap: 100 })
        .pushUrl(`/items/${id}`)
        .applyTo(res);
    }
    res.end(BODY);
  },
};

const handler = handlers[process.argv[2]];
if (handler === undefined) throw new Error("usage: node bench/server.js hand|hxplan");
const server = createServer(handler);
server.keepAliveTimeout = 10_000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${server.address().port}\n`);
});
// The runner asks for this process's CPU time around each round: server CPU per request is
// the cost of the handler even when the load generator, not the server, limits the rate.
process.on("message", (message) => {
  if (message === "cpu") process.send?.(process.cpuUsage());
});
process.on("disconnect", () => server.close(() => process.exit(0)));
