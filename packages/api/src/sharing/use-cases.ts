import {
  errors,
  type ShareCreate,
  type SharedResult,
  type ShareRecipientKind,
  type ShareRecord,
  type ShareWithdraw,
  shareRecordSchema,
} from '@jixiao/core';
import type { PageRequest } from '@jixiao/data';
import { loadCycle, pageInMemory, recordAudit, tenant } from '../cycles/context';
import { preconditionFailed, stampOf } from '../evaluation/context';
import type { Caller } from '../http/caller';
import { callerTenant, type RecipientChoice, recipientsOf } from '../province/context';
import { shareBasis } from './share-inputs';

/**
 * Sharing by consent (#12): a city or county shares the released result of one cycle a year with
 * its province (and a county also with its city). The share writes two items, in this order: the
 * sharer's record (T#<t>#SHARES, created, or changed at the version read), then the recipient's
 * copy (P#<recipient>#SHARED), so a copy never exists without a record saying it was shared.
 * Sharing another cycle of the same year replaces the copy, and the older record says `replaced`.
 * Withdrawing deletes the copy (only while it is still that cycle's), then marks the record. Audited.
 */

export const sharingRecipients = async (caller: Caller): Promise<{ items: RecipientChoice[] }> => ({
  items: await recipientsOf(caller, await callerTenant(caller)),
});

/** Newest change first; the key orders the same way as a string (for the in-memory cursor). */
const newestKey = (r: ShareRecord) =>
  `${String(9e15 - Date.parse(r.updatedAt)).padStart(16, '0')}#${r.recipient}#${r.cycle}`;

const parsed = (rs: readonly ShareRecord[]) => rs.map((r) => shareRecordSchema.parse(r));

export async function listShares(caller: Caller, q: PageRequest) {
  const all = parsed(await caller.deps.data.province.shares.all(tenant(caller)));
  const sorted = all.sort((a, b) => (newestKey(a) < newestKey(b) ? -1 : 1));
  return pageInMemory(caller, 'shares', sorted, newestKey, q);
}

export async function cycleShares(caller: Caller, cycleId: string): Promise<{ items: ShareRecord[] }> {
  const cycle = await loadCycle(caller, cycleId);
  const all = parsed(await caller.deps.data.province.shares.all(tenant(caller)));
  return {
    items: all.filter((r) => r.cycle === cycle.id).sort((a, b) => (newestKey(a) < newestKey(b) ? -1 : 1)),
  };
}

/** What a share would send now, written nowhere. */
export async function previewShare(
  caller: Caller,
  cycleId: string,
  to: ShareRecipientKind,
): Promise<SharedResult> {
  const basis = await shareBasis(caller, cycleId, to, { note: '', shared: stampOf(caller) });
  return basis.snapshot;
}

export async function share(caller: Caller, cycleId: string, input: ShareCreate): Promise<ShareRecord> {
  const shared = stampOf(caller);
  const { cycle, run, recipient, snapshot } = await shareBasis(caller, cycleId, input.to, {
    note: input.note,
    shared,
  });
  const t = tenant(caller);
  const repo = caller.deps.data.province.shares;
  const current = await repo.get(t, recipient.code, cycle.id);
  const fields = {
    recipient: recipient.code,
    recipientKind: recipient.kind,
    recipientName: recipient.name,
    cycle: cycle.id,
    cycleName: cycle.name,
    year: cycle.year,
    run: run.id,
    runNumber: run.number,
    status: 'shared' as const,
    note: input.note,
    shared,
    coverage: snapshot.coverage,
    indicators: snapshot.indicators.length,
  };
  const record = current
    ? await repo.update(t, recipient.code, cycle.id, current.version, { ...fields, withdrawn: null })
    : await repo.create(t, fields);
  await caller.deps.data.province.shared.put(snapshot, record.version);
  // Another cycle of the same year shared with the same recipient is replaced by this one.
  const others = (await repo.all(t)).filter(
    (r) =>
      r.recipient === recipient.code &&
      r.year === cycle.year &&
      r.cycle !== cycle.id &&
      r.status === 'shared',
  );
  for (const o of others)
    await repo.update(t, o.recipient, o.cycle, o.version, { status: 'replaced' }).catch((e: unknown) => {
      // Changed meanwhile (withdrawn or shared again): that request's outcome stands.
      if ((e as { code?: string }).code !== 'version_conflict') throw e;
    });
  await recordAudit(caller, {
    action: 'share.create',
    target: { type: 'share', id: `${cycle.id}/${recipient.code}` },
    before: current ? { status: current.status, run: current.run } : null,
    after: {
      recipient: recipient.code,
      year: cycle.year,
      run: run.id,
      runNumber: run.number,
      indicators: snapshot.indicators.length,
      ...(others.length ? { replaced: others.map((o) => o.cycle) } : {}),
    },
    ...(input.note ? { note: input.note } : {}),
  });
  return shareRecordSchema.parse(record);
}

export async function withdrawShare(
  caller: Caller,
  cycleId: string,
  recipient: string,
  input: ShareWithdraw,
): Promise<ShareRecord> {
  const cycle = await loadCycle(caller, cycleId);
  const t = tenant(caller);
  const repo = caller.deps.data.province.shares;
  const current = await repo.getOr404(t, recipient, cycle.id);
  if (current.status !== 'shared')
    throw preconditionFailed(
      current.status === 'withdrawn' ? '该共享已撤回。' : '该共享已被同年度其他周期的共享替换，无需撤回。',
      current.status === 'withdrawn'
        ? 'This share is already withdrawn.'
        : 'This share was replaced by a share of another cycle of the year; nothing to withdraw.',
    );
  if (input.version !== current.version) throw errors.versionConflict(current.version);
  const withdrawn = { ...stampOf(caller), reason: input.reason };
  // The copy goes first: a withdrawal cut short after it leaves a record still saying `shared`,
  // which the retry completes; the other order could leave a copy the record calls withdrawn.
  await caller.deps.data.province.shared.remove(recipient, current.year, t, cycle.id);
  const record = await repo.update(t, recipient, cycle.id, current.version, {
    status: 'withdrawn',
    withdrawn,
  });
  await recordAudit(caller, {
    action: 'share.withdraw',
    target: { type: 'share', id: `${cycle.id}/${recipient}` },
    before: { status: 'shared', run: current.run },
    after: { status: 'withdrawn' },
    note: input.reason,
  });
  return shareRecordSchema.parse(record);
}
