import type { RunDigest } from '../evaluation/model';
import { type Dec, dec, fixed, ZERO } from '../scoring/decimal';
import type {
  Coverage,
  LeafMapping,
  LeafMappingItem,
  SharedIndicator,
  SharedResult,
  ShareRecipientKind,
  StandardIndicator,
} from './model';

/** The leaves and their weights (points) of one system version the run scored with. */
export interface SystemLeafFacts {
  id: string;
  version: number;
  leaves: readonly { code: string; name: string; weight: number }[];
}

export interface ShareInputs {
  recipient: string;
  recipientKind: ShareRecipientKind;
  tenant: { code: string; name: string; level: string; parent?: string };
  year: number;
  cycle: { id: string; name: string; kind: string };
  run: { id: string; number: number; released: string };
  published: boolean;
  shared: { by: string; name?: string; at: string };
  note: string;
  /** The released run's digest: per unit its row and per leaf its value. */
  digest: RunDigest;
  /** Every system version the digest names (`id@version`). */
  systems: readonly SystemLeafFacts[];
  /** The tenant's mappings (one per system id). */
  mappings: readonly LeafMapping[];
  library: readonly StandardIndicator[];
}

/**
 * The snapshot a recipient receives: per mapped standard indicator the tenant's value (units'
 * numeric values of the mapped leaves, aggregated as mapped, times the factor), the coverage of
 * the tenant's own points, and a summary of the results. Nothing per unit leaves the tenant.
 */
export function buildSharedResult(i: ShareInputs): SharedResult {
  const standards = new Set(i.library.map((s) => s.code));
  const mappingOf = new Map(i.mappings.map((m) => [m.system, m]));
  const versions = usedVersions(i.digest);

  return {
    recipient: i.recipient,
    recipientKind: i.recipientKind,
    tenant: i.tenant.code,
    tenantName: i.tenant.name,
    level: i.tenant.level,
    ...(i.tenant.parent === undefined ? {} : { parent: i.tenant.parent }),
    year: i.year,
    cycle: { ...i.cycle },
    run: { ...i.run },
    published: i.published,
    shared: { ...i.shared },
    note: i.note,
    coverage: coverage(versions, i.systems, mappingOf, standards),
    indicators: indicators(i.digest, versions, i.systems, mappingOf, standards),
    summary: summary(i.digest),
  };
}

/** The system versions the run scored with (`id@version`), in the digest's order. */
function usedVersions(digest: RunDigest): string[] {
  return [...new Set(Object.values(digest.units).map((u) => u.system))];
}

const factsOf = (systems: readonly SystemLeafFacts[], key: string) =>
  systems.find((s) => `${s.id}@${s.version}` === key);

/** The mapping items that count: their standard is still in the library. */
const liveItems = (mapping: LeafMapping | undefined, standards: ReadonlySet<string>) =>
  (mapping?.items ?? []).filter((m) => standards.has(m.standard));

/**
 * Σ weight of the mapped leaves / Σ weight of all leaves, over every system version the run used
 * (a version whose facts were not given cannot be counted and is left out of both sides).
 */
function coverage(
  versions: readonly string[],
  systems: readonly SystemLeafFacts[],
  mappingOf: ReadonlyMap<string, LeafMapping>,
  standards: ReadonlySet<string>,
): Coverage {
  let mapped = ZERO;
  let total = ZERO;
  let mappedLeaves = 0;
  let totalLeaves = 0;
  for (const key of versions) {
    const facts = factsOf(systems, key);
    if (!facts) continue;
    const leaves = new Set(liveItems(mappingOf.get(facts.id), standards).map((m) => m.leaf));
    for (const leaf of facts.leaves) {
      total = total.add(leaf.weight);
      totalLeaves++;
      if (leaves.has(leaf.code)) {
        mapped = mapped.add(leaf.weight);
        mappedLeaves++;
      }
    }
  }
  return { mappedPoints: mapped.toNumber(), totalPoints: total.toNumber(), mappedLeaves, totalLeaves };
}

/** One mapping item's contribution: its units' converted values, and which version-leaves gave them. */
interface Contribution {
  item: LeafMappingItem;
  values: Dec[];
  leaves: Set<string>;
}

/**
 * Per standard: every item mapped to it (one per system, see mappingIssues) gives the converted
 * values (value × factor) of the units scored by that system whose value of the leaf is a finite
 * number; `unit` keeps only the named unit's value. The standard's value is their sum when every
 * item sums, else their mean over all counted units (so two systems' means combine by unit count).
 */
function indicators(
  digest: RunDigest,
  versions: readonly string[],
  systems: readonly SystemLeafFacts[],
  mappingOf: ReadonlyMap<string, LeafMapping>,
  standards: ReadonlySet<string>,
): SharedIndicator[] {
  const byStandard = new Map<string, Contribution[]>();
  const contributionOf = new Map<LeafMappingItem, Contribution>();
  // Leaves present in each used version (a leaf dropped in a version gives nothing there).
  const leavesOf = new Map<string, ReadonlySet<string> | null>();
  for (const key of versions) {
    const facts = factsOf(systems, key);
    leavesOf.set(key, facts ? new Set(facts.leaves.map((l) => l.code)) : null);
  }

  for (const [unitCode, unit] of Object.entries(digest.units)) {
    const systemId = unit.system.slice(0, unit.system.lastIndexOf('@'));
    const present = leavesOf.get(unit.system);
    for (const item of liveItems(mappingOf.get(systemId), standards)) {
      if (present && !present.has(item.leaf)) continue;
      if (item.aggregate === 'unit' && item.unit !== unitCode) continue;
      const value = unit.leaves[item.leaf]?.value;
      if (typeof value !== 'number' || !Number.isFinite(value)) continue;
      let c = contributionOf.get(item);
      if (!c) {
        c = { item, values: [], leaves: new Set() };
        contributionOf.set(item, c);
        const list = byStandard.get(item.standard) ?? [];
        list.push(c);
        byStandard.set(item.standard, list);
      }
      c.values.push(dec(value).mul(item.factor));
      c.leaves.add(`${unit.system}:${item.leaf}`);
    }
  }

  const out: SharedIndicator[] = [];
  for (const [standard, contributions] of byStandard) {
    const values = contributions.flatMap((c) => c.values);
    const sum = values.reduce((s, v) => s.add(v), ZERO);
    const allSum = contributions.every((c) => c.item.aggregate === 'sum');
    out.push({
      standard,
      value: (allSum ? sum : sum.div(values.length)).toNumber(),
      leaves: [...new Set(contributions.flatMap((c) => [...c.leaves]))].sort(),
      units: values.length,
    });
  }
  return out.sort((a, b) => (a.standard < b.standard ? -1 : a.standard > b.standard ? 1 : 0));
}

/**
 * Units evaluated, the exact mean of their totals (shown 2 dp), and grade counts ordered by each
 * grade's best total, highest first (so 优秀 precedes 良好 whatever the grade codes are).
 */
function summary(digest: RunDigest): SharedResult['summary'] {
  const rows = Object.values(digest.units).map((u) => u.row);
  const totals = rows.map((r) => dec(r.total.exact));
  const mean = totals.length ? totals.reduce((s, t) => s.add(t), ZERO).div(totals.length) : ZERO;
  const grades = new Map<
    string,
    { code: string; label: { zh: string; en: string }; count: number; best: Dec }
  >();
  rows.forEach((row, k) => {
    const total = totals[k] as Dec;
    const g = grades.get(row.grade);
    if (!g) grades.set(row.grade, { code: row.grade, label: { ...row.gradeLabel }, count: 1, best: total });
    else {
      g.count++;
      if (total.gt(g.best)) g.best = total;
    }
  });
  return {
    units: rows.length,
    meanTotal: fixed(mean, 2),
    grades: [...grades.values()]
      .sort((a, b) => b.best.cmp(a.best) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map(({ code, label, count }) => ({ code, label, count })),
  };
}
