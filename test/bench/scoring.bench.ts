import { LIKERT_LEVELS, type SystemContent, type UnitInputs } from '../../packages/core/src/indicators/model';
import { scoreUnits } from '../../packages/core/src/scoring/engine';
import { branch, leaf, system, unit } from '../../packages/core/src/scoring/testing';
import { type BenchResult, measure, report } from './harness';

/**
 * The year-end batch's own cost: a realistic city year (80 units in 4 groups × 150 leaves of mixed
 * rules, 15 expert leaves with 15 scores each, 5 satisfaction leaves sharing 20,000 survey answers)
 * and a province-sized run (2,000 units), against "a plain loop over the same inputs":
 * w · min(actual/target, 1) with plain numbers for every leaf of every unit.
 */

/** Seeded PRNG (mulberry32): the same data on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Kind =
  | 'target_completion'
  | 'reverse'
  | 'bands'
  | 'efficacy'
  | 'rank'
  | 'expert'
  | 'satisfaction'
  | 'deduction'
  | 'qualitative_grade';

/** 150 leaves: 90 target/reverse/bands (60%), 15 efficacy/rank (10%), 15 expert, 5 satisfaction, 15 deduction, 10 graded. */
const KINDS: Kind[] = [
  ...Array<Kind>(40).fill('target_completion'),
  ...Array<Kind>(25).fill('reverse'),
  ...Array<Kind>(25).fill('bands'),
  ...Array<Kind>(8).fill('efficacy'),
  ...Array<Kind>(7).fill('rank'),
  ...Array<Kind>(15).fill('expert'),
  ...Array<Kind>(5).fill('satisfaction'),
  ...Array<Kind>(15).fill('deduction'),
  ...Array<Kind>(10).fill('qualitative_grade'),
];
const RESPONDENT_GROUPS = ['RECIP', 'NPC', 'PUB'];

const ruleOf = (k: Kind): Record<string, unknown> & { kind: Kind } => {
  switch (k) {
    case 'target_completion':
      return { kind: k, cap: 1.2 };
    case 'reverse':
      return { kind: k };
    case 'bands':
      return {
        kind: k,
        bands: [
          { min: null, max: 60, fraction: 0.4 },
          { min: 60, max: 80, fraction: 0.7 },
          { min: 80, max: 95, fraction: 0.9 },
          { min: 95, max: null, fraction: 1 },
        ],
      };
    case 'efficacy':
    case 'rank':
    case 'qualitative_grade':
      return { kind: k };
    case 'expert':
      return { kind: k, scale: 100 };
    case 'satisfaction':
      return {
        kind: k,
        groups: [
          { key: 'RECIP', label: '服务对象', weight: 0.5 },
          { key: 'NPC', label: '人大代表政协委员', weight: 0.2 },
          { key: 'PUB', label: '社会公众', weight: 0.3 },
        ],
        minSample: 20,
      };
    case 'deduction':
      return {
        kind: k,
        items: [
          { code: 'LATE', label: '迟报', pointsEach: 0.1 },
          { code: 'ERR', label: '数据差错', pointsEach: 0.2 },
        ],
      };
  }
};

/** 5 dimensions × 6 indicators × 5 sub-indicators; 100 leaves of 0.6 and 50 of 0.8 = 100 points. */
function citySystem(): { content: SystemContent; leaves: { code: string; kind: Kind; weight: number }[] } {
  const shuffled = [...KINDS];
  const r = rng(7);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const leaves: { code: string; kind: Kind; weight: number }[] = [];
  const dims = [];
  let n = 0;
  for (let d = 0; d < 5; d++) {
    const inds = [];
    for (let i = 0; i < 6; i++) {
      const subs = [];
      for (let s = 0; s < 5; s++) {
        const kind = shuffled[n]!;
        const weight = n % 3 === 2 ? 0.8 : 0.6;
        const code = `L${String(n).padStart(3, '0')}`;
        n++;
        leaves.push({ code, kind, weight });
        subs.push(
          leaf(code, weight, ruleOf(kind), {
            direction: kind === 'reverse' ? 'lower' : 'higher',
            unitOfMeasure: '%',
          }),
        );
      }
      inds.push(branch(`D${d}I${i}`, Math.round(subs.reduce((s, x) => s + x.weight, 0) * 10) / 10, subs));
    }
    dims.push(branch(`D${d}`, Math.round(inds.reduce((s, x) => s + x.weight, 0) * 10) / 10, inds));
  }
  const content = system({
    dimensions: dims,
    bonusItems: [{ code: 'AWARD', name: '表彰', maxPoints: 2 }],
    bonusCap: 3,
    vetoItems: [{ code: 'CORR', name: '严重违纪', effect: 'fail' }],
    grading: {
      levels: [
        { code: 'excellent', label: { zh: '优秀', en: 'Excellent' }, min: 90, maxShare: 0.2 },
        { code: 'good', label: { zh: '良好', en: 'Good' }, min: 80 },
        { code: 'fair', label: { zh: '一般', en: 'Fair' }, min: 60 },
        { code: 'fail', label: { zh: '不及格', en: 'Fail' }, min: 0 },
      ],
      tieBreak: ['dimension:D0', 'fewer_deductions'],
    },
  });
  return { content, leaves };
}

interface Answer {
  unit: number;
  group: number;
  levels: number[];
}

/** Survey answers tallied into per-unit counts: plain integer counting, no decimals. */
function tally(answers: readonly Answer[], units: number, questions: number): number[][][][] {
  const counts = Array.from({ length: units }, () =>
    Array.from({ length: questions }, () =>
      Array.from({ length: RESPONDENT_GROUPS.length }, () => [0, 0, 0, 0, 0]),
    ),
  );
  for (const a of answers) {
    for (let q = 0; q < questions; q++) counts[a.unit]![q]![a.group]![a.levels[q]!]!++;
  }
  return counts;
}

function cityInputs(
  leaves: { code: string; kind: Kind }[],
  unitCount: number,
  seed: number,
): { units: UnitInputs[]; answers: Answer[] } {
  const r = rng(seed);
  const satLeaves = leaves.filter((l) => l.kind === 'satisfaction');
  const answers: Answer[] = [];
  for (let i = 0; i < 250 * unitCount; i++) {
    const g = r();
    answers.push({
      unit: Math.floor(r() * unitCount),
      group: g < 0.5 ? 0 : g < 0.6 ? 1 : 2,
      levels: satLeaves.map(() => Math.min(4, Math.floor(r() * r() * 5))),
    });
  }
  const counts = tally(answers, unitCount, satLeaves.length);
  const units: UnitInputs[] = [];
  for (let u = 0; u < unitCount; u++) {
    const li: Record<string, unknown> = {};
    let sat = 0;
    for (const l of leaves) {
      const p = r();
      if (p < 0.01) continue; // not submitted
      if (p < 0.02) {
        li[l.code] = { kind: 'exempt', reason: '职能调整' };
        continue;
      }
      switch (l.kind) {
        case 'target_completion':
        case 'reverse':
        case 'bands':
        case 'efficacy':
        case 'rank':
          li[l.code] = { kind: 'value', actual: Math.round(50 + r() * 70), target: 100 };
          break;
        case 'expert':
          li[l.code] = {
            kind: 'expert_scores',
            scores: Array.from({ length: 15 }, () => Math.round(60 + r() * 40)),
          };
          break;
        case 'satisfaction': {
          const q = counts[u]![sat++]!;
          li[l.code] = {
            kind: 'survey',
            answers: Object.fromEntries(
              RESPONDENT_GROUPS.map((g, gi) => [
                g,
                Object.fromEntries(LIKERT_LEVELS.map((lv, k) => [lv, q[gi]![k]!])),
              ]),
            ),
          };
          break;
        }
        case 'deduction':
          li[l.code] = { kind: 'incidents', counts: { LATE: Math.floor(r() * 3), ERR: Math.floor(r() * 2) } };
          break;
        case 'qualitative_grade':
          li[l.code] = { kind: 'grade', grade: 'ABCD'[Math.floor(r() * 4)] };
          break;
      }
    }
    units.push(
      unit(`U${String(u).padStart(4, '0')}`, `G${u % 4}`, li, {
        ...(r() < 0.3 ? { bonus: { AWARD: Math.round(r() * 30) / 10 } } : {}),
        ...(r() < 0.02 ? { vetoes: { CORR: '通报' } } : {}),
      }),
    );
  }
  return { units, answers };
}

/** The baseline: w · min(actual/target, 1) with plain numbers, for every leaf of every unit. */
function plainLoop(
  units: readonly UnitInputs[],
  leaves: readonly { code: string; weight: number }[],
): number {
  let grand = 0;
  for (const u of units) {
    let total = 0;
    for (const l of leaves) {
      const input = u.leaves[l.code];
      const actual = input?.kind === 'value' ? input.actual : 1;
      const target = input?.kind === 'value' ? (input.target ?? 1) : 1;
      total += l.weight * Math.min(actual / target, 1);
    }
    grand += total;
  }
  return grand;
}

async function run(
  title: string,
  unitCount: number,
  opts: { warmup: number; iterations: number },
): Promise<{ base: BenchResult; engine: BenchResult }> {
  const { content, leaves } = citySystem();
  const { units, answers } = cityInputs(leaves, unitCount, unitCount);
  const base = await measure(
    { name: `plain loop: ${unitCount} units × 150 leaves`, run: () => plainLoop(units, leaves) },
    opts,
  );
  const tallyRun = await measure(
    { name: `tally ${answers.length} survey answers × 5 questions`, run: () => tally(answers, unitCount, 5) },
    opts,
  );
  const engine = await measure(
    { name: `scoreUnits: ${unitCount} units × 150 leaves`, run: () => scoreUnits(content, units) },
    opts,
  );
  const json = await measure(
    {
      name: `scoreUnits + JSON.stringify (${unitCount} units)`,
      run: () => JSON.stringify(scoreUnits(content, units)).length,
    },
    { warmup: 0, iterations: Math.max(1, Math.floor(opts.iterations / 2)) },
  );
  report(title, base, [tallyRun, engine, json]);
  console.log(
    `  → engine ${(engine.msPerOp / unitCount).toFixed(3)} ms per unit, plain loop ${(base.msPerOp / unitCount).toFixed(4)} ms per unit; ` +
      `engine ×${(engine.msPerOp / base.msPerOp).toFixed(0)} the plain loop`,
  );
  return { base, engine };
}

export async function scoringBench(): Promise<void> {
  const city = await run('Scoring: a city year (80 units in 4 groups × 150 leaves)', 80, {
    warmup: 3,
    iterations: 10,
  });
  // The city run above has warmed the JIT up.
  await run('Scoring: a province-sized run (2,000 units × 150 leaves)', 2000, { warmup: 0, iterations: 3 });
  const verdict = city.engine.msPerOp < 1000 ? 'well under' : 'NOT under';
  console.log(`  city run: ${city.engine.msPerOp.toFixed(1)} ms — ${verdict} the 1 s target`);
}
