import {
  type Appeal,
  type Cycle,
  contentOf,
  type EvaluationRun,
  leavesOf,
  mapLimit,
  type Rectification,
  type ReleasePointer,
  type ReportContext,
  type ResultRow,
  type RunDigest,
  resultRowSchema,
  shanghaiDay,
  type UnitRunResult,
  type UnitType,
} from '@jixiao/core';
import { tenant } from '../cycles/context';
import { readDigest, readUnitResult } from '../evaluation/run-objects';
import type { Caller } from '../http/caller';

/**
 * What the report builders read, gathered from the records as stored: the run's rows, digest and
 * unit results (read by the evaluation's own readers), the cycle's units, groups, appeals and
 * rectification tasks, the unit's released results of earlier years (the trend) and the first
 * release of the cycle (what appeals changed). Read once per run and shared by every report of
 * the run: a request builds one report from it, the batch's report step a whole batch of units.
 *
 * The day a report's data was taken (`asOf`) is the latest of the day the run froze its inputs
 * and the newest change to an appeal or task the report reads, never today: unchanged inputs give
 * the same report, and so the same stored file, day after day. Nothing in a run's reports changes
 * when the run finishes or is released (the day of release is said by the published reports
 * only), so what the batch's report step renders before the office's review is what units
 * download after the release.
 */

const once = <T>(f: () => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => (p ??= f());
};

/** Reads of object stores at most this many at a time (S3 GETs of unit results). */
export const READS = 8;

export interface RunInputs {
  caller: Caller;
  t: string;
  tenant: { code: string; name: string };
  cycle: Cycle;
  run: EvaluationRun;
  pointer: ReleasePointer | undefined;
  rows: ResultRow[];
  digest: RunDigest;
  appeals: Appeal[];
  tasks: Rectification[];
  /** The Shanghai day the run froze its inputs (its start). */
  runDay: string;
  releasedOn?: string;
  groupName: (code: string) => Promise<string>;
  unitType: (code: string) => Promise<UnitType>;
  unitsOfMeasure: (system: { id: string; version: number }) => Promise<Record<string, string>>;
  result: (unit: string) => Promise<UnitRunResult | undefined>;
  history: () => Promise<EarlierYear[]>;
}

export interface EarlierYear {
  cycle: Cycle;
  rows: Map<string, ResultRow>;
}

const dayOf = (iso: string | undefined) => (iso ? shanghaiDay(new Date(iso)) : undefined);
/** The latest of some days (YYYY-MM-DD strings order as days do). */
const latest = (...days: (string | undefined)[]) =>
  days
    .filter((d): d is string => !!d)
    .sort()
    .at(-1) ?? '';

/** When the run was released: by the pointer while it is the released run, else as its record says. */
function releasedAt(run: EvaluationRun, pointer: ReleasePointer | undefined): string | undefined {
  if (pointer?.run === run.id) return pointer.released.at;
  return run.released?.at;
}

export async function loadRunInputs(
  caller: Caller,
  cycle: Cycle,
  run: EvaluationRun,
  pointer: ReleasePointer | undefined,
  /** For the public snapshot: the trend shows only earlier years that are published themselves. */
  opts: { publishedYearsOnly?: boolean } = {},
): Promise<RunInputs> {
  const t = tenant(caller);
  const data = caller.deps.data;
  const [tenantRecord, rows, digest, appeals, tasks] = await Promise.all([
    data.tenants.get(t),
    data.evaluation.runs.rows(t, cycle.id, run.id),
    readDigest(caller, cycle.id, run.id),
    data.cycleRecords.all<Appeal>(t, cycle.id, 'APPEAL'),
    data.cycleRecords.all<Rectification>(t, cycle.id, 'RECT'),
  ]);
  const released = releasedAt(run, pointer);
  const releasedOn = dayOf(released);
  const groupNames = new Map<string, Promise<string>>();
  const unitTypes = new Map<string, Promise<UnitType>>();
  const measures = new Map<string, Promise<Record<string, string>>>();
  const results = new Map<string, Promise<UnitRunResult | undefined>>();
  const memo = <K, V>(m: Map<K, Promise<V>>, k: K, f: () => Promise<V>) => {
    if (!m.has(k)) m.set(k, f());
    return m.get(k)!;
  };
  return {
    caller,
    t,
    tenant: { code: t, name: tenantRecord?.name ?? t },
    cycle,
    run,
    pointer,
    rows: rows.map((r) => resultRowSchema.parse(r)),
    digest,
    appeals,
    tasks,
    runDay: shanghaiDay(new Date(run.started.at)),
    ...(releasedOn ? { releasedOn } : {}),
    groupName: (code) => memo(groupNames, code, async () => (await data.org.getGroup(t, code))?.name ?? code),
    unitType: (code) =>
      memo(unitTypes, code, async () => (await data.org.getUnit(t, code))?.type ?? 'department'),
    unitsOfMeasure: (s) =>
      memo(measures, `${s.id}@${s.version}`, async () => {
        const system = await data.indicatorSystems.getVersion(t, s.id, s.version).catch(() => undefined);
        const out: Record<string, string> = {};
        if (system)
          for (const l of leavesOf(contentOf(system).dimensions))
            if (l.unitOfMeasure) out[l.code] = l.unitOfMeasure;
        return out;
      }),
    result: (unit) => memo(results, unit, () => readUnitResult(caller, cycle.id, run.id, unit)),
    history: once(() => earlierYears(caller, cycle, opts.publishedYearsOnly === true)),
  };
}

/**
 * The tenant's earlier cycles of the same kind (and, for a special evaluation, the same subject:
 * a welfare evaluation does not trend against a construction one) with released results, oldest
 * first, each with its released rows. For a public snapshot, only the years published themselves,
 * with their published run's rows: a year never made public must not reach the public through a
 * later year's trend.
 */
async function earlierYears(caller: Caller, cycle: Cycle, publishedOnly: boolean): Promise<EarlierYear[]> {
  const t = tenant(caller);
  const runs = caller.deps.data.evaluation.runs;
  const earlier = (await caller.deps.data.cycles.all(t))
    .filter(
      (c) => c.id !== cycle.id && c.year < cycle.year && c.kind === cycle.kind && c.subject === cycle.subject,
    )
    .sort((a, b) => a.year - b.year || (a.id < b.id ? -1 : 1));
  const found = await mapLimit(earlier, READS, async (c) => {
    const shown = publishedOnly
      ? await caller.deps.data.publications
          .get(t, c.id)
          .then((p) => (p?.status === 'published' ? p : undefined))
      : await runs.released(t, c.id);
    if (!shown) return undefined;
    const rows = await runs.rows(t, c.id, shown.run);
    return { cycle: c, rows: new Map(rows.map((r) => [r.unit, r])) };
  });
  return found.filter((y): y is EarlierYear => !!y);
}

const newest = (records: readonly { updatedAt: string }[]) =>
  records.reduce<string | undefined>((a, r) => (!a || r.updatedAt > a ? r.updatedAt : a), undefined);

/** When the results were made public: given for the published reports only. */
export interface Published {
  publishedOn: string;
}

/** Who and what a report is about, dated by the newest of its data (see the module's comment). */
export function contextOf(
  i: RunInputs,
  read: { appeals: readonly Appeal[]; tasks: readonly Rectification[] },
  published?: Published,
): ReportContext {
  return {
    tenant: i.tenant,
    cycle: { id: i.cycle.id, name: i.cycle.name, year: i.cycle.year },
    run: { id: i.run.id, number: i.run.number },
    ...(published && i.releasedOn ? { releasedOn: i.releasedOn } : {}),
    ...(published ? { publishedOn: published.publishedOn } : {}),
    asOf: latest(i.runDay, dayOf(newest(read.appeals)), dayOf(newest(read.tasks))),
  };
}
