/** Shared timing helper for the benchmarks: warm-up, then p50/p95/mean over many iterations. */
export const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
export const WARMUP = 30;

export type Result = { name: string; p50: number; p95: number; mean: number; perSecond: number };

export async function measure(
  name: string,
  fn: () => Promise<unknown>,
  iterations = ITERATIONS,
): Promise<Result> {
  for (let i = 0; i < Math.min(WARMUP, iterations); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { name, p50: at(0.5), p95: at(0.95), mean, perSecond: 1000 / mean };
}

export function printResults(databaseKind: string, results: Result[]) {
  const fmt = (n: number) => n.toFixed(2).padStart(8);
  console.log(
    `\nDatabase: ${databaseKind}; times in ms (${ITERATIONS} iterations after ${WARMUP} warm-up unless noted)\n`,
  );
  console.log(
    `${'case'.padEnd(52)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'mean'.padStart(8)} ${'per s'.padStart(8)}`,
  );
  for (const r of results) {
    console.log(
      `${r.name.padEnd(52)} ${fmt(r.p50)} ${fmt(r.p95)} ${fmt(r.mean)} ${r.perSecond.toFixed(0).padStart(8)}`,
    );
  }
}
