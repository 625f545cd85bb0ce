import { type CycleRecordKind, type IndexKey, keys } from '../keys';
import type { NotFoundWords, Page, PageRequest, Store } from '../store';

type Stamp = 'version' | 'createdAt' | 'updatedAt';
type Stamped = { version: number; createdAt: string; updatedAt: string };
export type RecordChanges<T> = { [K in keyof Omit<T, Stamp>]?: T[K] | null };

/**
 * The records of one cycle (plans, progress reports, self-assessments, value records, checks,
 * comments, opinions) in the cycle's partition, addressed by kind and a path (unit, then period,
 * leaf or id). One generic set of operations, so each kind gets the same conditional create,
 * versioned update (409 on a stale version) and paged listing; the use cases hold the rules.
 */
export class CycleRecordsRepo {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  private scope = (t: string, cycle: string, kind: CycleRecordKind, path: string[]) =>
    `T:${t}:cycle:${cycle}:${kind}:${path.join(':')}`;

  get = <T>(t: string, cycle: string, kind: CycleRecordKind, path: string[]) =>
    this.store.get<T & Stamped>(keys.cycleRecord(t, cycle, kind, ...path));

  getOr404 = <T>(t: string, cycle: string, kind: CycleRecordKind, path: string[], what: NotFoundWords) =>
    this.store.getOr404<T & Stamped>(keys.cycleRecord(t, cycle, kind, ...path), what);

  /** Creates the record (409 `already_exists` if it is there). */
  async create<T extends object>(
    t: string,
    cycle: string,
    kind: CycleRecordKind,
    path: string[],
    record: T,
    what: NotFoundWords,
    index?: IndexKey,
  ): Promise<T & Stamped> {
    const at = this.now().toISOString();
    const item = { ...record, version: 1, createdAt: at, updatedAt: at };
    await this.store.create(
      keys.cycleRecord(t, cycle, kind, ...path),
      index,
      { ...item, entity: `cycle.${kind}`, tenant: t },
      what,
    );
    return item;
  }

  /** Changes the record if it is still at `version` (409 `version_conflict` otherwise). */
  update = <T>(
    t: string,
    cycle: string,
    kind: CycleRecordKind,
    path: string[],
    version: number,
    changes: RecordChanges<T>,
    what: NotFoundWords,
  ) =>
    this.store.update<T & Stamped>(
      keys.cycleRecord(t, cycle, kind, ...path),
      version,
      { ...changes, updatedAt: this.now().toISOString() },
      what,
    );

  /** One page of the records of a kind whose path starts with `prefix` (e.g. one unit's). */
  page = <T>(t: string, cycle: string, kind: CycleRecordKind, prefix: string[], req: PageRequest) =>
    this.store.page<T & Stamped>(
      keys.cycleRecords(t, cycle, kind, ...prefix),
      this.scope(t, cycle, kind, prefix),
      req,
    ) as Promise<Page<T & Stamped>>;

  /** Every record of a kind under `prefix` (a cycle holds thousands at most per kind and unit). */
  all = <T>(t: string, cycle: string, kind: CycleRecordKind, prefix: string[] = []) =>
    this.store.all<T & Stamped>(
      keys.cycleRecords(t, cycle, kind, ...prefix),
      this.scope(t, cycle, kind, prefix),
    );

  /** Value records of one leaf across units (the provider's table), from gsi1. */
  valuesOfLeaf = <T>(t: string, cycle: string, leaf: string) => {
    const q = keys.valuesByLeaf(t, cycle, leaf);
    return this.store.all<T & Stamped>(
      { pk: q.gsi1pk, skPrefix: q.skPrefix, index: 'gsi1' },
      `T:${t}:cycle:${cycle}:leaf:${leaf}`,
    );
  };
}
