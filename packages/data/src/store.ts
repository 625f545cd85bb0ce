import { errors } from '@jixiao/core';
import type { CursorCodec } from './cursor';
import type { DynamoDoc } from './dynamo-doc';
import type { IndexKey, Key } from './keys';
import { TABLE } from './table';

/**
 * Thin generic operations on the single table: conditional create, versioned update and delete
 * (optimistic concurrency, 409 on conflict), get, and paged queries with signed cursors.
 * No transactions: every write is one conditional item write.
 */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Items whose partition is `pk` and whose sort key starts with `skPrefix`, on the table or gsi1. */
export interface Query {
  pk: string;
  skPrefix: string;
  index?: 'gsi1';
  /** Read only these attributes. */
  attributes?: string[];
  /** Newest (highest sort key) first. */
  descending?: boolean;
}

export interface PageRequest {
  limit?: number;
  cursor?: string;
}

const KEY_ATTRS = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'entity', 'tenant', 'expiresAt']);

export function stripKeys<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRS.has(k)) out[k] = v;
  return out as T;
}

const isConditionFailure = (e: unknown) =>
  (e as { name?: string } | null)?.name === 'ConditionalCheckFailedException';

export interface NotFoundWords {
  zh: string;
  en: string;
}

export class Store {
  constructor(
    readonly doc: DynamoDoc,
    readonly tableName: string,
    readonly cursors: CursorCodec,
  ) {}

  async get<T>(key: Key): Promise<T | undefined> {
    const r = await this.doc.get({ TableName: this.tableName, Key: key, ConsistentRead: true });
    return r.Item ? stripKeys<T>(r.Item) : undefined;
  }

  async getOr404<T>(key: Key, what: NotFoundWords): Promise<T> {
    const v = await this.get<T>(key);
    if (!v) throw errors.notFound(what.zh, what.en);
    return v;
  }

  /** Creates an item; 409 `already_exists` if the key is taken. */
  async create(
    key: Key,
    index: IndexKey | undefined,
    attrs: Record<string, unknown>,
    what: NotFoundWords,
  ): Promise<void> {
    try {
      await this.doc.put({
        TableName: this.tableName,
        Item: { ...attrs, ...index, ...key },
        ConditionExpression: 'attribute_not_exists(pk)',
      });
    } catch (e) {
      if (isConditionFailure(e)) throw errors.alreadyExists(what.zh, what.en);
      throw e;
    }
  }

  /**
   * Sets `changes` on the item if its version is `expectedVersion`; bumps the version.
   * `index` replaces the GSI keys when given. Returns the new item.
   */
  async update<T>(
    key: Key,
    expectedVersion: number,
    changes: Record<string, unknown>,
    what: NotFoundWords,
    index?: IndexKey,
  ): Promise<T> {
    const sets: string[] = [];
    const removes: string[] = [];
    const names: Record<string, string> = { '#version': 'version' };
    const values: Record<string, unknown> = { ':expected': expectedVersion, ':next': expectedVersion + 1 };
    let i = 0;
    for (const [k, v] of Object.entries({ ...changes, ...index })) {
      if (k === 'version' || k === 'pk' || k === 'sk') continue;
      if (v === undefined) continue;
      const n = `#a${i}`;
      names[n] = k;
      if (v === null) removes.push(n);
      else {
        values[`:v${i}`] = v;
        sets.push(`${n} = :v${i}`);
      }
      i++;
    }
    sets.push('#version = :next');
    const expr = `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`;
    try {
      const r = await this.doc.update({
        TableName: this.tableName,
        Key: key,
        UpdateExpression: expr,
        ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      });
      return stripKeys<T>(r.Attributes ?? {});
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      const current = await this.get<{ version: number }>(key);
      if (!current) throw errors.notFound(what.zh, what.en);
      throw errors.versionConflict(current.version);
    }
  }

  async remove(key: Key, expectedVersion: number, what: NotFoundWords): Promise<void> {
    try {
      await this.doc.delete({
        TableName: this.tableName,
        Key: key,
        ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': expectedVersion },
      });
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      const current = await this.get<{ version: number }>(key);
      if (!current) throw errors.notFound(what.zh, what.en);
      throw errors.versionConflict(current.version);
    }
  }

  /**
   * One page of items whose partition is `pk` and sort key starts with `skPrefix`, on the table or
   * on gsi1. The cursor is bound to `scope` (tenant + list) and rejected anywhere else.
   */
  async page<T>(q: Query, scope: string, req: PageRequest): Promise<Page<T>> {
    return this.query(q, scope, req.cursor, Math.min(Math.max(req.limit ?? 50, 1), 200));
  }

  /** One query: up to `limit` items, or (undefined) as many as fit DynamoDB's 1 MB page. */
  private async query<T>(q: Query, scope: string, cursor: string | undefined, limit: number | undefined) {
    const onIndex = q.index === 'gsi1';
    const names: Record<string, string> = onIndex
      ? { '#p': 'gsi1pk', '#s': 'gsi1sk' }
      : { '#p': 'pk', '#s': 'sk' };
    // A projection reads only the named attributes (plus the keys, which paging needs).
    const projection = q.attributes?.map((a, i) => {
      names[`#x${i}`] = a;
      return `#x${i}`;
    });
    if (projection) projection.push('#p', '#s', ...(onIndex ? ['pk', 'sk'] : []));
    const r = await this.doc.query({
      TableName: this.tableName,
      IndexName: onIndex ? TABLE.gsi1.name : undefined,
      KeyConditionExpression: '#p = :p AND begins_with(#s, :s)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':p': q.pk, ':s': q.skPrefix },
      ProjectionExpression: projection?.join(', '),
      ScanIndexForward: q.descending ? false : undefined,
      Limit: limit,
      ExclusiveStartKey: this.cursors.decode(scope, cursor),
      ConsistentRead: onIndex ? undefined : true,
    });
    const items = (r.Items ?? []).map((i) => stripKeys<T>(i));
    const nextCursor = this.cursors.encode(scope, r.LastEvaluatedKey);
    return { items, ...(nextCursor ? { nextCursor } : {}) };
  }

  /**
   * Every item of a query, following pages. Each request reads a full 1 MB page (the fewest
   * requests the data allows: the year-end batch reads a cycle's tens of thousands of records).
   */
  async all<T>(q: Query, scope: string): Promise<T[]> {
    const out: T[] = [];
    let cursor: string | undefined;
    do {
      const p: Page<T> = await this.query<T>(q, scope, cursor, undefined);
      out.push(...p.items);
      cursor = p.nextCursor;
    } while (cursor);
    return out;
  }
}
