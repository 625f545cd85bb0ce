import { amount, type Dec, dec, HUNDRED, ZERO } from '../scoring/decimal';
import { explanation } from './explanation';
import type { EffectiveGroup } from './groups';
import type {
  Comparison,
  ComparisonIndicator,
  ComparisonRow,
  SharedResult,
  StandardIndicator,
  StandardisationMethod,
  Trend,
} from './model';
import { competitionRanks, gradeCutoffs, gradeOf } from './ranks';
import { byCode, groupIndicators, members, valuesOf } from './selection';
import { distribution, standardise } from './standardise';

export interface CompareInput {
  recipient: string;
  year: number;
  group: EffectiveGroup;
  /** Overrides the group's method. */
  method?: StandardisationMethod;
  library: readonly StandardIndicator[];
  /** The recipient's shares of `year` (all of them; the group picks its members). */
  shares: readonly SharedResult[];
  /** The recipient's shares of `year − 1`, for 增幅. */
  previous: readonly SharedResult[];
  /** Names of members that did not share (for `missing`). */
  names: ReadonlyMap<string, string>;
}

/** 增幅 in %: (x − prev) / |prev| × 100; null without a previous value or when it is 0. */
const changeOf = (x: number | null, prev: number | null): Dec | null =>
  x === null || prev === null || prev === 0 ? null : dec(x).sub(prev).div(Math.abs(prev)).mul(HUNDRED);

/** Standardises each column among the rows that have it (null stays null). */
function scoreColumns(
  columns: readonly (Dec | null)[][],
  directions: readonly StandardIndicator['direction'][],
  method: StandardisationMethod,
): (Dec | null)[][] {
  return columns.map((col, j) => {
    const at: number[] = [];
    const values: Dec[] = [];
    col.forEach((v, r) => {
      if (v !== null) {
        at.push(r);
        values.push(v);
      }
    });
    const scores = standardise(values, method, directions[j] ?? 'higher');
    const out = new Array<Dec | null>(col.length).fill(null);
    at.forEach((r, k) => {
      out[r] = scores[k] as Dec;
    });
    return out;
  });
}

/** Σ w·s / Σ w over the indicators a row has (weights renormalised); null with none. */
function composites(
  scores: readonly (Dec | null)[][],
  weights: readonly Dec[],
  rows: number,
): (Dec | null)[] {
  return Array.from({ length: rows }, (_, r) => {
    let num = ZERO;
    let den = ZERO;
    scores.forEach((col, j) => {
      const s = col[r];
      if (s === null || s === undefined) return;
      const w = weights[j] as Dec;
      num = num.add(w.mul(s));
      den = den.add(w);
    });
    return den.isZero() ? null : num.div(den);
  });
}

const zhName = (a: string, b: string) => a.localeCompare(b, 'zh-CN');

/**
 * The official comparison, in exact decimal arithmetic: each indicator standardised within the
 * group by the method, the weighted composite over the indicators a tenant has (weights
 * renormalised), competition ranks (ties share a rank), grades by rank quotas; the same for 增幅.
 */
export function compare(i: CompareInput): Comparison {
  const method = i.method ?? i.group.method;
  const indicators = groupIndicators(i.library, i.group.weights);
  const shares = members(i.shares, i.group);
  const previousOf = new Map(i.previous.map((s) => [s.tenant, s]));
  const codes = indicators.map((x) => x.standard.code);
  const directions = indicators.map((x) => x.standard.direction);
  const weights = indicators.map((x) => dec(x.weight));
  const totalWeight = weights.reduce((s, w) => s.add(w), ZERO);

  const now = shares.map(valuesOf);
  const before = shares.map((s) => valuesOf(previousOf.get(s.tenant)));
  const raw = codes.map((code) => now.map((v) => v.get(code) ?? null));
  const levels = raw.map((col) => col.map((v) => (v === null ? null : dec(v))));
  const changes = codes.map((code, j) =>
    before.map((v, r) => changeOf(raw[j]?.[r] ?? null, v.get(code) ?? null)),
  );
  const changeNumbers = changes.map((col) => col.map((v) => (v === null ? null : v.toNumber())));
  const levelScores = scoreColumns(levels, directions, method);
  const changeScores = scoreColumns(changes, directions, method);
  const composite = composites(levelScores, weights, shares.length);
  const improvement = composites(changeScores, weights, shares.length);
  const ranks = competitionRanks(composite);
  const improvementRanks = competitionRanks(improvement);
  const cutoffs = gradeCutoffs(ranks.filter((r) => r !== null).length, i.group.grades);

  const rows: ComparisonRow[] = shares.map((s, r) => {
    const had = weights.reduce((sum, w, j) => (levels[j]?.[r] != null ? sum.add(w) : sum), ZERO);
    const c = composite[r] ?? null;
    const im = improvement[r] ?? null;
    return {
      tenant: s.tenant,
      name: s.tenantName,
      level: s.level,
      ...(s.parent === undefined ? {} : { parent: s.parent }),
      composite: c === null ? null : amount(c, 2),
      rank: ranks[r] ?? null,
      grade: gradeOf(ranks[r] ?? null, cutoffs),
      improvement: im === null ? null : amount(im, 2),
      improvementRank: improvementRanks[r] ?? null,
      weightCoverage: totalWeight.isZero() ? 0 : had.div(totalWeight).mul(HUNDRED).toNumber(),
      coverage: { ...s.coverage },
      cells: codes.map((standard, j) => {
        const score = levelScores[j]?.[r] ?? null;
        const changeScore = changeScores[j]?.[r] ?? null;
        return {
          standard,
          value: raw[j]?.[r] ?? null,
          score: score === null ? null : amount(score, 2),
          change: changeNumbers[j]?.[r] ?? null,
          changeScore: changeScore === null ? null : amount(changeScore, 2),
        };
      }),
    };
  });
  rows.sort(
    (a, b) =>
      (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
      zhName(a.name, b.name) ||
      byCode(a.tenant, b.tenant),
  );

  const present = (col: readonly (number | null)[]) => col.filter((v): v is number => v !== null);
  const comparisonIndicators: ComparisonIndicator[] = indicators.map(({ standard, weight }, j) => ({
    code: standard.code,
    name: standard.name,
    dimension: standard.dimension,
    unit: standard.unit,
    direction: standard.direction,
    weight,
    share: dec(weight).div(totalWeight).mul(HUNDRED).toNumber(),
    level: distribution(present(raw[j] ?? [])),
    change: distribution(present(changeNumbers[j] ?? [])),
  }));

  const shared = new Set(shares.map((s) => s.tenant));
  const memberList = i.group.members ?? [];
  return {
    recipient: i.recipient,
    year: i.year,
    group: {
      code: i.group.code,
      name: i.group.name,
      members: i.group.members === null ? shares.length : memberList.length,
    },
    method,
    explanation: explanation(method, i.group.grades),
    grades: { ...i.group.grades },
    indicators: comparisonIndicators,
    rows,
    missing: memberList
      .filter((t) => !shared.has(t))
      .map((tenant) => ({ tenant, name: i.names.get(tenant) ?? tenant })),
    previousYear: shares.some((s) => previousOf.has(s.tenant)) ? i.year - 1 : null,
  };
}

/**
 * Composite and rank per year (each year standardised on its own, 增幅 against the year before)
 * for the group's members. Series: tenants in the latest year's rank order, then those seen only
 * in earlier years; a tenant that never shared has no series.
 */
export function trend(i: {
  recipient: string;
  group: EffectiveGroup;
  method?: StandardisationMethod;
  library: readonly StandardIndicator[];
  sharesByYear: ReadonlyMap<number, readonly SharedResult[]>;
}): Trend {
  const method = i.method ?? i.group.method;
  const years = [...i.sharesByYear.keys()].sort((a, b) => a - b);
  const byYear = new Map(
    years.map((year) => [
      year,
      compare({
        recipient: i.recipient,
        year,
        group: i.group,
        method,
        library: i.library,
        shares: i.sharesByYear.get(year) ?? [],
        previous: i.sharesByYear.get(year - 1) ?? [],
        names: new Map(),
      }),
    ]),
  );
  const names = new Map<string, string>();
  for (const year of [...years].reverse())
    for (const row of byYear.get(year)?.rows ?? [])
      if (!names.has(row.tenant)) names.set(row.tenant, row.name);

  return {
    group: { code: i.group.code, name: i.group.name },
    method,
    years,
    series: [...names].map(([tenant, name]) => ({
      tenant,
      name,
      points: years.map((year) => {
        const row = byYear.get(year)?.rows.find((r) => r.tenant === tenant);
        return { year, composite: row?.composite?.shown ?? null, rank: row?.rank ?? null };
      }),
    })),
  };
}
