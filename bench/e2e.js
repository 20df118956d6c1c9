// End to end: a node:http server (in its own process) per handler, driven by autocannon for a
// fixed number of requests per round; the handlers alternate round by round.
import { fork } from "node:child_process";
import { once } from "node:events";
import autocannon from "autocannon";

const SERVER = new URL("./server.js", import.meta.url);
const ROUND_TIMEOUT_MS = 60_000;

async function start(kind) {
  const child = fork(SERVER, [kind], { stdio: ["ignore", "pipe", "inherit", "ipc"] });
  const [chunk] = await once(child.stdout, "data");
  return { child, url: `http://127.0.0.1:${Number(String(chunk).trim())}/items` };
}

function load(url, amount) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, amount, connections: 10, headers: { "HX-Request": "true" } },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    // Bounded in time as well as in count: a stuck server ends the round.
    const timer = setTimeout(() => instance.stop(), ROUND_TIMEOUT_MS);
    instance.on("done", () => clearTimeout(timer));
  });
}

async function round(url, amount) {
  const t0 = performance.now();
  const result = await load(url, amount);
  const seconds = (performance.now() - t0) / 1000;
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`e2e: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return result.requests.total / seconds;
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

/** Runs the end-to-end scenario and prints its table. */
export async function e2e({ requests, rounds }) {
  const servers = { hand: await start("hand"), hxplan: await start("hxplan") };
  try {
    const rps = { hand: [], hxplan: [] };
    // Warm up both servers (JIT, keep-alive sockets) before anything is recorded.
    for (const kind of ["hand", "hxplan"]) await round(servers[kind].url, Math.min(requests, 5000));
    for (let r = 0; r < rounds; r++) {
      process.stderr.write(`e2e round ${r + 1}/${rounds}\r`);
      const order = r % 2 === 0 ? ["hand", "hxplan"] : ["hxplan", "hand"];
      for (const kind of order) rps[kind].push(await round(servers[kind].url, requests));
    }
    process.stderr.write("\n");
    const hand = median(rps.hand);
    const ours = median(rps.hxplan);
    console.log(
      `## End to end (node:http on 127.0.0.1, autocannon, 10 connections, ${requests} requests × ${rounds} rounds, median)\n`,
    );
    console.log("| handler | requests/s | ratio | target |");
    console.log("|---|--:|--:|--:|");
    console.log(`| hand-written | ${hand.toFixed(0)} | 1.00× | |`);
    console.log(
      `| hxplan | ${ours.toFixed(0)} | ${(ours / hand).toFixed(3)}× | ≥ 0.98× ${ours / hand >= 0.98 ? "✓" : "✗"} |\n`,
    );
    return { hand, hxplan: ours };
  } finally {
    for (const { child } of Object.values(servers)) child.disconnect();
  }
}
