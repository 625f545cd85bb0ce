import type { Leaf } from '../indicators/model';
import { mean, median, round4, rwg, sampleVariance, scaleOf, trimmedMean } from './stats';

/**
 * Calibration (评分校准): how far the experts agree on each item, which scores lie far from the
 * others, and which experts score consistently harsher or milder than their peers, so the office
 * can ask for a second round. Pure; every threshold is a parameter with an example default (示例).
 */

export interface CalibrationOptions {
  /** An item's agreement below this flags it (default 0.7). */
  minAgreement: number;
  /** A score farther than this share of the scale from the median of the others is an outlier (0.2). */
  outlierShare: number;
  /** A mean deviation beyond ± this share of the scale makes an expert harsher or milder (0.1). */
  biasShare: number;
  /** Items an expert must share with ≥ 2 others before a tendency is named (3). */
  biasMinItems: number;
}

export const CALIBRATION_DEFAULTS: CalibrationOptions = {
  minAgreement: 0.7,
  outlierShare: 0.2,
  biasShare: 0.1,
  biasMinItems: 3,
};

/** One score of one expert on one item (a 360° rater group's item has its `group`). */
export interface CalibrationScore {
  expert: string;
  unit: string;
  leaf: string;
  group?: string | undefined;
  score: number;
}

export const CALIBRATION_FLAGS = ['low_agreement', 'outlier'] as const;
export type CalibrationFlagKind = (typeof CALIBRATION_FLAGS)[number];

export const EXPERT_TENDENCIES = ['harsher', 'milder', 'neutral', 'insufficient'] as const;
export type ExpertTendency = (typeof EXPERT_TENDENCIES)[number];

export interface Words {
  zh: string;
  en: string;
}

export interface Outlier {
  expert: string;
  score: number;
  /** The median of the other experts' scores on the item. */
  othersMedian: number;
  distance: number;
}

export interface ItemCalibration {
  unit: string;
  leaf: string;
  group?: string;
  scale: number;
  n: number;
  mean: number;
  median: number;
  /** Sample standard deviation; null below two scores. */
  sd: number | null;
  min: number;
  max: number;
  range: number;
  trimmedMean: number;
  rwg: number | null;
  outliers: Outlier[];
  flags: { kind: CalibrationFlagKind; reason: Words }[];
}

export interface LeafCalibration {
  leaf: string;
  items: number;
  /** Mean r_wg over the items that have one (null if none). */
  meanRwg: number | null;
  meanRange: number;
  flagged: number;
}

export interface ExpertBias {
  expert: string;
  /** Items scored beside at least two others. */
  items: number;
  /** Mean of (score − mean of the others) / scale; null without such items. */
  meanDeviation: number | null;
  tendency: ExpertTendency;
  reason: Words;
}

export interface Calibration {
  options: CalibrationOptions;
  items: ItemCalibration[];
  leaves: LeafCalibration[];
  experts: ExpertBias[];
}

const pct = (x: number) => `${Math.round(x * 10_000) / 100}%`;
const n2 = (x: number) => String(round4(x));
const itemKey = (s: { unit: string; leaf: string; group?: string | undefined }) =>
  `${s.unit}\u0000${s.leaf}\u0000${s.group ?? ''}`;
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Groups scores by item (unit, leaf, rater group), in a stable order. */
function groupItems(scores: readonly CalibrationScore[]): CalibrationScore[][] {
  const m = new Map<string, CalibrationScore[]>();
  for (const s of scores) m.set(itemKey(s), [...(m.get(itemKey(s)) ?? []), s]);
  return [...m.entries()].sort(([a], [b]) => byCode(a, b)).map(([, v]) => v);
}

function outliersOf(list: readonly CalibrationScore[], scale: number, o: CalibrationOptions): Outlier[] {
  if (list.length < 3) return [];
  const out: Outlier[] = [];
  list.forEach((s, i) => {
    const others = list.filter((_, j) => j !== i).map((x) => x.score);
    const m = median(others);
    const distance = Math.abs(s.score - m);
    if (distance > o.outlierShare * scale)
      out.push({ expert: s.expert, score: s.score, othersMedian: round4(m), distance: round4(distance) });
  });
  return out.sort((a, b) => byCode(a.expert, b.expert));
}

function itemOf(
  list: readonly CalibrationScore[],
  leaf: Leaf,
  o: CalibrationOptions,
  nameOf: (expert: string) => string,
): ItemCalibration {
  const first = list[0]!;
  const xs = list.map((s) => s.score);
  const scale = scaleOf(leaf);
  const agreement = rwg(xs, scale);
  const outliers = outliersOf(list, scale, o);
  const flags: ItemCalibration['flags'] = [];
  if (agreement !== null && agreement < o.minAgreement)
    flags.push({
      kind: 'low_agreement',
      reason: {
        zh: `${list.length} 位专家评分一致性系数 r_wg = ${n2(agreement)}，低于 ${n2(o.minAgreement)}（示例阈值）：评分分歧较大（极差 ${n2(Math.max(...xs) - Math.min(...xs))} 分）`,
        en: `Agreement r_wg = ${n2(agreement)} among ${list.length} experts is below ${n2(o.minAgreement)} (example threshold): the scores disagree (range ${n2(Math.max(...xs) - Math.min(...xs))})`,
      },
    });
  for (const x of outliers)
    flags.push({
      kind: 'outlier',
      reason: {
        zh: `${nameOf(x.expert)}评 ${n2(x.score)} 分，与其他专家评分的中位数 ${n2(x.othersMedian)} 相差 ${n2(x.distance)} 分，超过满分的 ${pct(o.outlierShare)}（示例阈值）`,
        en: `${nameOf(x.expert)} scored ${n2(x.score)}, ${n2(x.distance)} from the others' median ${n2(x.othersMedian)}: more than ${pct(o.outlierShare)} of the scale (example threshold)`,
      },
    });
  const sd = xs.length >= 2 ? Math.sqrt(sampleVariance(xs)) : null;
  return {
    unit: first.unit,
    leaf: first.leaf,
    ...(first.group !== undefined ? { group: first.group } : {}),
    scale,
    n: xs.length,
    mean: round4(mean(xs)),
    median: round4(median(xs)),
    sd: sd === null ? null : round4(sd),
    min: Math.min(...xs),
    max: Math.max(...xs),
    range: round4(Math.max(...xs) - Math.min(...xs)),
    trimmedMean: round4(trimmedMean(xs, leaf)),
    rwg: agreement === null ? null : round4(agreement),
    outliers,
    flags,
  };
}

/** A unit's leaf by code (units bound to different systems may share a code with other rules). */
export type LeafOf = (unit: string, leaf: string) => Leaf | undefined;

function biasOf(
  expert: string,
  items: readonly CalibrationScore[][],
  leafOf: LeafOf,
  o: CalibrationOptions,
  nameOf: (expert: string) => string,
): ExpertBias {
  const devs: number[] = [];
  for (const list of items) {
    const own = list.find((s) => s.expert === expert);
    const others = list.filter((s) => s.expert !== expert).map((s) => s.score);
    if (!own || others.length < 2) continue;
    devs.push((own.score - mean(others)) / scaleOf(leafOf(own.unit, own.leaf)!));
  }
  const meanDeviation = devs.length ? mean(devs) : null;
  const name = nameOf(expert);
  if (meanDeviation === null || devs.length < o.biasMinItems)
    return {
      expert,
      items: devs.length,
      meanDeviation: meanDeviation === null ? null : round4(meanDeviation),
      tendency: 'insufficient',
      reason: {
        zh: `${name}与其他专家共同评分的项目只有 ${devs.length} 项，少于 ${o.biasMinItems} 项，不判断宽严`,
        en: `${name} shares only ${devs.length} items with other experts (fewer than ${o.biasMinItems}); no tendency is named`,
      },
    };
  const tendency: ExpertTendency =
    meanDeviation <= -o.biasShare ? 'harsher' : meanDeviation >= o.biasShare ? 'milder' : 'neutral';
  const where = {
    harsher: { zh: '平均比其他专家的均值低', en: 'below' },
    milder: { zh: '平均比其他专家的均值高', en: 'above' },
    neutral: { zh: '平均与其他专家的均值相差', en: 'off' },
    insufficient: { zh: '', en: '' },
  }[tendency];
  const limit =
    tendency === 'neutral'
      ? {
          zh: `，在 ±${pct(o.biasShare)} 以内（示例阈值）`,
          en: `, within ±${pct(o.biasShare)} (example threshold)`,
        }
      : {
          zh: `，超过 ${pct(o.biasShare)}（示例阈值）`,
          en: `, beyond ${pct(o.biasShare)} (example threshold)`,
        };
  return {
    expert,
    items: devs.length,
    meanDeviation: round4(meanDeviation),
    tendency,
    reason: {
      zh: `${name}在 ${devs.length} 个项目上的评分${where.zh}满分的 ${pct(Math.abs(meanDeviation))}${limit.zh}`,
      en: `Over ${devs.length} items ${name} scored on average ${pct(Math.abs(meanDeviation))} of the scale ${where.en} the others' mean${limit.en}`,
    },
  };
}

/**
 * The calibration of a set of scores (one round's, usually). `leaves` gives each unit's leaf (its
 * rule sets the scale and the trimming), or one leaf per code where every unit shares the system;
 * `nameOf` names an expert in the reasons (the office's view).
 */
export function calibrate(
  scores: readonly CalibrationScore[],
  leaves: ReadonlyMap<string, Leaf> | LeafOf,
  options: Partial<CalibrationOptions> = {},
  nameOf: (expert: string) => string = (e) => e,
): Calibration {
  const o = { ...CALIBRATION_DEFAULTS, ...options };
  const leafOf: LeafOf = typeof leaves === 'function' ? leaves : (_unit, leaf) => leaves.get(leaf);
  const known = scores.filter((s) => leafOf(s.unit, s.leaf) !== undefined);
  const grouped = groupItems(known);
  const items = grouped.map((list) => itemOf(list, leafOf(list[0]!.unit, list[0]!.leaf)!, o, nameOf));
  const leafCodes = [...new Set(items.map((i) => i.leaf))].sort(byCode);
  const leafStats = leafCodes.map((leaf): LeafCalibration => {
    const of = items.filter((i) => i.leaf === leaf);
    const rs = of.map((i) => i.rwg).filter((r): r is number => r !== null);
    return {
      leaf,
      items: of.length,
      meanRwg: rs.length ? round4(mean(rs)) : null,
      meanRange: round4(mean(of.map((i) => i.range))),
      flagged: of.filter((i) => i.flags.length > 0).length,
    };
  });
  const experts = [...new Set(known.map((s) => s.expert))]
    .sort(byCode)
    .map((e) => biasOf(e, grouped, leafOf, o, nameOf));
  return { options: o, items, leaves: leafStats, experts };
}

/** The (unit, leaf) pairs calibration flags, once each: what a second round re-scores by default. */
export const flaggedItems = (c: Calibration): { unit: string; leaf: string }[] => {
  const seen = new Set<string>();
  const out: { unit: string; leaf: string }[] = [];
  for (const i of c.items) {
    const k = `${i.unit}\u0000${i.leaf}`;
    if (!i.flags.length || seen.has(k)) continue;
    seen.add(k);
    out.push({ unit: i.unit, leaf: i.leaf });
  }
  return out;
};
