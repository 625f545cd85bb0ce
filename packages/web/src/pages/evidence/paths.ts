import { idPattern } from '@jixiao/core';
import { BASE, seg } from '../../context';

/**
 * Where the evidence pages live: under the cycle (`/console/cycles/:id/evidence…`), the office's
 * own documents at `…/evidence/office` (registered before the unit's `…/evidence/:unit`), and the
 * tenant's storage at `/console/storage`.
 */
const cycle = (id: string) => `${BASE}/cycles/${seg(id)}`;

export const overviewHref = (id: string) => `${cycle(id)}/evidence`;
export const officeHref = (id: string) => `${overviewHref(id)}/office`;
export const unitEvidenceHref = (id: string, unit: string) => `${overviewHref(id)}/${seg(unit)}`;
export const storageHref = `${BASE}/storage`;

/** Where a list's script asks for tickets and confirms (`…/uploads`, `…/uploads/:upload/confirm`). */
export const uploadsHref = (listHref: string) => `${listHref}/uploads`;

/** A version's bytes through the console (a 303 to a short-lived link); inline to preview. */
export const versionHref = (listHref: string, evidenceId: string, n: number, inline = false) =>
  `${listHref}/${seg(evidenceId)}/${n}${inline ? '?inline=1' : ''}`;

export const isEvidenceId = (s: string) => idPattern('evidence').test(s);
export const isUploadId = (s: string) => idPattern('upload').test(s);
/** A version number as the API accepts it. */
export const isVersionNumber = (s: string) => /^[1-9]\d{0,4}$/.test(s) && Number(s) <= 10_000;
