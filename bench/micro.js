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
  const expected = snapshot(scenario.hand(scenario.make?.()));
  for (const name of ["hxplan", "peer"]) {
    if (typeof scenario[name] !== "function") continue;
    resetIds();
    const got = snapshot(scenario[name](scenario.make?.()));
    if (got !== expected) {
      throw new Error(
        `${scenario.name}: ${name} writes\n  ${got}\nbut hand-written code writes\n  ${expected}`,
      );
    }
  }
}

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
        // With `make`, mitata builds each call's target before the timer starts (a computed
        // parameter), so only the header work is timed.
        const stats =
          scenario.make === undefined
            ? await measure(() => do_not_optimize(fn()), { min_cpu_time: 150e6, ...clock })
            : await measure(
                function* () {
                  yield { 0: scenario.make, bench: (target) => do_not_optimize(fn(target)) };
                },
                { min_cpu_time: 150e6, ...clock },
              );
        samples[i][name].push(stats.avg);
      }
    }
  }
  process.stderr.write("\n");

  console.log(
    `## Per operation (mitata, CPU time per operation; the median of ${rounds} interleaved rounds by ratio)\n`,
  );
  console.log("| scenario | hand-written | hxplan | hxplan ratio | target | @quilted/htmx | peer ratio |");
  console.log("|---|--:|--:|--:|--:|--:|--:|");
  const results = [];
  for (const [i, scenario] of scenarios.entries()) {
    // The round whose hxplan/hand ratio is the median: within a round the contenders ran back
    // to back, so its times and ratios belong together.
    const { hand: handRounds, hxplan: ourRounds, peer: peerRounds } = samples[i];
    const byRatio = handRounds
      .map((_, r) => r)
      .sort((a, b) => ourRounds[a] / handRounds[a] - ourRounds[b] / handRounds[b]);
    const r = byRatio[byRatio.length >> 1];
    const hand = handRounds[r];
    const ours = ourRounds[r];
    const peer = peerRounds.length > 0 ? peerRounds[r] : undefined;
    const ourRatio = ours / hand;
    const peerRatio = peer === undefined ? undefined : peer / hand;
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
