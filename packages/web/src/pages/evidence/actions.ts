import { CONTRACTS } from '@jixiao/api/contracts';
import type { Problem, UploadRequest } from '@jixiao/core';
import type { ApiResult } from '../../client/api-client';
import { consoleProblem, problemPage, statusOf } from '../../components/message-page';
import { type Ctx, param } from '../../context';
import { isEvidenceId, isUploadId, isVersionNumber } from './paths';

/**
 * The upload script's same-origin JSON routes and the download redirect, for a unit's list and for
 * the office's. Each only translates: the script's JSON goes to the API route as its body, and the
 * API's answer comes back as it is (the ticket, the filed document, or the problem with its zh/en
 * message and status); a download asks the API for a short-lived link and redirects there.
 */

const E = CONTRACTS.evidence;

const problemJson = (c: Ctx, p: Problem) =>
  c.body(JSON.stringify(p), statusOf(p.status), { 'content-type': 'application/problem+json' });

const answer = <T>(c: Ctx, r: ApiResult<T>, status: 200 | 201) =>
  r.ok ? c.json(r.data as object, status) : problemJson(c, r.problem);

const notFound = () => consoleProblem(404, 'not_found', { zh: '记录不存在。', en: 'Record not found.' });

/** The script's JSON body (an object), or undefined when it sent none that parses. */
async function jsonObject(c: Ctx): Promise<Record<string, unknown> | undefined> {
  try {
    const b: unknown = await c.req.json();
    return b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const badBody = () =>
  consoleProblem(400, 'bad_request', {
    zh: '请求内容不是有效的 JSON 对象。',
    en: 'The request body is not a JSON object.',
  });

/** Which list: a unit's (`:unit` in the path) or the office's. */
export type Owner = { kind: 'unit'; unit: string } | { kind: 'office' };

/** `POST …/uploads`: a ticket (presigned POST) for the file the script describes. */
export async function ticket(c: Ctx, cycleId: string, owner: Owner) {
  const body = (await jsonObject(c)) as UploadRequest | undefined;
  if (!body) return problemJson(c, badBody());
  const api = c.get('api');
  const r =
    owner.kind === 'unit'
      ? await api.call(E.unitUpload, { params: { cycleId, unit: owner.unit }, body })
      : await api.call(E.officeUpload, { params: { cycleId }, body });
  return answer(c, r, 201);
}

/** `POST …/uploads/:uploadId/confirm`: the API checks the stored bytes and files the version. */
export async function confirm(c: Ctx, cycleId: string, owner: Owner) {
  const uploadId = param(c, 'uploadId');
  if (!isUploadId(uploadId)) return problemJson(c, notFound());
  const api = c.get('api');
  const r =
    owner.kind === 'unit'
      ? await api.call(E.unitConfirm, { params: { cycleId, unit: owner.unit, uploadId } })
      : await api.call(E.officeConfirm, { params: { cycleId, uploadId } });
  return answer(c, r, 200);
}

/** `POST …/uploads/:uploadId/discard`: the script gives up an upload that never reached S3. */
export async function discard(c: Ctx, cycleId: string, owner: Owner) {
  const uploadId = param(c, 'uploadId');
  if (!isUploadId(uploadId)) return problemJson(c, notFound());
  const api = c.get('api');
  const r =
    owner.kind === 'unit'
      ? await api.call(E.unitDiscard, { params: { cycleId, unit: owner.unit, uploadId } })
      : await api.call(E.officeDiscard, { params: { cycleId, uploadId } });
  return r.ok ? c.body(null, 204) : problemJson(c, r.problem);
}

/** `GET …/:evidenceId/:n[?inline=1]`: 303 to the version's short-lived link (inline: to preview). */
export async function download(c: Ctx, cycleId: string, owner: Owner) {
  const evidenceId = param(c, 'evidenceId');
  const n = param(c, 'n');
  if (!isEvidenceId(evidenceId) || !isVersionNumber(n)) return problemPage(c, notFound());
  const query = {
    disposition: c.req.query('inline') === '1' ? ('inline' as const) : ('attachment' as const),
  };
  const api = c.get('api');
  const r =
    owner.kind === 'unit'
      ? await api.call(E.unitDownload, {
          params: { cycleId, unit: owner.unit, evidenceId, n: Number(n) },
          query,
        })
      : await api.call(E.officeDownload, { params: { cycleId, evidenceId, n: Number(n) }, query });
  if (!r.ok) return problemPage(c, r.problem);
  return c.redirect(r.data.url, 303);
}
