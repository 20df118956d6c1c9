// `npm run bench`: micro benchmarks (mitata), the end-to-end server (autocannon) and the cold
// import time, each against hand-written code in the same process, printed as Markdown tables.
//
// Environment: BENCH_ROUNDS (micro rounds, default 5), BENCH_REQUESTS (requests per e2e round,
// default 20000), BENCH_E2E_ROUNDS (default 7), BENCH_ONLY=micro|merge|e2e|import|size to run one part.
import { execFileSync, spawnSync } from "node:child_process";
import { availableParallelism, cpus } from "node:os";
import { e2e } from "./e2e.js";
import { coldImport } from "./import.js";
import { mergeScaling } from "./merge.js";
import { micro } from "./micro.js";
import { bundleSize } from "./size.js";

// mitata collects garbage before each measurement; without --expose-gc it falls back to
// allocating 1 GiB, which leaves the heap in a state that made ratios swing by 2× between runs.
if (typeof globalThis.gc !== "function") {
  const args = ["--expose-gc", ...process.execArgv, ...process.argv.slice(1)];
  const { status } = spawnSync(process.execPath, args, { stdio: "inherit" });
  process.exit(status ?? 1);
}

const only = process.env.BENCH_ONLY;
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const requests = Number(process.env.BENCH_REQUESTS ?? 20_000);
const e2eRounds = Number(process.env.BENCH_E2E_ROUNDS ?? 7);

const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
console.log(`# hxplan benchmarks`);
console.log(`node ${process.version}, ${availableParallelism()} CPUs (${cpu}), ${new Date().toISOString()}`);
console.log(`git ${gitRevision()}\n`);

if (only === undefined || only === "micro") await micro({ rounds });
if (only === undefined || only === "merge") await mergeScaling();
if (only === undefined || only === "e2e") await e2e({ requests, rounds: e2eRounds });
if (only === undefined || only === "import") await coldImport({ runs: 15 });
if (only === undefined || only === "size") await bundleSize();

function gitRevision() {
  try {
    const rev = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "src"], { encoding: "utf8" }).trim();
    return dirty === "" ? rev : `${rev} (src modified)`;
  } catch {
    return "unknown";
  }
}
