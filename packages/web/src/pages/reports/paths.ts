import { isEnumValue, type ReportFormat, type ReportKind } from '@jixiao/core';
import { withQuery } from '../../context';
import { cycleHref } from '../cycles/office/paths';

/**
 * Where a cycle's reports live in the console: the index page, and the download route that asks
 * the API for a short-lived link and answers 303 to it (the browser then fetches the file from
 * the object store directly, never through the console).
 */
export const reportsHref = (cycleId: string, run?: string) =>
  withQuery(`${cycleHref(cycleId)}/reports`, { run });

export const reportFileHref = (
  cycleId: string,
  kind: ReportKind,
  format: ReportFormat,
  q: { unit?: string | undefined; run?: string | undefined } = {},
) => withQuery(`${cycleHref(cycleId)}/reports/${kind}/${format}`, { unit: q.unit, run: q.run });

export const isReportKind = (s: string): s is ReportKind => isEnumValue('reportKind', s);
export const isReportFormat = (s: string): s is ReportFormat => isEnumValue('reportFormat', s);
