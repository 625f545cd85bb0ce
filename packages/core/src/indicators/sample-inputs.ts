import { z } from 'zod';
import { FINANCE_CALCULATORS } from '../finance';
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

/** Arguments for a calculator: numbers and series the calculator's schema accepts. */
function sampleFormula(
  rule: Extract<ScoringRule, { kind: 'formula' }>,
  leaf: Leaf,
  rnd: () => number,
): LeafInput {
  const calc = FINANCE_CALCULATORS[rule.calculator as keyof typeof FINANCE_CALCULATORS];
  // The office's arguments (the 基准折现率) and the money unit are not the unit's to send.
  const office = new Set<string>([
    'moneyUnit',
    ...((calc as { officeArgs?: readonly string[] } | undefined)?.officeArgs ?? []),
    ...Object.keys(leaf.officeParams?.args ?? {}),
  ]);
  type Json = { properties?: Record<string, { type?: string }>; anyOf?: Json[] };
  const schema = calc ? (z.toJSONSchema(calc.args, { unrepresentable: 'any' }) as Json) : {};
  // A calculator taking alternative argument shapes: sample the first.
  const props = (schema.anyOf?.[0] ?? schema).properties ?? {};
  const args: Record<string, number | number[]> = {};
  for (const [name, schema] of Object.entries(props)) {
    if (office.has(name)) continue;
    args[name] =
      schema.type === 'array'
        ? [-1000, ...Array.from({ length: 6 }, () => round(200 + rnd() * 200))]
        : round(name.toLowerCase().includes('rate') ? 5 + rnd() * 5 : 100 + rnd() * 900);
  }
  return { kind: 'formula', args, target: 100 };
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
