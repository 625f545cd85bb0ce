import type { Publication } from '@jixiao/core';
import type { CycleRecordsRepo, RecordChanges } from '../cycles';

const PUBLICATION = { zh: '绩效结果公开记录', en: 'Publication' };
const NUMBER = { zh: '公开批次编号', en: 'Publication number' };
type Stamp = 'version' | 'createdAt' | 'updatedAt';

/**
 * The cycle's publication in its partition: `PUBLISH#current`, the record the public side reads
 * (one conditional write publishes, republishes or withdraws), and `PUBLISH#number#<n>`, one small
 * record per snapshot number, created (conditionally) before that number's snapshot object is
 * written. So only one publisher ever writes a number's object, even when two publish at once: the
 * object a record names is never overwritten. The use cases hold the rules; this only stores.
 */
export class PublicationsRepo {
  constructor(private readonly records: CycleRecordsRepo) {}

  get = (t: string, cycle: string) => this.records.get<Publication>(t, cycle, 'PUBLISH', ['current']);

  getOr404 = (t: string, cycle: string) =>
    this.records.getOr404<Publication>(t, cycle, 'PUBLISH', ['current'], PUBLICATION);

  /**
   * Claims a snapshot number: true when this caller is the first (and only) one to claim it. A
   * number claimed by an attempt that failed later stays claimed; the next attempt takes the next.
   */
  async claimNumber(t: string, cycle: string, number: number, by: string): Promise<boolean> {
    try {
      await this.records.create(t, cycle, 'PUBLISH', ['number', String(number)], { number, by }, NUMBER);
      return true;
    } catch (e) {
      if ((e as { code?: string }).code === 'already_exists') return false;
      throw e;
    }
  }

  /** Writes the first record of the cycle (409 `already_exists` if another publisher was first). */
  create = (t: string, cycle: string, p: Omit<Publication, Stamp>) =>
    this.records.create<Omit<Publication, Stamp>>(t, cycle, 'PUBLISH', ['current'], p, PUBLICATION);

  /** Changes the record if it is still at `version` (409 `version_conflict` otherwise). */
  update = (t: string, cycle: string, version: number, changes: RecordChanges<Publication>) =>
    this.records.update<Publication>(t, cycle, 'PUBLISH', ['current'], version, changes, PUBLICATION);
}
