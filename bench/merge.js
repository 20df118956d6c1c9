// Merge time against the size of an HX-Trigger a response already holds (1 KB … 1 MB): linear,
// and an existing header over maxHeaderBytes is refused before it is parsed.
import { hx } from "../dist/index.js";

const SIZES = [1_000, 10_000, 100_000, 1_000_000];

/** An HX-Trigger value of about `bytes` bytes: one JSON object of many events. */
function existingTrigger(bytes) {
  const events = [];
  let length = 2;
  for (let i = 0; length < bytes; i++) {
    const member = `"event-${i}":{"id":${i},"text":"row ${i}"}`;
    events.push(member);
    length += member.length + 1;
  }
  return `{${events.join(",")}}`;
}

/** An HX-Trigger value of about `bytes` bytes: a comma list of short names (the most events). */
function existingList(bytes) {
  const names = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    names.push(`e${i}`);
    length += String(i).length + 3;
  }
  return names.join(", ");
}

/** The best of `runs` timings of `fn`, in milliseconds (CPU time of this process). */
function best(fn, runs) {
  let min = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const { user: u0, system: s0 } = process.cpuUsage();
    fn();
    const { user: u1, system: s1 } = process.cpuUsage();
    min = Math.min(min, (u1 + s1 - u0 - s0) / 1000);
  }
  return min;
}

/** Prints merge time per existing size, and the refusal time over the limit. */
export async function mergeScaling({ runs = 5 } = {}) {
  const unlimited = hx({ maxHeaderBytes: Number.POSITIVE_INFINITY })
    .trigger("event-3", { id: -1 })
    .trigger("new");
  console.log("## Merging into an existing HX-Trigger (applyTo a header record, best of 5, CPU time)\n");
  console.log("| existing value | size | events | merge time | per KB | per KB vs 1 KB |");
  console.log("|---|--:|--:|--:|--:|--:|");
  for (const [shape, make, count] of [
    ["JSON object", existingTrigger, (value) => value.split('":{"id"').length - 1],
    ["comma list", existingList, (value) => value.split(",").length],
  ]) {
    let base;
    for (const size of SIZES) {
      const value = make(size);
      const ms = best(() => unlimited.applyTo({ "HX-Trigger": value }), runs);
      const perKb = ms / (value.length / 1000);
      base ??= perKb;
      console.log(
        `| ${shape} | ${(value.length / 1000).toFixed(0)} KB | ${count(value)} | ${ms.toFixed(2)} ms | ${(perKb * 1000).toFixed(1)} µs | ${(perKb / base).toFixed(2)}× |`,
      );
    }
  }
  const huge = existingTrigger(1_000_000);
  const plan = hx().trigger("new");
  const refused = best(() => {
    try {
      plan.applyTo({ "HX-Trigger": huge });
    } catch (error) {
      if (error.code !== "header_too_large") throw error;
    }
  }, runs);
  console.log(
    `\nA 1 MB existing HX-Trigger with the default maxHeaderBytes (8192) is refused (header_too_large) in ${(refused * 1000).toFixed(0)} µs.\n`,
  );
}
