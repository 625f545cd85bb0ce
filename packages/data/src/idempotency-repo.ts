import { errors } from '@jixiao/core';
import { keys } from './keys';
import type { Store } from './store';

/**
 * Idempotency-Key records: the first request claims the key with a conditional put, runs, and
 * stores its response; a retry with the same key and body gets the stored response; a different
 * body is refused. Records expire after 24 hours (DynamoDB TTL, also checked on read).
 */
export type Claim = { kind: 'claimed' } | { kind: 'replay'; body: unknown };

const TTL_SECONDS = 24 * 3600;

export class IdempotencyRepo {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  async claim(tenant: string, scope: string, key: string, requestHash: string): Promise<Claim> {
    const nowS = Math.floor(this.now().getTime() / 1000);
    const k = keys.idempotency(tenant, scope, key);
    try {
      await this.store.doc.put({
        TableName: this.store.tableName,
        Item: { ...k, tenant, state: 'pending', hash: requestHash, expiresAt: nowS + TTL_SECONDS },
        ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
        ExpressionAttributeValues: { ':now': nowS },
      });
      return { kind: 'claimed' };
    } catch (e) {
      if ((e as { name?: string }).name !== 'ConditionalCheckFailedException') throw e;
    }
    const existing = await this.store.get<{ state: string; hash: string; body?: string }>(k);
    if (!existing) return this.claim(tenant, scope, key, requestHash);
    if (existing.hash !== requestHash) throw errors.idempotencyMismatch();
    if (existing.state !== 'done' || existing.body === undefined) throw errors.idempotencyInProgress();
    return { kind: 'replay', body: JSON.parse(existing.body) };
  }

  async complete(tenant: string, scope: string, key: string, body: unknown): Promise<void> {
    await this.store.doc.update({
      TableName: this.store.tableName,
      Key: keys.idempotency(tenant, scope, key),
      UpdateExpression: 'SET #state = :done, #body = :body',
      ExpressionAttributeNames: { '#state': 'state', '#body': 'body' },
      ExpressionAttributeValues: { ':done': 'done', ':body': JSON.stringify(body) },
    });
  }

  /** Releases a claim whose request failed, so the client may retry with the same key. */
  async release(tenant: string, scope: string, key: string): Promise<void> {
    await this.store.doc.delete({
      TableName: this.store.tableName,
      Key: keys.idempotency(tenant, scope, key),
    });
  }
}
