import {
  leavesOf,
  MEASURED_PARTIES,
  type MeasuredParty,
  type SystemContent,
  type UnitInputs,
} from '../indicators/model';
import { amount, type dec, ZERO } from './decimal';
import type { Bilingual, NodeResult, PartyResult, StatisticResult } from './types';

/**
 * What the results show beside the score: the statistics a unit reported (统计数据指标, context
 * that is never scored or ranked) and, where leaves say whose performance they measure, the points
 * per party (a purchased service's buyer and provider), so that a provider's result can be kept
 * and published on its own.
 */

/** The system's statistic items with the figures the unit reported (null when not reported). */
export function statisticsOf(content: SystemContent, u: UnitInputs): StatisticResult[] {
  const given = u.statistics ?? {};
  return (content.statistics ?? []).map((s) => ({
    code: s.code,
    name: s.name,
    unitOfMeasure: s.unitOfMeasure ?? null,
    value: Object.hasOwn(given, s.code) ? (given[s.code] ?? null) : null,
  }));
}

/** Statistic codes the unit reported that the system does not have. */
export function unknownStatistics(content: SystemContent, u: UnitInputs): Bilingual | undefined {
  const known = new Set((content.statistics ?? []).map((s) => s.code));
  const unknown = Object.keys(u.statistics ?? {})
    .filter((c) => !known.has(c))
    .sort();
  if (!unknown.length) return undefined;
  return {
    zh: `以下统计数据指标编码不在本指标体系中，已忽略：${unknown.join('、')}`,
    en: `Ignored statistics for codes not in this system: ${unknown.join(', ')}`,
  };
}

/** Points and maximum per measured party, from the leaves' shown points and effective weights. */
export function partiesOf(
  content: SystemContent,
  dimensions: readonly NodeResult[],
  d: number,
): PartyResult[] {
  const partyOf = new Map<string, MeasuredParty>();
  for (const l of leavesOf(content.dimensions)) if (l.party) partyOf.set(l.code, l.party);
  if (partyOf.size === 0) return [];
  const points = new Map<MeasuredParty, ReturnType<typeof dec>>();
  const max = new Map<MeasuredParty, ReturnType<typeof dec>>();
  const walk = (n: NodeResult) => {
    if (n.type === 'branch') return n.children.forEach(walk);
    const p = partyOf.get(n.code);
    if (!p) return;
    points.set(p, (points.get(p) ?? ZERO).plus(n.points.shown));
    max.set(p, (max.get(p) ?? ZERO).plus(n.effectiveWeight.exact));
  };
  dimensions.forEach(walk);
  return MEASURED_PARTIES.filter((p) => points.has(p)).map((party) => ({
    party,
    points: amount(points.get(party) ?? ZERO, d),
    max: amount(max.get(party) ?? ZERO, d),
  }));
}
