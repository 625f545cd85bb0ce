import { keys } from './keys';
import type { Store } from './store';

/**
 * Per user, the epoch second from which their tokens count (`iat >= validFrom`). Revoking moves
 * it forward, never back, so two revocations racing keep the later one. `owner` is the tenant, or
 * `PLATFORM_SCOPE` for platform users.
 */
export class RevocationsRepo {
  constructor(private readonly store: Store) {}

  /** Undefined: the user's sessions were never revoked. */
  async validFrom(owner: string, userId: string): Promise<number | undefined> {
    const item = await this.store.get<{ validFrom: number }>(keys.revocation(owner, userId));
    return item?.validFrom;
  }

  async revoke(owner: string, userId: string, validFrom: number): Promise<void> {
    try {
      await this.store.doc.update({
        TableName: this.store.tableName,
        Key: keys.revocation(owner, userId),
        UpdateExpression: 'SET validFrom = :v, entity = :e',
        ConditionExpression: 'attribute_not_exists(validFrom) OR validFrom < :v',
        ExpressionAttributeValues: { ':v': validFrom, ':e': 'revocation' },
      });
    } catch (e) {
      // Already revoked from this instant or later: nothing to move.
      if ((e as { name?: string }).name !== 'ConditionalCheckFailedException') throw e;
    }
  }
}
