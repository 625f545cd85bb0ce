/**
 * A tiny benchmark harness: each case is timed against a baseline measured in the same run, and
 * the report prints the ratio, because absolute times on a shared machine mean little.
 */
export interface BenchCase {
  name: string;
  /** Runs one iteration. */
  run: () => unknown | Promise<unknown>;
}

export interface BenchResult {
  name: string;
  iterations: number;
  msPerOp: number;
}

export async function measure(
  c: BenchCase,
  opts: { warmup: number; iterations: number },
): Promise<BenchResult> {
  for (let i = 0; i < opts.warmup; i++) await c.run();
  const t0 = performance.now();
  for (let i = 0; i < opts.iterations; i++) await c.run();
  const ms = performance.now() - t0;
  return { name: c.name, iterations: opts.iterations, msPerOp: ms / opts.iterations };
}

export function report(title: string, baseline: BenchResult, cases: BenchResult[]): void {
  console.log(`\n${title}`);
  const fmt = (r: BenchResult, ratio?: number) =>
    `  ${r.name.padEnd(52)} ${r.msPerOp.toFixed(3).padStart(9)} ms/op  (${r.iterations} ops)${ratio === undefined ? '  [baseline]' : `  ×${ratio.toFixed(2)} baseline`}`;
  console.log(fmt(baseline));
  for (const r of cases) console.log(fmt(r, r.msPerOp / baseline.msPerOp));
}
