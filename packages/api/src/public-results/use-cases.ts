import {
  errors,
  type PublicCycleResults,
  type PublicResultsList,
  type PublicUnitResult,
  REPORT_FORMATS,
  type ReportFormat,
  type ReportKind,
} from '@jixiao/core';
import type { AppDeps } from '../deps';
import { readAllPublished, readPublished } from './published';

/**
 * The public's published results (no sign-in; the tenant is the path's), every answer from the
 * publication's frozen snapshot (./published.ts). The report files: ./report-file.ts (the file
 * function's, since rendering loads pdfkit and the charts).
 */

type Deps = Pick<AppDeps, 'data' | 'log' | 'now'>;
type Link = PublicCycleResults['reports'][number];

export const UNIT = { zh: '该单位已公开的结果', en: "The unit's published result" };

/** The public API path that answers with a redirect to a published report's file. */
export const publicReportHref = (
  t: string,
  cycle: string,
  kind: ReportKind,
  format: ReportFormat,
  unit?: string,
) =>
  `/v1/public/${t}/results/${cycle}/reports/${kind}/${format}${unit ? `?unit=${encodeURIComponent(unit)}` : ''}`;

const links = (t: string, cycle: string, kind: ReportKind, unit?: string): Link[] =>
  REPORT_FORMATS.map((format) => ({
    kind,
    format,
    ...(unit ? { unit } : {}),
    href: publicReportHref(t, cycle, kind, format, unit),
  }));

export async function publishedList(deps: Deps, tenantCode: string): Promise<PublicResultsList> {
  const { tenant, found } = await readAllPublished(deps, tenantCode);
  return {
    tenant,
    items: found
      .map(({ snapshot: s }) => ({
        cycle: s.cycle.id,
        cycleName: s.cycle.name,
        year: s.cycle.year,
        publishedAt: s.publishedAt,
        units: Object.keys(s.units).length,
        groups: s.groups.length,
      }))
      .sort((a, b) => b.year - a.year || (a.publishedAt < b.publishedAt ? 1 : -1)),
  };
}

export async function publishedCycleResults(
  deps: Deps,
  tenantCode: string,
  cycleId: string,
): Promise<PublicCycleResults> {
  const { snapshot: s } = await readPublished(deps, tenantCode, cycleId);
  const t = s.tenant.code;
  return {
    tenant: s.tenant,
    cycle: s.cycle,
    number: s.number,
    publishedAt: s.publishedAt,
    note: s.note,
    groups: s.groups,
    grades: s.office.grades,
    bands: s.office.bands,
    reports: [...links(t, s.cycle.id, 'office'), ...links(t, s.cycle.id, 'congress')],
  };
}

export async function publishedUnitResult(
  deps: Deps,
  tenantCode: string,
  cycleId: string,
  unit: string,
): Promise<PublicUnitResult> {
  const { snapshot: s } = await readPublished(deps, tenantCode, cycleId);
  const report = Object.hasOwn(s.units, unit) ? s.units[unit] : undefined;
  if (!report) throw errors.notFound(UNIT.zh, UNIT.en);
  return { report, reports: links(s.tenant.code, s.cycle.id, 'unit', unit) };
}
