import {
  buildCongressReport,
  mapLimit,
  type PublishedCycle,
  shanghaiDay,
  type UnitReport,
} from '@jixiao/core';
import { officeReport, reportData } from '../reports/data';
import type { RunInputs } from '../reports/run-inputs';

/**
 * The frozen snapshot of a publication (`publishedCycleSchema`), built once when the office
 * publishes, from the released run: the public rows by unit group with each unit's points per
 * dimension, and the data of the office's report, the report to the People's Congress and every
 * unit's report, dated by the publication. The public side reads nothing else.
 */

const UNITS_AT_ONCE = 4;
type PublicGroup = PublishedCycle['groups'][number];

export async function publishedCycle(
  i: RunInputs,
  o: { number: number; publishedAt: string; note: string },
): Promise<PublishedCycle> {
  const published = { publishedOn: shanghaiDay(new Date(o.publishedAt)) };
  const office = await officeReport(i, published);
  const reports = await mapLimit(i.rows, UNITS_AT_ONCE, async (r) => {
    const data = await reportData(i, 'unit', r.unit, published);
    return data?.kind === 'unit' ? data : undefined;
  });
  const units: Record<string, UnitReport> = {};
  for (const r of reports) if (r) units[r.unit.code] = r;
  return {
    tenant: i.tenant,
    cycle: { id: i.cycle.id, name: i.cycle.name, year: i.cycle.year },
    number: o.number,
    run: { id: i.run.id, number: i.run.number },
    publishedAt: o.publishedAt,
    note: o.note,
    groups: await publicGroups(i, office.groups, units),
    office,
    congress: buildCongressReport({ office }),
    units,
  };
}

const byRankThenCode = (a: { rank: number; unit: string }, b: typeof a) =>
  a.rank - b.rank || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0);

/** The public rows of each group, in the office report's order of groups (then any other, by code). */
async function publicGroups(
  i: RunInputs,
  ordered: readonly { code: string; name: string }[],
  units: Record<string, UnitReport>,
): Promise<PublicGroup[]> {
  const codes = [
    ...new Set([...ordered.map((g) => g.code), ...[...new Set(i.rows.map((r) => r.group))].sort()]),
  ];
  const out: PublicGroup[] = [];
  for (const code of codes) {
    const rows = i.rows.filter((r) => r.group === code && units[r.unit]).sort(byRankThenCode);
    if (!rows.length) continue;
    const types = await Promise.all(rows.map((r) => i.unitType(r.unit)));
    out.push({
      code,
      name: ordered.find((g) => g.code === code)?.name ?? (await i.groupName(code)),
      providers: types.every((t) => t === 'service_provider'),
      rows: rows.map((r, n) => {
        const report = units[r.unit]!;
        return {
          unit: r.unit,
          name: r.name,
          type: types[n]!,
          total: r.total.shown,
          rank: r.rank,
          of: r.of,
          grade: { code: r.grade, label: { zh: r.gradeLabel.zh, en: r.gradeLabel.en } },
          dimensions: report.dimensions.map((d) => ({
            code: d.code,
            name: d.name,
            points: d.points,
            max: d.max,
          })),
        };
      }),
    });
  }
  return out;
}
