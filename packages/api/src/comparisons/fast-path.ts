import {
  errors,
  rankSensitivity,
  type Sensitivity,
  type SensitivityResult,
  type WhatIf,
  type WhatIfResult,
  weightsFor,
  whatIf,
} from '@jixiao/core';
import type { Caller } from '../http/caller';
import { SENSITIVITY_MAX_CELLS } from './bounds';
import { fastInput } from './fast-input';

/**
 * What-if and rank sensitivity on the fast path (./fast-input.ts: the shares standardised in
 * floats into one matrix). `elapsedMs` times the re-weighting alone: what "at once" means.
 */

const ms = (from: number) => Math.round((performance.now() - from) * 1000) / 1000;
const rounded = (x: number) => Math.round(x * 10_000) / 10_000;
const byRankThenName = <R extends { rank: number | null; name: string }>(a: R, b: R) =>
  (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
  a.name.localeCompare(b.name, 'zh-CN');

export async function whatIfOf(caller: Caller, input: WhatIf): Promise<WhatIfResult> {
  const fast = await fastInput(caller, input);
  const m = fast.m;
  const unknown = Object.keys(input.weights).filter((code) => !m.codes.includes(code));
  if (unknown.length)
    throw errors.validation(
      unknown.map((code) => ({
        path: `body.weights.${code}`,
        zh: `分类考核组 ${fast.group} 不使用标准指标 ${code}（不在指标库中，或组内权重为 0）`,
        en: `peer group ${fast.group} does not use standard indicator ${code} (not in the library, or weighted 0)`,
      })),
    );
  const weights = weightsFor(m, input.weights);
  const started = performance.now();
  const out = whatIf(m, weights);
  const elapsedMs = ms(started);
  const rows = m.tenants.map((tenant, i) => {
    const rank = out.ranks[i] ? out.ranks[i]! : null;
    const baseRank = fast.baseRanks.get(tenant) ?? null;
    return {
      tenant,
      name: m.names[i] ?? tenant,
      composite: rank === null ? null : rounded(out.scores[i]!),
      rank,
      baseRank,
      moved: rank !== null && baseRank !== null ? baseRank - rank : null,
      grade: out.grades[i] ?? null,
    };
  });
  return {
    year: fast.year,
    group: fast.group,
    method: fast.method,
    weights: Object.fromEntries(m.codes.map((code, j) => [code, weights[j]!])),
    rows: rows.sort(byRankThenName),
    elapsedMs,
  };
}

const percent = (band: number) => Math.round(band * 1000) / 10;

export async function sensitivityOf(caller: Caller, input: Sensitivity): Promise<SensitivityResult> {
  const fast = await fastInput(caller, input);
  const m = fast.m;
  if (input.draws * m.tenants.length > SENSITIVITY_MAX_CELLS)
    throw errors.sensitivityTooLarge(input.draws, m.tenants.length, SENSITIVITY_MAX_CELLS);
  const started = performance.now();
  const out = rankSensitivity(m, { band: input.band, draws: input.draws, seed: input.seed });
  const elapsedMs = ms(started);
  const rows = m.tenants.map((tenant, i) => {
    const ranked = out.base.ranks[i]! > 0;
    const of = (a: Int32Array) => (ranked ? a[i]! : null);
    return {
      tenant,
      name: m.names[i] ?? tenant,
      rank: ranked ? out.base.ranks[i]! : null,
      grade: out.base.grades[i] ?? null,
      minRank: of(out.minRank),
      maxRank: of(out.maxRank),
      p5: of(out.p5),
      p95: of(out.p95),
      stayInGrade: ranked ? out.stayInGrade[i]! : null,
    };
  });
  const ranked = rows.filter((r) => r.rank !== null);
  const keptGrade = ranked.filter((r) => r.stayInGrade === 1).length;
  const keptRank = ranked.filter((r) => r.minRank === r.maxRank).length;
  const band = percent(input.band);
  return {
    year: fast.year,
    group: fast.group,
    method: fast.method,
    band: input.band,
    draws: input.draws,
    seed: input.seed,
    rows: rows.sort(byRankThenName),
    summary: {
      zh: `${ranked.length} 个地区中 ${keptGrade} 个在全部 ${input.draws} 次扰动中保持等次，${keptRank} 个保持名次（各指标权重在 ±${band}% 内随机变动）。`,
      en: `${keptGrade} of ${ranked.length} regions kept their grade in all ${input.draws} draws, and ${keptRank} kept their rank (each weight varied at random within ±${band}%).`,
    },
    elapsedMs,
  };
}
