import { createHash } from 'node:crypto';
import {
  type Appeal,
  type Cycle,
  errors,
  type Publication,
  type PublicationView,
  type Publish,
  publicationSchema,
  type WithdrawPublication,
} from '@jixiao/core';
import { publicationPath } from '@jixiao/data';
import { loadCycle, recordAudit, tenant } from '../cycles/context';
import { loadRun, preconditionFailed, releasedPointer, stampOf } from '../evaluation/context';
import type { Caller } from '../http/caller';
import { loadRunInputs } from '../reports/run-inputs';
import { publicationBlockers } from './readiness';
import { publishedCycle } from './snapshot';

/**
 * Publication (绩效结果公开): the office publishes the released results after appeals as a frozen
 * snapshot: the object is written once under its number, then ONE conditional write of the
 * cycle's record (created, or changed only at the version the office read) makes it public.
 * Withdrawing flips the record's status; publishing again (after a new release, or after a
 * withdrawal) writes the next number. Every write is audited.
 */

/** Where the public portal shows a published cycle (the web's portal page). */
export const publicResultsPath = (tenant: string, cycle: string) =>
  `/console/public/${tenant}/results/${cycle}`;

/** Snapshot numbers tried when earlier attempts left theirs claimed (a publish that failed midway). */
const NUMBER_ATTEMPTS = 20;

async function facts(caller: Caller, cycle: Cycle) {
  const t = tenant(caller);
  const data = caller.deps.data;
  const [pointer, publication, appeals, runs] = await Promise.all([
    releasedPointer(caller, cycle),
    data.publications.get(t, cycle.id),
    data.cycleRecords.all<Appeal>(t, cycle.id, 'APPEAL'),
    data.evaluation.runs.all(t, cycle.id),
  ]);
  const p = publication ? publicationSchema.parse(publication) : undefined;
  return { cycle, pointer, publication: p, appeals, runs };
}

export async function publicationView(caller: Caller, cycleId: string): Promise<PublicationView> {
  const cycle = await loadCycle(caller, cycleId);
  const f = await facts(caller, cycle);
  const blockers = publicationBlockers(f);
  return {
    cycle: { id: cycle.id, name: cycle.name, year: cycle.year, state: cycle.state },
    ...(f.pointer
      ? { released: { run: f.pointer.run, number: f.pointer.number, at: f.pointer.released.at } }
      : {}),
    ...(f.publication ? { publication: f.publication } : {}),
    readiness: { canPublish: blockers.length === 0, blockers },
    ...(f.publication?.status === 'published'
      ? { publicPath: publicResultsPath(tenant(caller), cycle.id) }
      : {}),
  };
}

/** The first snapshot number no attempt has claimed, from the one after the record's. */
async function claimNumber(caller: Caller, cycle: string, after: number): Promise<number> {
  for (let n = after + 1; n <= after + NUMBER_ATTEMPTS; n++)
    if (await caller.deps.data.publications.claimNumber(tenant(caller), cycle, n, caller.identity.sub))
      return n;
  throw errors.serviceUnavailable();
}

export async function publish(caller: Caller, cycleId: string, input: Publish): Promise<Publication> {
  const cycle = await loadCycle(caller, cycleId);
  const f = await facts(caller, cycle);
  const blockers = publicationBlockers(f);
  if (blockers.length) throw errors.publicationNotReady(blockers);
  const current = f.publication;
  // Publishing again changes the record the office read: it names its version (409 otherwise).
  if (current ? input.version !== current.version : input.version !== undefined)
    throw errors.versionConflict(current?.version);
  const pointer = f.pointer!;
  const t = tenant(caller);
  const run = await loadRun(caller, cycle, pointer.run);
  const inputs = await loadRunInputs(caller, cycle, run, pointer, { publishedYearsOnly: true });
  const published = stampOf(caller);
  const number = await claimNumber(caller, cycle.id, current?.number ?? 0);
  const snapshot = await publishedCycle(inputs, { number, publishedAt: published.at, note: input.note });
  const bytes = new TextEncoder().encode(JSON.stringify(snapshot));
  const path = publicationPath(cycle.id, number);
  await caller.deps.data.blobs.put(t, path, bytes, 'application/json');
  const record = {
    cycle: cycle.id,
    number,
    run: run.id,
    runNumber: run.number,
    status: 'published' as const,
    note: input.note,
    published,
    snapshot: {
      key: path.join('/'),
      bytes: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
    history: current
      ? [
          ...current.history,
          {
            number: current.number,
            run: current.run,
            at: current.published.at,
            ...(current.withdrawn ? { withdrawnAt: current.withdrawn.at } : {}),
          },
        ]
      : [],
  };
  const written = current
    ? await caller.deps.data.publications.update(t, cycle.id, current.version, { ...record, withdrawn: null })
    : await caller.deps.data.publications.create(t, cycle.id, record);
  await recordAudit(caller, {
    action: 'publication.publish',
    target: { type: 'publication', id: `${cycle.id}/${number}` },
    before: current ? { number: current.number, run: current.run, status: current.status } : null,
    after: { number, run: run.id, runNumber: run.number, sha256: record.snapshot.sha256 },
    ...(input.note ? { note: input.note } : {}),
  });
  return publicationSchema.parse(written);
}

export async function withdraw(
  caller: Caller,
  cycleId: string,
  input: WithdrawPublication,
): Promise<Publication> {
  const cycle = await loadCycle(caller, cycleId);
  const t = tenant(caller);
  const current = publicationSchema.parse(await caller.deps.data.publications.getOr404(t, cycle.id));
  if (current.status !== 'published')
    throw preconditionFailed(
      `第 ${current.number} 次公开的结果已撤回。`,
      `Publication ${current.number} is already withdrawn.`,
    );
  if (input.version !== current.version) throw errors.versionConflict(current.version);
  const withdrawn = { ...stampOf(caller), reason: input.reason };
  const written = await caller.deps.data.publications.update(t, cycle.id, current.version, {
    status: 'withdrawn',
    withdrawn,
  });
  await recordAudit(caller, {
    action: 'publication.withdraw',
    target: { type: 'publication', id: `${cycle.id}/${current.number}` },
    before: { status: 'published' },
    after: { status: 'withdrawn' },
    note: input.reason,
  });
  return publicationSchema.parse(written);
}
