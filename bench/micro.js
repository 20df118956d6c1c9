// Micro benchmarks: every scenario's contenders, timed with mitata's `measure` in the same
// process, interleaved over several rounds; the median round is reported, so a noisy neighbour
// slows one round rather than one contender.
import { do_not_optimize, measure } from "mitata";
import { resetIds, scenarios, snapshot } from "./scenarios.js";

const CONTENDERS = ["hand", "hxplan", "peer"];

// The clock: CPU time of this process (default), so time the scheduler gives to other
// processes on a busy machine is not charged to whichever contender was running; or wall time.
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
};
const clock = process.env.BENCH_CLOCK === "wall" ? {} : { now: cpuNow };

/** Fails loudly when the contenders of a scenario do not write the same headers. */
function check(scenario) {
  resetIds();
  const expected = snapshot(scenario.hand());
  for (const name of ["hxplan", "peer"]) {
    if (typeof scenario[name] !== "function") continue;
    resetIds();
    const got = snapshot(scenario[name]());
    if (got !== expected) {
      throw new Error(
        `${scenario.name}: ${name} writes\n  ${got}\nbut hand-written code writes\n  ${expected}`,
      );
    }
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const ns = (value) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} µs` : `${value.toFixed(0)} ns`);
const ratio = (value) => `${value.toFixed(2)}×`;

/** Runs every scenario and prints the table; returns the measurements. */
export async function micro({ rounds }) {
  for (const scenario of scenarios) check(scenario);
  const samples = scenarios.map(() => ({ hand: [], hxplan: [], peer: [] }));
  for (let round = 0; round < rounds; round++) {
    process.stderr.write(`micro round ${round + 1}/${rounds}\r`);
    for (const [i, scenario] of scenarios.entries()) {
      // Rotate the order, so no contender always runs right after another one's garbage.
      const order = CONTENDERS.filter((c) => typeof scenario[c] === "function");
      for (let k = 0; k < round % order.length; k++) order.push(order.shift());
      for (const name of order) {
        const fn = scenario[name];
        const stats = await measure(() => do_not_optimize(fn()), { min_cpu_time: 150e6, ...clock });
        samples[i][name].push(stats.avg);
      }
    }
  }
  process.stderr.write("\n");

  console.log(
    `## Per operation (mitata, CPU time; ns/op: median of ${rounds} interleaved rounds; ratio: median of the per-round ratios)\n`,
  );
  console.log("| scenario | hand-written | hxplan | hxplan ratio | target | @quilted/htmx | peer ratio |");
  console.log("|---|--:|--:|--:|--:|--:|--:|");
  const results = [];
  for (const [i, scenario] of scenarios.entries()) {
    const { hand: handRounds, hxplan: ourRounds, peer: peerRounds } = samples[i];
    const hand = median(handRounds);
    const ours = median(ourRounds);
    const peer = peerRounds.length > 0 ? median(peerRounds) : undefined;
    // Ratios within a round (contenders timed back to back), then the median over rounds.
    const ourRatio = median(ourRounds.map((t, r) => t / handRounds[r]));
    const peerRatio = peer === undefined ? undefined : median(peerRounds.map((t, r) => t / handRounds[r]));
    const limit = scenario.target?.limit;
    const verdict = limit === undefined ? "" : `≤ ${limit}× ${ourRatio <= limit ? "✓" : "✗"}`;
    console.log(
      `| ${scenario.name} | ${ns(hand)} | ${ns(ours)} | ${ratio(ourRatio)} | ${verdict} | ${
        peer === undefined ? "n/a" : ns(peer)
      } | ${peerRatio === undefined ? "" : ratio(peerRatio)} |`,
    );
    results.push({ name: scenario.name, hand, hxplan: ours, peer, ratio: ourRatio, peerRatio });
  }
  console.log(
    "\nn/a: @quilted/htmx cannot do this work (it writes non-ASCII JSON that `Headers.set` rejects,",
  );
  console.log("and it replaces an existing HX-Trigger instead of merging).\n");
  return results;
}
