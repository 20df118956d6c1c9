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

async function serverCpu(child) {
  child.send("cpu");
  const [{ user, system }] = await once(child, "message");
  return user + system;
}

/** One round: requests per second, and the server's CPU microseconds per request. */
async function round({ child, url }, amount) {
  const cpu0 = await serverCpu(child);
  const t0 = performance.now();
  const result = await load(url, amount);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = (await serverCpu(child)) - cpu0;
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`e2e: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return { rps: result.requests.total / seconds, cpu: cpu / result.requests.total };
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

/** Runs the end-to-end scenario and prints its table. */
export async function e2e({ requests, rounds }) {
  const servers = { hand: await start("hand"), hxplan: await start("hxplan") };
  try {
    const rps = { hand: [], hxplan: [] };
    const cpu = { hand: [], hxplan: [] };
    // Warm up both servers (JIT, keep-alive sockets) before anything is recorded.
    for (const kind of ["hand", "hxplan"]) await round(servers[kind], Math.min(requests, 5000));
    for (let r = 0; r < rounds; r++) {
      process.stderr.write(`e2e round ${r + 1}/${rounds}\r`);
      const order = r % 2 === 0 ? ["hand", "hxplan"] : ["hxplan", "hand"];
      for (const kind of order) {
        const result = await round(servers[kind], requests);
        rps[kind].push(result.rps);
        cpu[kind].push(result.cpu);
      }
    }
    process.stderr.write("\n");
    const hand = median(rps.hand);
    const ours = median(rps.hxplan);
    const handCpu = median(cpu.hand);
    const oursCpu = median(cpu.hxplan);
    console.log(
      `## End to end (node:http on 127.0.0.1, autocannon, 10 connections, ${requests} requests × ${rounds} rounds, median)\n`,
    );
    console.log("| handler | requests/s | ratio | target | server CPU per request | ratio |");
    console.log("|---|--:|--:|--:|--:|--:|");
    console.log(`| hand-written | ${hand.toFixed(0)} | 1.00× | | ${handCpu.toFixed(1)} µs | 1.00× |`);
    console.log(
      `| hxplan | ${ours.toFixed(0)} | ${(ours / hand).toFixed(3)}× | ≥ 0.98× ${ours / hand >= 0.98 ? "✓" : "✗"} | ${oursCpu.toFixed(1)} µs | ${(oursCpu / handCpu).toFixed(2)}× |\n`,
    );
    return { hand, hxplan: ours, handCpu, hxplanCpu: oursCpu };
  } finally {
    for (const { child } of Object.values(servers)) child.disconnect();
  }
}
