import type { SystemContent, UnitInputs } from '../indicators/model';
import { type Dec, dec } from './decimal';
import { type Adjustment, prepareRun, rankScored, scoreUnit } from './engine';
import type { PeerIndex, PeerStats } from './peers';
import type { CalculatorRegistry } from './rules/types';
import type { Run, Scored } from './run';
import type { ScoringResult } from './types';

/**
 * The engine in the year-end batch's three steps, with plain JSON between them (the steps are
 * separate tasks that pass S3 objects): peer statistics once (`peersToJson` of `computePeersOf`),
 * units scored in batches anywhere (`scoreBatch`), then ranks and grades over every unit
 * (`rankBatches`). Scoring through these gives byte-for-byte what `scoreUnits` gives (a property
 * test holds them together), so the batch never has rules of its own.
 */

/** Peer values by leaf code and unit group, ascending. */
export type PeersJson = Record<string, Record<string, number[]>>;

export const peersToJson = (peers: PeerIndex): PeersJson => {
  const out: PeersJson = {};
  for (const [leaf, byGroup] of [...peers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const groups: Record<string, number[]> = {};
    for (const [g, s] of [...byGroup].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      groups[g] = [...s.sorted];
    out[leaf] = groups;
  }
  return out;
};

export const peersFromJson = (json: PeersJson): PeerIndex => {
  const index = new Map<string, Map<string, PeerStats>>();
  for (const [leaf, groups] of Object.entries(json)) {
    const m = new Map<string, PeerStats>();
    for (const [g, sorted] of Object.entries(groups))
      if (sorted.length) m.set(g, { n: sorted.length, min: sorted[0]!, max: sorted.at(-1)!, sorted });
    index.set(leaf, m);
  }
  return index;
};

/** A scored unit as JSON (decimals as strings, the dimension map as entries). */
export type ScoredJson = Omit<
  Scored,
  'dimShown' | 'bonusShown' | 'deductions' | 'total' | 'totalExact' | 'adjustment'
> & {
  dimShown: [string, string][];
  bonusShown: string;
  deductions: string;
  total: string;
  totalExact: string;
  adjustment?: { points: string; reason: string };
};

const toJson = (s: Scored): ScoredJson => {
  const { adjustment, ...rest } = s;
  return {
    ...rest,
    dimShown: [...s.dimShown].map(([k, v]) => [k, v.toString()]),
    bonusShown: s.bonusShown.toString(),
    deductions: s.deductions.toString(),
    total: s.total.toString(),
    totalExact: s.totalExact.toString(),
    ...(adjustment
      ? { adjustment: { points: adjustment.points.toString(), reason: adjustment.reason } }
      : {}),
  };
};

const fromJson = (j: ScoredJson): Scored => {
  const { adjustment, ...rest } = j;
  return {
    ...rest,
    dimShown: new Map<string, Dec>(j.dimShown.map(([k, v]) => [k, dec(v)])),
    bonusShown: dec(j.bonusShown),
    deductions: dec(j.deductions),
    total: dec(j.total),
    totalExact: dec(j.totalExact),
    ...(adjustment ? { adjustment: { points: dec(adjustment.points), reason: adjustment.reason } } : {}),
  };
};

/** The run a batch step scores with: the system and the peer statistics computed once. */
export const batchRun = (
  content: SystemContent,
  peers: PeersJson,
  calculators: CalculatorRegistry | undefined,
): Run => prepareRun(content, peersFromJson(peers), calculators);

/** Scores some units of one system (the Map's item processor). */
export const scoreBatch = (
  run: Run,
  units: readonly UnitInputs[],
  adjustments?: ReadonlyMap<string, Adjustment>,
): ScoredJson[] => units.map((u) => toJson(scoreUnit(run, u, adjustments?.get(u.unit))));

/** Ranks and grades every scored unit of one system, as `scoreUnits` would have. */
export const rankBatches = (run: Run, scored: readonly ScoredJson[]): ScoringResult =>
  rankScored(run, scored.map(fromJson));
