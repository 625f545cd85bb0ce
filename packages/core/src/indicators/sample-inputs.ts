import {
  FINANCE_CALCULATORS,
  type FinanceCalculator,
  type FinanceCalculatorName,
  isFinanceCalculatorName,
} from '../finance';
import {
  type Leaf,
  type LeafInput,
  LIKERT_LEVELS,
  leavesOf,
  QUALITATIVE_GRADES,
  type ScoringRule,
  type SystemContent,
  type UnitInputs,
} from './model';

/**
 * Plausible inputs for every leaf of a system, for the "try it" panel, demos and benchmarks.
 * Deterministic: the same system and units always give the same inputs (a hash of unit and leaf
 * codes seeds a small PRNG), so a trial can be repeated and compared.
 */
export function sampleInputs(
  content: SystemContent,
  units: readonly { unit: string; group: string }[],
): UnitInputs[] {
  const leaves = leavesOf(content.dimensions);
  return units.map(({ unit, group }) => {
    const inputs: Record<string, LeafInput> = {};
    for (const leaf of leaves) {
      const rnd = prng(`${unit}/${leaf.code}`);
      inputs[leaf.code] = withoutOfficeTarget(sampleFor(leaf.rule, leaf, rnd), leaf);
    }
    return { unit, group, leaves: inputs, bonus: {}, vetoes: {}, statistics: {} };
  });
}

/** A unit never sends the target the office fixed (it would be refused). */
function withoutOfficeTarget(input: LeafInput, leaf: Leaf): LeafInput {
  if (leaf.officeParams?.target === undefined || !('target' in input)) return input;
  const { target: _t, ...rest } = input;
  return rest as LeafInput;
}

const round = (x: number, places = 2) => Math.round(x * 10 ** places) / 10 ** places;

function sampleFor(rule: ScoringRule, leaf: Leaf, rnd: () => number): LeafInput {
  switch (rule.kind) {
    case 'target_completion':
      return { kind: 'value', target: 100, actual: round(80 + rnd() * 30) };
    case 'reverse':
      return { kind: 'value', target: 10, actual: round(8 + rnd() * 5) };
    case 'target_gap':
      return { kind: 'value', target: 5, actual: round(rnd() * 8 - 1) };
    case 'bands': {
      const lows = rule.bands.map((b) => b.min).filter((x): x is number => x !== null);
      const highs = rule.bands.map((b) => b.max).filter((x): x is number => x !== null);
      const lo = lows.length ? Math.min(...lows) : 0;
      const hi = highs.length ? Math.max(...highs) : lo + 100;
      return { kind: 'value', actual: round(lo + rnd() * (hi - lo)) };
    }
    case 'efficacy':
    case 'rank':
      return { kind: 'value', actual: round(leaf.direction === 'lower' ? 2 + rnd() * 3 : 5 + rnd() * 5) };
    case 'deduction':
      return {
        kind: 'incidents',
        counts: Object.fromEntries(
          rule.items.map((i) => [i.code, rnd() < 0.8 ? 0 : 1 + Math.floor(rnd() * 2)]),
        ),
      };
    case 'qualitative_grade':
      return { kind: 'grade', grade: QUALITATIVE_GRADES[Math.min(3, Math.floor(rnd() * rnd() * 4))]! };
    case 'expert':
      return {
        kind: 'expert_scores',
        scores: Array.from({ length: 7 }, () => round(rule.scale * (0.7 + rnd() * 0.3), 1)),
      };
    case 'satisfaction':
      return {
        kind: 'survey',
        answers: Object.fromEntries(
          rule.groups.map((g) => [
            g.key,
            Object.fromEntries(LIKERT_LEVELS.map((l, i) => [l, Math.floor(rnd() * (i < 2 ? 60 : 15))])),
          ]),
        ) as Extract<LeafInput, { kind: 'survey' }>['answers'],
      };
    case 'composite':
      return {
        kind: 'sources',
        scores: Object.fromEntries(rule.sources.map((s) => [s.key, round(70 + rnd() * 30)])),
      };
    case 'formula':
      return sampleFormula(rule, leaf, rnd);
  }
}

type FormulaArgs = Record<string, number | number[]>;
type Sample = { args: FormulaArgs; target: number };

/**
 * A small project: an investment of 800–1100 万元 in year 1, then seven years of 250–400 万元, which
 * pay it back within the period even when discounted at up to 10% (the usual 基准折现率 is 8%).
 */
function projectFlows(rnd: () => number): number[] {
  return [-round(800 + rnd() * 300), ...Array.from({ length: 7 }, () => round(250 + rnd() * 150))];
}

/** Between lo and hi, rounded. */
const between = (rnd: () => number, lo: number, hi: number, places = 2) =>
  round(lo + rnd() * (hi - lo), places);

/**
 * Plausible arguments and a plausible target for each calculator (values in 万元, the default money
 * unit): emissions below their limits, positive investments, flows that pay back, ratios near the
 * usual control lines. Never the office's arguments (the 基准折现率) or `moneyUnit`: sampleFormula
 * drops those.
 */
const SAMPLES: Readonly<Record<FinanceCalculatorName, (rnd: () => number) => Sample>> = {
  fnpv: (rnd) => ({ args: { netFlows: projectFlows(rnd) }, target: 100 }),
  present_value_of_investment: (rnd) => ({ args: { investments: [between(rnd, 800, 1200)] }, target: 1000 }),
  npvr: (rnd) => {
    const netFlows = projectFlows(rnd);
    return { args: { netFlows, investments: [-netFlows[0]!] }, target: 10 };
  },
  irr: (rnd) => ({ args: { netFlows: projectFlows(rnd) }, target: 8 }),
  static_payback: (rnd) => ({ args: { netFlows: projectFlows(rnd) }, target: 5 }),
  dynamic_payback: (rnd) => ({ args: { netFlows: projectFlows(rnd) }, target: 6 }),
  employment_per_investment: (rnd) => ({
    args: {
      directJobs: Math.round(100 + rnd() * 200),
      relatedJobs: Math.round(50 + rnd() * 100),
      directInvestment: between(rnd, 3000, 5000),
      indirectInvestment: between(rnd, 500, 1000),
    },
    target: 0.06,
  }),
  energy_per_net_output: (rnd) => ({
    args: { annualEnergyConsumption: between(rnd, 1500, 3000), netOutputValue: between(rnd, 12_000, 20_000) },
    target: 0.2,
  }),
  land_per_investment: (rnd) => ({
    args: { cultivatedLandMu: between(rnd, 50, 200), totalInvestment: between(rnd, 5000, 10_000) },
    target: 0.02,
  }),
  water_per_product: (rnd) => ({
    args: {
      annualProductionWaterUse: between(rnd, 200_000, 400_000),
      mainProductOutput: between(rnd, 10_000, 15_000),
    },
    target: 30,
  }),
  eqi: (rnd) => ({ args: pollutants(rnd), target: 1 }),
  eqi_exceedances: (rnd) => ({ args: pollutants(rnd), target: 0 }),
  input_output_ratio: (rnd) => {
    const input = between(rnd, 500, 1000);
    return { args: { input, output: round(input * (1.2 + rnd() * 1.8)) }, target: 2 };
  },
  benefit_cost_ratio: (rnd) => ({
    args: {
      benefits: [0, ...Array.from({ length: 5 }, () => between(rnd, 300, 500))],
      costs: [between(rnd, 1000, 1500), ...Array.from({ length: 5 }, () => between(rnd, 20, 60))],
    },
    target: 1.2,
  }),
  change_rate: (rnd) => {
    const baseline = between(rnd, 80, 100);
    return { args: { baseline, current: round(baseline * (0.95 + rnd() * 0.25)) }, target: 10 };
  },
  revenue_growth_rate: (rnd) => {
    const previous = between(rnd, 100_000, 150_000);
    return { args: { previous, current: round(previous * (0.97 + rnd() * 0.13)) }, target: 5 };
  },
  structure_share: (rnd) => {
    const total = between(rnd, 100_000, 150_000);
    return { args: { total, part: round(total * (0.5 + rnd() * 0.35)) }, target: 70 };
  },
  debt_ratio: (rnd) => {
    const fiscalCapacity = between(rnd, 200_000, 300_000);
    return {
      args: { fiscalCapacity, debtBalance: round(fiscalCapacity * (0.5 + rnd() * 0.6)) },
      target: 100,
    };
  },
  debt_to_gdp: (rnd) => ({
    args: { gdp: between(rnd, 2_000_000, 4_000_000), debtBalance: between(rnd, 150_000, 250_000) },
    target: 10,
  }),
  debt_to_revenue: (rnd) => ({
    args: { revenue: between(rnd, 100_000, 150_000), debtBalance: between(rnd, 150_000, 250_000) },
    target: 150,
  }),
  debt_service_ratio: (rnd) => ({
    args: { fiscalCapacity: between(rnd, 200_000, 300_000), debtService: between(rnd, 10_000, 30_000) },
    target: 10,
  }),
};

/** Four pollutants (e.g. COD, 氨氮, SO₂, 颗粒物) at 30–90% of their limits; now and then one not emitted. */
function pollutants(rnd: () => number): FormulaArgs {
  const maxAllowed = [100, 60, 40, 20];
  const emitted = maxAllowed.map((limit) => (rnd() < 0.15 ? 0 : round(limit * (0.3 + rnd() * 0.6))));
  return { emitted, maxAllowed };
}

/** A formula input: the calculator's plausible sample, without what only the office sets. */
function sampleFormula(
  rule: Extract<ScoringRule, { kind: 'formula' }>,
  leaf: Leaf,
  rnd: () => number,
): LeafInput {
  const calc: FinanceCalculator | undefined = isFinanceCalculatorName(rule.calculator)
    ? FINANCE_CALCULATORS[rule.calculator]
    : undefined;
  // The office's arguments (the 基准折现率) and the money unit are not the unit's to send.
  const office = new Set<string>([
    'moneyUnit',
    ...(calc?.officeArgs ?? []),
    ...Object.keys(leaf.officeParams?.args ?? {}),
  ]);
  // An unknown calculator gets no arguments: the engine explains it (未找到计算公式).
  const sample = isFinanceCalculatorName(rule.calculator)
    ? SAMPLES[rule.calculator](rnd)
    : { args: {}, target: 100 };
  const args = Object.fromEntries(Object.entries(sample.args).filter(([name]) => !office.has(name)));
  return { kind: 'formula', args, target: sample.target };
}

/** FNV-1a hash of the seed feeding a mulberry32 generator. */
function prng(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
