import { errors, type ReportFile, type ReportFormat, type ReportKind } from '@jixiao/core';
import type { AppDeps } from '../deps';
import { ensureReport, reportLink } from '../reports/store';
import { readPublished } from './published';
import { UNIT } from './use-cases';

/**
 * A published report's file, rendered on first request from the snapshot's frozen data into the
 * same content-addressed store as the office's reports. Its own module: only the file function
 * imports it, so the JSON functions never carry the renderers.
 */
/** A published report's file from the frozen data (rendered on first request), as a presigned GET. */
export async function publishedReportFile(
  deps: Pick<AppDeps, 'data' | 'log' | 'now'>,
  tenantCode: string,
  cycleId: string,
  kind: ReportKind,
  format: ReportFormat,
  unit: string | undefined,
): Promise<ReportFile> {
  if ((kind === 'unit') !== (unit !== undefined)) throw errors.reportUnitMismatch(kind, unit !== undefined);
  const { snapshot: s } = await readPublished(deps, tenantCode, cycleId);
  const data =
    kind === 'office'
      ? s.office
      : kind === 'congress'
        ? s.congress
        : unit !== undefined && Object.hasOwn(s.units, unit)
          ? s.units[unit]
          : undefined;
  if (!data) throw errors.notFound(UNIT.zh, UNIT.en);
  const t = s.tenant.code;
  const stored = await ensureReport(deps, t, s.cycle.id, data, format);
  return reportLink(deps, t, stored, { kind, format, unit });
}
