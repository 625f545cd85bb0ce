import type { SharedResult } from '@jixiao/core';
import { keys } from '../keys';
import type { Page, PageRequest, Store } from '../store';

/**
 * The copies a recipient holds (`P#<recipient>#SHARED`, `Y#<year>#T#<sharer>`): one per sharer and
 * year, written by the sharer's share use case and deleted when it withdraws. The sharer's code is
 * kept as `sharer` too: the store strips the `tenant` attribute (a partition owner's, elsewhere).
 */
type Stored = Omit<SharedResult, 'tenant'> & { sharer: string; version?: number };

export interface ShareStamp {
  tenant: string;
  cycle: string;
  run: string;
  at: string;
}

const restore = ({ sharer, version: _v, ...rest }: Stored): SharedResult => ({ ...rest, tenant: sharer });

export class SharedResultsRepo {
  constructor(private readonly store: Store) {}

  async get(recipient: string, year: number, tenant: string): Promise<SharedResult | undefined> {
    const found = await this.store.get<Stored>(keys.sharedResult(recipient, year, tenant));
    return found ? restore(found) : undefined;
  }

  /** One page of a recipient's copies, of one year or of every year (by year, then sharer). */
  async page(recipient: string, year: number | undefined, req: PageRequest): Promise<Page<SharedResult>> {
    const q = keys.sharedResults(recipient, year);
    const p = await this.store.page<Stored>(q, `P:${recipient}:shared:${year ?? 'all'}`, req);
    return { items: p.items.map(restore), ...(p.nextCursor ? { nextCursor: p.nextCursor } : {}) };
  }

  /** Every copy of one year (a province's tenants: up to a few thousand). */
  async all(recipient: string, year: number): Promise<SharedResult[]> {
    const items = await this.store.all<Stored>(
      keys.sharedResults(recipient, year),
      `P:${recipient}:shared:${year}:all`,
    );
    return items.map(restore);
  }

  /**
   * What identifies each copy of a year as it stands (sharer, cycle, run, when shared), read without
   * the values: enough to tell whether anything changed since a comparison was made.
   */
  async stamps(recipient: string, year: number): Promise<ShareStamp[]> {
    const items = await this.store.all<{ sharer: string } & Pick<SharedResult, 'cycle' | 'run' | 'shared'>>(
      { ...keys.sharedResults(recipient, year), attributes: ['sharer', 'cycle', 'run', 'shared'] },
      `P:${recipient}:shared:${year}:stamps`,
    );
    return items.map((i) => ({ tenant: i.sharer, cycle: i.cycle.id, run: i.run.id, at: i.shared.at }));
  }

  /** The years the recipient holds copies of, ascending (reads the year attribute only). */
  async years(recipient: string): Promise<number[]> {
    const items = await this.store.all<{ year: number }>(
      { ...keys.sharedResults(recipient), attributes: ['year'] },
      `P:${recipient}:shared:years`,
    );
    return [...new Set(items.map((i) => i.year))].sort((a, b) => a - b);
  }

  /** Writes (or refreshes) a sharer's copy; the share record, written first, is the guard. */
  async put(copy: SharedResult, version: number): Promise<void> {
    const { tenant, ...rest } = copy;
    await this.store.doc.put({
      TableName: this.store.tableName,
      Item: {
        ...rest,
        sharer: tenant,
        version,
        entity: 'sharedResult',
        ...keys.sharedResult(copy.recipient, copy.year, tenant),
      },
    });
  }

  /**
   * Deletes the sharer's copy of the year if it is still the copy of `cycle` (a later share of
   * another cycle of the year replaced it, and stays). True when a copy was deleted.
   */
  async remove(recipient: string, year: number, tenant: string, cycle: string): Promise<boolean> {
    try {
      await this.store.doc.delete({
        TableName: this.store.tableName,
        Key: keys.sharedResult(recipient, year, tenant),
        ConditionExpression: '#cycle.#id = :cycle',
        ExpressionAttributeNames: { '#cycle': 'cycle', '#id': 'id' },
        ExpressionAttributeValues: { ':cycle': cycle },
      });
      return true;
    } catch (e) {
      if ((e as { name?: string } | null)?.name === 'ConditionalCheckFailedException') return false;
      throw e;
    }
  }
}
