import {
  type Cycle,
  type EvidenceRecord,
  type EvidenceWho,
  evidenceErrors,
  isEvidenceFrozen,
  OFFICE_UPLOAD_STATES,
  UNIT_UPLOAD_STATES,
  type UploadRecord,
} from '@jixiao/core';
import { type EvidenceOwner, evidenceOwnerPath, evidenceRecordPath, isOfficeOwner, keys } from '@jixiao/data';
import { isOffice, isOwnUnit, loadCycle, tenant, type UnitInCycle, unitInCycle } from '../cycles/context';
import { requireState } from '../cycles/gate';
import type { Caller } from '../http/caller';

/**
 * Who may see and file whose evidence, decided once for every evidence route: a unit's documents
 * are read by whoever may see the unit in the cycle (its own user, office-wide roles; another unit
 * finds nothing: 404) and filed by the unit's own user only (the office: 403); the office's own
 * documents are read and filed by the office.
 */

export const EVID = { zh: '佐证材料', en: 'Evidence' };
export const UPLOAD = { zh: '上传记录', en: 'Upload' };

export interface EvidenceContext {
  caller: Caller;
  t: string;
  cycle: Cycle;
  owner: EvidenceOwner;
  /** The unit, for a unit's evidence. */
  u?: UnitInCycle;
}

/** A unit's evidence, as a reader (404 outside the caller's scope). */
export async function unitReadContext(
  caller: Caller,
  cycleId: string,
  unit: string,
): Promise<EvidenceContext> {
  const cycle = await loadCycle(caller, cycleId);
  const u = await unitInCycle(caller, cycle, unit);
  return { caller, t: tenant(caller), cycle, owner: { unit }, u };
}

/** A unit's evidence, as its filer: the unit's own user (another unit 404, the office 403). */
export async function unitWriteContext(
  caller: Caller,
  cycleId: string,
  unit: string,
): Promise<EvidenceContext> {
  const ctx = await unitReadContext(caller, cycleId, unit);
  if (!isOwnUnit(caller, unit)) throw evidenceErrors.unitOnly();
  return ctx;
}

/** The office's own documents (read: the office and observers, by the route's permission). */
export async function officeReadContext(caller: Caller, cycleId: string): Promise<EvidenceContext> {
  const cycle = await loadCycle(caller, cycleId);
  return { caller, t: tenant(caller), cycle, owner: { office: true } };
}

export async function officeWriteContext(caller: Caller, cycleId: string): Promise<EvidenceContext> {
  if (!isOffice(caller)) throw evidenceErrors.officeOnly();
  return officeReadContext(caller, cycleId);
}

const uploadStates = (owner: EvidenceOwner) =>
  isOfficeOwner(owner) ? OFFICE_UPLOAD_STATES : UNIT_UPLOAD_STATES;

/** Whether files are accepted now for this owner (the state of the cycle only). */
export const acceptsFiles = (ctx: Pick<EvidenceContext, 'cycle' | 'owner'>): boolean =>
  uploadStates(ctx.owner).includes(ctx.cycle.state);

/** 409 unless files are accepted now: `evidence_frozen` once frozen, `invalid_state` before planning. */
export function requireAcceptsFiles(ctx: EvidenceContext): void {
  if (acceptsFiles(ctx)) return;
  if (isEvidenceFrozen(ctx.cycle.state)) throw evidenceErrors.frozen(ctx.cycle.state === 'closed');
  requireState(ctx.cycle, uploadStates(ctx.owner), { zh: '上传佐证材料', en: 'upload evidence' });
}

export const whoOf = (caller: Caller): EvidenceWho => ({
  id: caller.identity.sub,
  name: caller.identity.name ?? caller.identity.sub,
});

/** Record access, in the owner's part of the cycle's partition. */
export const evidenceRecords = (ctx: EvidenceContext) => {
  const records = ctx.caller.deps.data.cycleRecords;
  const { t, cycle, owner } = ctx;
  return {
    doc: (id: string) => records.get<EvidenceRecord>(t, cycle.id, 'EVID', evidenceRecordPath(owner, id)),
    docOr404: (id: string) =>
      records.getOr404<EvidenceRecord>(t, cycle.id, 'EVID', evidenceRecordPath(owner, id), EVID),
    docs: () => records.all<EvidenceRecord>(t, cycle.id, 'EVID', evidenceOwnerPath(owner)),
    upload: (id: string) => records.get<UploadRecord>(t, cycle.id, 'UPLOAD', evidenceRecordPath(owner, id)),
    uploadOr404: (id: string) =>
      records.getOr404<UploadRecord>(t, cycle.id, 'UPLOAD', evidenceRecordPath(owner, id), UPLOAD),
    uploads: () => records.all<UploadRecord>(t, cycle.id, 'UPLOAD', evidenceOwnerPath(owner)),
    uploadKey: (id: string) => keys.cycleRecord(t, cycle.id, 'UPLOAD', ...evidenceRecordPath(owner, id)),
  };
};

/** The owner of a stored upload (a unit's carries its indicator, which is part of its object key). */
export const ownerOfUpload = (u: Pick<UploadRecord, 'unit' | 'leaf'>): EvidenceOwner =>
  u.unit ? { unit: u.unit, ...(u.leaf ? { leaf: u.leaf } : {}) } : { office: true };
