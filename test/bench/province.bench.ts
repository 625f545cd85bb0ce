import { compare } from '../../packages/core/src/province/compare';
import { sharesMatrix } from '../../packages/core/src/province/fast-matrix';
import type { EffectiveGroup } from '../../packages/core/src/province/groups';
import type { SharedResult, StandardIndicator } from '../../packages/core/src/province/model';
import { mulberry32 } from '../../packages/core/src/province/random';
import {
  type ComparisonMatrix,
  rankSensitivity,
  whatIf,
  whatIfOutcome,
} from '../../packages/core/src/province/what-if';

/**
 * What-if and rank sensitivity at province scale (issue #12): 2,000 tenants × 150 standard
 * indicators of random standardised values (60–100; a fifth of the tenants lack 1–10 indicators),
 * as one group and as 4 groups of 500. Baseline of the same run: a plain Float64Array loop
 * Σ w·v over the same n × k numbers. Targets: < 50 ms a scenario, 1,000 perturbations < 5 s, and
 * a scenario at most 3× the plain loop.
 */

const N = 2000;
const K = 150;

function matrix(n: number, k: number, seed: number): ComparisonMatrix {
  const random = mulberry32(seed);
  const values = new Float64Array(n * k);
  const present = new Float64Array(n * k).fill(1);
  const full = new Uint8Array(n).fill(1);
  for (let i = 0; i < n * k; i++) values[i] = 60 + 40 * random();
  for (let r = 0; r < n; r++) {
    if (random() >= 0.2) continue;
    full[r] = 0;
    const gaps = 1 + Math.floor(random() * 10);
    for (let g = 0; g < gaps; g++) {
      const at = r * k + Math.floor(random() * k);
      values[at] = 0;
      present[at] = 0;
    }
  }
  return {
    tenants: Array.from({ length: n }, (_, r) => String(230000 + r)),
    names: Array.from({ length: n }, (_, r) => `地区${r}`),
    codes: Array.from({ length: k }, (_, j) => `S${j}`),
    values,
    present,
    full,
    weights: Float64Array.from({ length: k }, () => 1 + Math.floor(random() * 10)),
    grades: { excellent: 20, good: 30, fair: 30 },
  };
}

/** A scenario: the group's weights each moved by up to ±50%. */
const scenarios = (m: ComparisonMatrix, count: number, seed: number): Float64Array[] => {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => m.weights.map((w) => w * (0.5 + random())));
};

/** The baseline: Σ w·v per row, nothing else. */
function plainLoop(values: Float64Array, w: Float64Array, out: Float64Array): void {
  const k = w.length;
  const n = out.length;
  for (let r = 0, base = 0; r < n; r++, base += k) {
    let s = 0;
    for (let j = 0; j < k; j++) s += (w[j] as number) * (values[base + j] as number);
    out[r] = s;
  }
}

const time = (f: () => void): number => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const ms = (x: number) => `${x.toFixed(3)} ms`;

/** Times `run` over every scenario (after warming up), each a set of groups sharing one weight draw. */
function scenarioTimes(groups: ComparisonMatrix[], weights: Float64Array[][], rounds: number): number[] {
  const outs = groups.map((g) => whatIfOutcome(g.tenants.length));
  const once = (s: number) => {
    for (let g = 0; g < groups.length; g++)
      whatIf(groups[g] as ComparisonMatrix, weights[g]?.[s] as Float64Array, outs[g]);
  };
  const count = weights[0]?.length ?? 0;
  for (let s = 0; s < count; s++) once(s);
  const times: number[] = [];
  for (let round = 0; round < rounds; round++)
    for (let s = 0; s < count; s++) times.push(time(() => once(s)));
  return times;
}

function baselineTimes(groups: ComparisonMatrix[], weights: Float64Array[][], rounds: number): number[] {
  const outs = groups.map((g) => new Float64Array(g.tenants.length));
  const once = (s: number) => {
    for (let g = 0; g < groups.length; g++)
      plainLoop(
        (groups[g] as ComparisonMatrix).values,
        weights[g]?.[s] as Float64Array,
        outs[g] as Float64Array,
      );
  };
  const count = weights[0]?.length ?? 0;
  for (let s = 0; s < count; s++) once(s);
  const times: number[] = [];
  for (let round = 0; round < rounds; round++)
    for (let s = 0; s < count; s++) times.push(time(() => once(s)));
  return times;
}

function layout(title: string, groups: ComparisonMatrix[]): void {
  console.log(`\n${title}`);
  const weights = groups.map((g, i) => scenarios(g, 20, 100 + i));
  const base = baselineTimes(groups, weights, 10);
  const fast = scenarioTimes(groups, weights, 10);
  const [bBest, bMed, fBest, fMed] = [Math.min(...base), median(base), Math.min(...fast), median(fast)];
  console.log(
    `  plain Float64Array loop Σ w·v (baseline)   best ${ms(bBest)}, median ${ms(bMed)}  (${base.length} runs)`,
  );
  console.log(
    `  whatIf per scenario (composites, ranks, grades) best ${ms(fBest)}, median ${ms(fMed)}  (${fast.length} scenarios)`,
  );
  const ratio = fMed / bMed;
  console.log(
    `  → whatIf ×${(fBest / bBest).toFixed(2)} the plain loop (best), ×${ratio.toFixed(2)} (median)`,
  );
  console.log(
    `  target < 50 ms a scenario: ${verdict(fMed < 50)};  at most 3× the plain loop: ${verdict(ratio <= 3)}`,
  );

  const draws = 1000;
  let seconds = 0;
  for (const [i, g] of groups.entries())
    seconds += time(() => rankSensitivity(g, { band: 0.2, draws, seed: i + 1 })) / 1000;
  const plain = (draws * bMed) / 1000;
  console.log(
    `  rankSensitivity ±20%, ${draws} draws: ${seconds.toFixed(3)} s; ${draws} × the plain loop ${plain.toFixed(3)} s → ×${(seconds / plain).toFixed(2)}`,
  );
  console.log(`  target 1,000 perturbations < 5 s: ${verdict(seconds < 5)}`);
}

/** The same numbers as shares, a library and the implicit group, as the API reads them. */
function asShares(m: ComparisonMatrix) {
  const at = '2026-01-01T00:00:00.000Z';
  const library: StandardIndicator[] = m.codes.map((code, j) => ({
    province: '230000',
    code,
    name: code,
    dimension: `D${j % 5}`,
    definition: '',
    unit: '%',
    direction: j % 4 === 0 ? 'lower' : 'higher',
    formula: '',
    weight: m.weights[j] as number,
    source: '',
    version: 1,
    createdAt: at,
    updatedAt: at,
  }));
  const k = m.codes.length;
  const shares = m.tenants.map(
    (tenant, r): SharedResult => ({
      recipient: '230000',
      recipientKind: 'province',
      tenant,
      tenantName: m.names[r] as string,
      level: 'county',
      year: 2025,
      cycle: { id: 'c', name: 'c', kind: 'annual' },
      run: { id: 'r', number: 1, released: at },
      published: true,
      shared: { by: 'b', at },
      note: '',
      coverage: { mappedPoints: 1, totalPoints: 1, mappedLeaves: 1, totalLeaves: 1 },
      indicators: m.codes.flatMap((standard, j) =>
        m.present[r * k + j]
          ? [{ standard, value: m.values[r * k + j] as number, leaves: [], units: 1 }]
          : [],
      ),
      summary: { units: 1, meanTotal: '0', grades: [] },
    }),
  );
  const weights = Object.fromEntries(library.map((s) => [s.code, s.weight]));
  const group: EffectiveGroup = {
    code: 'ALL',
    name: 'all',
    members: null,
    weights,
    method: 'efficacy',
    grades: m.grades,
  };
  return { library, shares, group };
}

/** The official comparison in exact decimals over the same size, for scale (not a target). */
function exactOnce(m: ComparisonMatrix): number {
  const { library, shares, group } = asShares(m);
  return time(() =>
    compare({ recipient: '230000', year: 2025, group, library, shares, previous: [], names: new Map() }),
  );
}

/** What the what-if route does per request: the float matrix from the shares, then one scenario. */
function apiPathOnce(m: ComparisonMatrix): number {
  const { library, shares, group } = asShares(m);
  const best = [1, 2, 3, 4, 5].map(() =>
    time(() => {
      const x = sharesMatrix({ group, library, shares });
      whatIf(x, x.weights);
    }),
  );
  return Math.min(...best);
}

export async function provinceBench(): Promise<void> {
  const one = matrix(N, K, 1);
  layout(`Province what-if: one group of ${N.toLocaleString('en')} tenants × ${K} indicators`, [one]);
  layout(
    `Province what-if: 4 groups of ${(N / 4).toLocaleString('en')} × ${K} (2,000 tenants in all)`,
    [0, 1, 2, 3].map((g) => matrix(N / 4, K, 10 + g)),
  );
  const api = apiPathOnce(one);
  console.log(
    `  what-if per request from the shares (float matrix + one scenario): ${api.toFixed(1)} ms — target < 50 ms: ${verdict(api < 50)}`,
  );
  console.log(
    `  (for scale) the official comparison in exact decimals, ${N.toLocaleString('en')} × ${K}, efficacy: ${(exactOnce(one) / 1000).toFixed(2)} s`,
  );
}
