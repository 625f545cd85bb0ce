import {
  type BatchStep,
  type EvaluationRun,
  errors,
  type ReleasePointer,
  type ResultRow,
} from '@jixiao/core';
import type { CycleRecordsRepo } from '../cycles';
import { keys } from '../keys';
import type { Store } from '../store';

const RUN = { zh: '计算批次', en: 'Evaluation run' };
const RELEASE = { zh: '已发布结果', en: 'Released results' };
type Stamp = 'version' | 'createdAt' | 'updatedAt';

/** Where each batch step counts its batches and units. */
const BATCH_COUNTERS = {
  score: { list: 'batches', count: 'scored' },
  report: { list: 'reportBatches', count: 'reported' },
} as const satisfies Record<BatchStep, { list: keyof EvaluationRun; count: keyof EvaluationRun }>;

const isConditionFailure = (e: unknown) =>
  (e as { name?: string } | null)?.name === 'ConditionalCheckFailedException';

/**
 * The runs of the year-end batch in the cycle's partition: the run records, the lock that lets one
 * run at a time (a lease the running tasks renew, so a run whose process died can be taken over),
 * progress counted once per batch, the result rows, and the released pointer (one conditional
 * write flips it). The use cases and the batch's tasks hold the rules; this only stores.
 */
export class RunsRepo {
  constructor(
    private readonly store: Store,
    private readonly records: CycleRecordsRepo,
    private readonly now: () => Date,
  ) {}

  private key = (t: string, cycle: string, run: string) => keys.cycleRecord(t, cycle, 'RUN', run);

  get = (t: string, cycle: string, run: string) => this.records.get<EvaluationRun>(t, cycle, 'RUN', [run]);

  getOr404 = (t: string, cycle: string, run: string) =>
    this.records.getOr404<EvaluationRun>(t, cycle, 'RUN', [run], RUN);

  /** Every run of the cycle (a cycle has a few dozen at most), oldest first. */
  all = (t: string, cycle: string) => this.records.all<EvaluationRun>(t, cycle, 'RUN');

  create = (t: string, cycle: string, run: Omit<EvaluationRun, Stamp>) =>
    this.records.create<Omit<EvaluationRun, Stamp>>(t, cycle, 'RUN', [run.id], run, RUN);

  /** Versioned change (the office's actions: release, resume). */
  update = (t: string, cycle: string, run: string, version: number, changes: Partial<EvaluationRun>) =>
    this.records.update<EvaluationRun>(t, cycle, 'RUN', [run], version, changes, RUN);

  /**
   * Unversioned change by a task (step, status, lease): sets the fields and bumps the version, so
   * an office action on a version read before it conflicts.
   */
  async patch(
    t: string,
    cycle: string,
    run: string,
    changes: Partial<EvaluationRun>,
  ): Promise<EvaluationRun> {
    const names: Record<string, string> = { '#version': 'version', '#updatedAt': 'updatedAt' };
    const values: Record<string, unknown> = { ':one': 1, ':at': this.now().toISOString() };
    const sets = ['#updatedAt = :at'];
    let i = 0;
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || k === 'version' || k === 'id' || k === 'updatedAt') continue;
      names[`#a${i}`] = k;
      values[`:v${i}`] = v;
      sets.push(`#a${i} = :v${i}`);
      i++;
    }
    try {
      const r = await this.store.doc.update({
        TableName: this.store.tableName,
        Key: this.key(t, cycle, run),
        UpdateExpression: `SET ${sets.join(', ')} ADD #version :one`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      });
      return strip(r.Attributes) as EvaluationRun;
    } catch (e) {
      if (isConditionFailure(e)) throw errors.notFound(RUN.zh, RUN.en);
      throw e;
    }
  }

  /**
   * Counts a batch of a batch step once: adds its units to the step's count (`scored`, or
   * `reported` for the report step) unless the batch (named by its first unit) was counted before —
   * a retried or resumed batch is not counted twice. True if counted now.
   */
  async countBatch(
    t: string,
    cycle: string,
    run: string,
    batch: string,
    units: number,
    leaseUntil: string,
    step: BatchStep = 'score',
  ) {
    const { list, count } = BATCH_COUNTERS[step];
    try {
      await this.store.doc.update({
        TableName: this.store.tableName,
        Key: this.key(t, cycle, run),
        UpdateExpression:
          'SET #b = list_append(if_not_exists(#b, :empty), :one), #s = if_not_exists(#s, :zero) + :n, #l = :lease, #u = :at ADD #version :inc',
        ConditionExpression: 'attribute_exists(pk) AND NOT contains(#b, :batch)',
        ExpressionAttributeNames: {
          '#b': list,
          '#s': count,
          '#l': 'leaseUntil',
          '#u': 'updatedAt',
          '#version': 'version',
        },
        ExpressionAttributeValues: {
          ':empty': [],
          ':one': [batch],
          ':batch': batch,
          ':zero': 0,
          ':n': units,
          ':lease': leaseUntil,
          ':at': this.now().toISOString(),
          ':inc': 1,
        },
      });
      return true;
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
  }

  // ─── The lock: one run at a time per cycle ───────────────────────────────────────────────────

  /**
   * Takes the cycle's lock for `run` until `leaseUntil`: free, expired, or already this run's.
   * Returns undefined when taken, else the run that holds it.
   */
  async lock(t: string, cycle: string, run: string, leaseUntil: string): Promise<string | undefined> {
    const now = this.now().toISOString();
    try {
      await this.store.doc.put({
        TableName: this.store.tableName,
        Item: {
          ...keys.cycleRecord(t, cycle, 'RUNLOCK', 'lock'),
          entity: 'cycle.RUNLOCK',
          tenant: t,
          run,
          leaseUntil,
        },
        ConditionExpression: 'attribute_not_exists(pk) OR #l < :now OR #r = :run',
        ExpressionAttributeNames: { '#l': 'leaseUntil', '#r': 'run' },
        ExpressionAttributeValues: { ':now': now, ':run': run },
      });
      return undefined;
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      const held = await this.store.get<{ run: string }>(keys.cycleRecord(t, cycle, 'RUNLOCK', 'lock'));
      return held?.run ?? 'unknown';
    }
  }

  /** The run holding the lock now (its lease not yet run out), if any. */
  async holder(t: string, cycle: string): Promise<{ run: string; leaseUntil: string } | undefined> {
    const l = await this.store.get<{ run: string; leaseUntil: string }>(
      keys.cycleRecord(t, cycle, 'RUNLOCK', 'lock'),
    );
    return l && l.leaseUntil >= this.now().toISOString() ? l : undefined;
  }

  /** Lets the lock go, if `run` holds it. */
  async unlock(t: string, cycle: string, run: string): Promise<void> {
    try {
      await this.store.doc.delete({
        TableName: this.store.tableName,
        Key: keys.cycleRecord(t, cycle, 'RUNLOCK', 'lock'),
        ConditionExpression: '#r = :run',
        ExpressionAttributeNames: { '#r': 'run' },
        ExpressionAttributeValues: { ':run': run },
      });
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
  }

  // ─── Result rows ──────────────────────────────────────────────────────────────────────────────

  /** Writes rows (idempotent: the same key gets the same item), 25 per request, unprocessed retried. */
  async putRows(t: string, cycle: string, run: string, rows: readonly ResultRow[]): Promise<number> {
    let requests = 0;
    for (let i = 0; i < rows.length; i += 25) {
      let pending: Record<string, unknown>[] = rows.slice(i, i + 25).map((row) => ({
        PutRequest: {
          Item: {
            ...keys.cycleRecord(t, cycle, 'RESULT', run, row.unit),
            entity: 'cycle.RESULT',
            tenant: t,
            run,
            ...row,
          },
        },
      }));
      for (let attempt = 0; pending.length; attempt++) {
        if (attempt > 8) throw new Error('putRows: DynamoDB left items unprocessed after 8 retries');
        if (attempt) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
        requests++;
        const r = await this.store.doc.batchWrite({ RequestItems: { [this.store.tableName]: pending } });
        pending = (r.UnprocessedItems?.[this.store.tableName] ?? []) as Record<string, unknown>[];
      }
    }
    return requests;
  }

  /** A run's rows, in unit-code order. */
  rows = (t: string, cycle: string, run: string) =>
    this.records
      .all<ResultRow & { run: string }>(t, cycle, 'RESULT', [run])
      .then((rs) =>
        rs.map(({ run: _r, version: _v, createdAt: _c, updatedAt: _u, ...row }) => row as ResultRow),
      );

  /** One unit's row in a run. */
  row = (t: string, cycle: string, run: string, unit: string) =>
    this.records.get<ResultRow>(t, cycle, 'RESULT', [run, unit]);

  // ─── The released pointer ─────────────────────────────────────────────────────────────────────

  released = (t: string, cycle: string) => this.records.get<ReleasePointer>(t, cycle, 'RELEASE', ['current']);

  /**
   * Points the cycle's released results at a run: creates the pointer when `expected` is undefined
   * (nothing released yet), else changes it only if it is still at version `expected`. One
   * conditional write: units see the old run or the new one, never a mixture.
   */
  async release(
    t: string,
    cycle: string,
    pointer: Omit<ReleasePointer, Stamp>,
    expected: number | undefined,
  ): Promise<ReleasePointer> {
    if (expected === undefined)
      return this.records.create<Omit<ReleasePointer, Stamp>>(
        t,
        cycle,
        'RELEASE',
        ['current'],
        pointer,
        RELEASE,
      );
    return this.records.update<ReleasePointer>(t, cycle, 'RELEASE', ['current'], expected, pointer, RELEASE);
  }
}

const strip = (item: Record<string, unknown> | undefined) => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item ?? {}))
    if (!['pk', 'sk', 'gsi1pk', 'gsi1sk', 'entity', 'tenant'].includes(k)) out[k] = v;
  return out;
};
