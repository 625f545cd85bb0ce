import type { ShareRecord } from '@jixiao/core';
import { keys } from '../keys';
import type { Store } from '../store';

const SHARE = { zh: '共享记录', en: 'Share record' };
type Stamp = 'version' | 'createdAt' | 'updatedAt';
export type ShareChanges = { [K in keyof Omit<ShareRecord, Stamp | 'tenant'>]?: ShareRecord[K] | null };

/**
 * The sharer's own records of its shares (`T#<t>#SHARES`, by recipient and cycle), kept after a
 * withdrawal or replacement as history. `tenant` is the partition's owner (the store strips the
 * attribute on reading, so it is put back here).
 */
export class ShareRecordsRepo {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  private own =
    (t: string) =>
    (r: Omit<ShareRecord, 'tenant'>): ShareRecord => ({ ...r, tenant: t });

  async get(t: string, recipient: string, cycle: string): Promise<ShareRecord | undefined> {
    const r = await this.store.get<Omit<ShareRecord, 'tenant'>>(keys.shareRecord(t, recipient, cycle));
    return r ? this.own(t)(r) : undefined;
  }

  async getOr404(t: string, recipient: string, cycle: string): Promise<ShareRecord> {
    const r = await this.store.getOr404<Omit<ShareRecord, 'tenant'>>(
      keys.shareRecord(t, recipient, cycle),
      SHARE,
    );
    return this.own(t)(r);
  }

  /** Every share record of the tenant (a few per year). */
  async all(t: string): Promise<ShareRecord[]> {
    const items = await this.store.all<Omit<ShareRecord, 'tenant'>>(keys.shareRecords(t), `T:${t}:shares`);
    return items.map(this.own(t));
  }

  /** Creates the record of a first share of a cycle with a recipient (409 if another request was first). */
  async create(t: string, r: Omit<ShareRecord, Stamp | 'tenant'>): Promise<ShareRecord> {
    const at = this.now().toISOString();
    const item = { ...r, version: 1, createdAt: at, updatedAt: at };
    await this.store.create(
      keys.shareRecord(t, r.recipient, r.cycle),
      undefined,
      { ...item, entity: 'shareRecord', tenant: t },
      SHARE,
    );
    return this.own(t)(item);
  }

  /** Changes the record if it is still at `version` (409 `version_conflict` otherwise). */
  async update(
    t: string,
    recipient: string,
    cycle: string,
    version: number,
    changes: ShareChanges,
  ): Promise<ShareRecord> {
    const r = await this.store.update<Omit<ShareRecord, 'tenant'>>(
      keys.shareRecord(t, recipient, cycle),
      version,
      { ...changes, updatedAt: this.now().toISOString() },
      SHARE,
    );
    return this.own(t)(r);
  }
}
