import { keys } from '../keys';
import type { Store } from '../store';
import { TABLE } from '../table';

const isConditionFailure = (e: unknown) =>
  (e as { name?: string } | null)?.name === 'ConditionalCheckFailedException';

/**
 * Fixed-window counters for the public's rate limits (an open survey link per network per hour):
 * one conditional ADD per request, refused once the window holds `limit` hits, so concurrent
 * requests can never pass the limit together. Windows expire by TTL.
 */
export class RateLimiter {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  /**
   * Counts one hit in the current window of `seconds` for `scope`; false when the window already
   * holds `limit` hits. Also says when the window ends.
   */
  async hit(
    tenant: string,
    scope: string,
    limit: number,
    seconds: number,
  ): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
    const nowMs = this.now().getTime();
    const start = Math.floor(nowMs / (seconds * 1000)) * seconds;
    const retryAfterSeconds = Math.max(1, Math.ceil(start + seconds - nowMs / 1000));
    try {
      await this.store.doc.update({
        TableName: this.store.tableName,
        Key: keys.rateWindow(tenant, scope, String(start)),
        UpdateExpression: 'ADD #n :one SET #ttl = if_not_exists(#ttl, :ttl), #e = :entity, #t = :t',
        ConditionExpression: 'attribute_not_exists(#n) OR #n < :limit',
        ExpressionAttributeNames: {
          '#n': 'hits',
          '#ttl': TABLE.ttlAttribute,
          '#e': 'entity',
          '#t': 'tenant',
        },
        ExpressionAttributeValues: {
          ':one': 1,
          ':limit': limit,
          // Kept a window longer than it counts, then removed by TTL.
          ':ttl': start + 2 * seconds,
          ':entity': 'rate.window',
          ':t': tenant,
        },
      });
      return { allowed: true, retryAfterSeconds };
    } catch (e) {
      if (isConditionFailure(e)) return { allowed: false, retryAfterSeconds };
      throw e;
    }
  }
}
