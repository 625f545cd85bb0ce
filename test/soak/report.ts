/**
 * What the soak reports (`harness.ts` measures): the report's shape, its statistics (percentiles,
 * the memory series' thirds and slope) and the plain table `npm run soak` prints.
 */
export const KINDS = ['read', 'results', 'console', 'write', 'upload', 'export', 'evaluation'] as const;
export type Kind = (typeof KINDS)[number];

export interface SoakOptions {
  seconds: number;
  /** Workers sending requests at once (the evaluation loop runs beside them). */
  concurrency?: number;
  /** Seconds before memory is sampled (the caches and the JIT settle first). */
  warmupSeconds?: number;
  sampleEveryMs?: number;
  /** A trial run is started this often (the previous one has always finished first). */
  runEverySeconds?: number;
  /** At most one upload is confirmed (kept) this often; the others are discarded. */
  confirmEverySeconds?: number;
  /** Progress lines (the CLI prints them; tests pass nothing). */
  progress?: (line: string) => void;
  /** Only these kinds (default all): e.g. reads alone, to tell data growth from a leak. */
  kinds?: readonly Kind[];
}

/** Memory is "flat" when the linear fit of the heap after warm-up grows at most this fast. */
export const HEAP_SLOPE_LIMIT_MB_PER_MIN = 1;

export interface SoakError {
  kind: Kind;
  what: string;
  status: number;
  detail: string;
}

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface MemorySeries {
  firstThirdMB: number;
  lastThirdMB: number;
  growthMB: number;
  slopeMBPerMin: number;
}

export interface SoakReport {
  startedAt: string;
  seconds: number;
  concurrency: number;
  machine: {
    cpus: number;
    loadavgAtStart: number[];
    loadavgAtEnd: number[];
    freeMemMB: number;
    totalMemMB: number;
  };
  requests: number;
  errors: number;
  firstErrors: SoakError[];
  /** Error-level lines the app logged (unhandled errors, failed steps). */
  appErrorLogs: number;
  byKind: Record<Kind, Percentiles>;
  overall: Percentiles;
  runs: { started: number; ready: number };
  /**
   * The table before and after the traffic. The embedded DynamoDB keeps it in this process's heap,
   * so whatever the writes, uploads and runs add shows up in the memory too.
   */
  table: { itemsBefore: number; itemsAfter: number; kibBefore: number; kibAfter: number };
  memory: {
    gcBeforeSample: boolean;
    samples: { t: number; rssMB: number; heapUsedMB: number }[];
    rss: MemorySeries;
    heapUsed: MemorySeries;
  };
  verdict: { noErrors: boolean; memoryFlat: boolean; heapSlopeLimitMBPerMin: number; pass: boolean };
}

export const MB = (b: number) => b / 1024 / 1024;
export const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

export function percentiles(xs: number[]): Percentiles {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : 0);
  return {
    count: s.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(s.at(-1) ?? 0),
  };
}

/** Mean of the first and last third, and the least-squares slope per minute. */
export function series(points: { t: number; v: number }[]): MemorySeries {
  const third = Math.max(1, Math.floor(points.length / 3));
  const mean = (ps: { v: number }[]) => ps.reduce((a, p) => a + p.v, 0) / (ps.length || 1);
  const first = mean(points.slice(0, third));
  const last = mean(points.slice(-third));
  const n = points.length;
  const mt = points.reduce((a, p) => a + p.t, 0) / (n || 1);
  const mv = mean(points);
  const cov = points.reduce((a, p) => a + (p.t - mt) * (p.v - mv), 0);
  const vt = points.reduce((a, p) => a + (p.t - mt) ** 2, 0);
  const slopePerMs = vt ? cov / vt : 0;
  return {
    firstThirdMB: round(first),
    lastThirdMB: round(last),
    growthMB: round(last - first),
    slopeMBPerMin: round(slopePerMs * 60_000, 2),
  };
}

/** The report as a plain table. */
export function formatReport(r: SoakReport): string {
  const rows = [
    ['kind', 'count', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
    ...[...KINDS.map((k) => [k, r.byKind[k]] as const), ['overall', r.overall] as const].map(([k, p]) => [
      k,
      String(p.count),
      p.p50.toFixed(1),
      p.p95.toFixed(1),
      p.p99.toFixed(1),
      p.max.toFixed(1),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  const m = r.memory;
  const mem = (name: string, s: MemorySeries) =>
    `${name.padEnd(9)} first third ${s.firstThirdMB} MB, last third ${s.lastThirdMB} MB, growth ${s.growthMB} MB, slope ${s.slopeMBPerMin} MB/min`;
  return [
    `soak: ${r.seconds} s, ${r.concurrency} workers, ${r.requests} requests (trial runs: ${r.runs.ready} ready of ${r.runs.started})`,
    `machine: ${r.machine.cpus} CPUs, load average ${r.machine.loadavgAtStart.map((x) => x.toFixed(2)).join('/')} at start, ${r.machine.loadavgAtEnd.map((x) => x.toFixed(2)).join('/')} at end`,
    '',
    ...rows.map(line),
    '',
    `table: ${r.table.itemsBefore} → ${r.table.itemsAfter} items, ${r.table.kibBefore} → ${r.table.kibAfter} KiB of JSON (held in this process by the embedded DynamoDB)`,
    `errors: ${r.errors} (app error log lines: ${r.appErrorLogs})`,
    ...r.firstErrors.slice(0, 5).map((e) => `  ${e.kind}: ${e.what} → ${e.status} ${e.detail.slice(0, 160)}`),
    '',
    `memory (${m.samples.length} samples after warm-up${m.gcBeforeSample ? ', each after a full GC' : ''}):`,
    `  ${mem('rss', m.rss)}`,
    `  ${mem('heapUsed', m.heapUsed)}`,
    '',
    `verdict: errors ${r.verdict.noErrors ? 'OK (0)' : `FAIL (${r.errors})`}; memory ${r.verdict.memoryFlat ? 'flat' : 'NOT flat'} (heap slope limit ${r.verdict.heapSlopeLimitMBPerMin} MB/min) → ${r.verdict.pass ? 'PASS' : 'FAIL'}`,
  ].join('\n');
}
