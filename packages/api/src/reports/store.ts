import { createHash } from 'node:crypto';
import {
  contentDisposition,
  type ReportData,
  type ReportFile,
  type ReportFormat,
  reportFileName,
  reportIdentity,
} from '@jixiao/core';
import { reportObjectPath } from '@jixiao/data';
import type { AppDeps } from '../deps';

/**
 * The store of rendered reports: content-addressed under the tenant's prefix
 * (`reports/<cycle>/<format>/<sha256>`, the SHA-256 of the report's identity: layout version,
 * format and data). Ensuring a report HEADs its key and renders only when it is absent, so the
 * same data is never rendered twice and changed data is a new file. Files are handed out by
 * short-lived presigned GETs.
 */

/** How long a download link lives. */
export const REPORT_LINK_SECONDS = 15 * 60;

export interface StoredReport {
  path: string[];
  bytes: number;
  sha256: string;
  fileName: string;
  contentType: string;
  /** Rendered by this call (false: it was stored already). */
  rendered: boolean;
}

type Deps = Pick<AppDeps, 'data' | 'log'>;

export const reportSha256 = (data: ReportData, format: ReportFormat): string =>
  createHash('sha256').update(reportIdentity(data, format), 'utf8').digest('hex');

export async function ensureReport(
  deps: Deps,
  t: string,
  cycle: string,
  data: ReportData,
  format: ReportFormat,
): Promise<StoredReport> {
  const sha256 = reportSha256(data, format);
  const path = reportObjectPath(cycle, sha256, format);
  const base = { path, sha256, fileName: reportFileName(data, format) };
  const found = await deps.data.blobs.head(t, path);
  // The type the renderer gave is stored with the object (one table of types: the renderer's).
  if (found)
    return {
      ...base,
      contentType: found.contentType ?? 'application/octet-stream',
      bytes: found.size,
      rendered: false,
    };
  // Loaded on first render only: the JSON routes and a stored report never load pdfkit or ECharts.
  const { renderReport } = await import('@jixiao/reports/results');
  const started = performance.now();
  const file = await renderReport(data, format);
  const ms = Math.round(performance.now() - started);
  await deps.data.blobs.put(t, path, file.body, file.contentType);
  deps.log({
    level: 'info',
    msg: 'report rendered',
    tenant: t,
    cycle,
    kind: data.kind,
    format,
    bytes: file.body.byteLength,
    ms,
  });
  return { ...base, contentType: file.contentType, bytes: file.body.byteLength, rendered: true };
}

/** A presigned GET of a stored report: HTML opens in the browser, PDF and XLSX download by their Chinese names. */
export async function reportLink(
  deps: Pick<AppDeps, 'data' | 'now'>,
  t: string,
  stored: StoredReport,
  what: { kind: ReportData['kind']; format: ReportFormat; unit?: string | undefined },
): Promise<ReportFile> {
  const url = await deps.data.blobs.presignDownload(t, stored.path, {
    contentType: stored.contentType,
    contentDisposition: contentDisposition(what.format === 'html' ? 'inline' : 'attachment', stored.fileName),
    expiresSeconds: REPORT_LINK_SECONDS,
    // Signed at the real time: the link must be valid when the browser uses it, whatever the app's clock.
    now: new Date(),
  });
  return {
    kind: what.kind,
    format: what.format,
    ...(what.unit ? { unit: what.unit } : {}),
    fileName: stored.fileName,
    bytes: stored.bytes,
    sha256: stored.sha256,
    url,
    expiresAt: new Date(deps.now().getTime() + REPORT_LINK_SECONDS * 1000).toISOString(),
  };
}
