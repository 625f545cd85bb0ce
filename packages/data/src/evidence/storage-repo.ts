import { DEFAULT_EVIDENCE_SETTINGS, EVIDENCE_PLATFORM, type EvidenceSettings, errors } from '@jixiao/core';
import { keys } from '../keys';
import type { Store } from '../store';

/**
 * A tenant's storage: bytes and files of confirmed evidence, its quota and its evidence settings,
 * in one small item (`keys.storage`). The counters move by `ADD`, so concurrent confirmations never
 * lose an update; settings and quota bump `version` (the counters do not, so an office editing its
 * settings is not refused because a unit filed a file meanwhile).
 *
 * Exactly-once counting without transactions: the `ADD` of an upload's bytes also adds the upload's
 * id to the item's `inflight` set, on condition that it is not there yet; the upload is then marked
 * counted, and the id removed from the set. A retry after a crash at any point either finds the id
 * in the set (counted already: skip) or the upload marked (done). The set holds only uploads
 * between those two writes, so it stays tiny.
 */
export interface StorageState {
  usedBytes: number;
  files: number;
  quotaBytes: number;
  settings: EvidenceSettings;
  version: number;
}

interface StorageItem {
  usedBytes?: number;
  files?: number;
  quotaBytes?: number;
  settings?: EvidenceSettings;
  version?: number;
}

const isConditionFailure = (e: unknown) =>
  (e as { name?: string } | null)?.name === 'ConditionalCheckFailedException';

export class StorageRepo {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  async get(t: string): Promise<StorageState> {
    const item = await this.store.get<StorageItem>(keys.storage(t));
    return {
      usedBytes: Math.max(0, item?.usedBytes ?? 0),
      files: Math.max(0, item?.files ?? 0),
      quotaBytes: item?.quotaBytes ?? EVIDENCE_PLATFORM.defaultQuotaBytes,
      settings: item?.settings ?? DEFAULT_EVIDENCE_SETTINGS,
      version: item?.version ?? 0,
    };
  }

  /** Adds an upload's bytes once; false when this upload was counted already (a retry). */
  async count(t: string, upload: string, bytes: number): Promise<boolean> {
    try {
      await this.store.doc.update({
        TableName: this.store.tableName,
        Key: keys.storage(t),
        UpdateExpression:
          'ADD usedBytes :b, files :one, inflight :u SET #version = if_not_exists(#version, :zero), entity = :e, tenant = :t',
        ConditionExpression: 'attribute_not_exists(inflight) OR NOT contains(inflight, :id)',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: {
          ':b': bytes,
          ':one': 1,
          ':u': new Set([upload]),
          ':id': upload,
          ':zero': 0,
          ':e': 'storage',
          ':t': t,
        },
      });
      return true;
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
  }

  /** Forgets an upload once it is marked counted (idempotent). */
  async settle(t: string, upload: string): Promise<void> {
    await this.store.doc
      .update({
        TableName: this.store.tableName,
        Key: keys.storage(t),
        UpdateExpression: 'DELETE inflight :u',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':u': new Set([upload]) },
      })
      .catch((e) => {
        if (!isConditionFailure(e)) throw e;
      });
  }

  /**
   * Saves the office's settings. Without `expectedVersion` only the first time (nothing saved yet);
   * after that the version read must be sent (409 `version_conflict` otherwise).
   */
  async putSettings(t: string, settings: EvidenceSettings, expectedVersion = 0): Promise<StorageState> {
    await this.versioned(t, expectedVersion, 'settings', settings);
    return this.get(t);
  }

  /** Sets the quota (the platform operator's decision: last write wins). */
  async putQuota(t: string, quotaBytes: number): Promise<StorageState> {
    await this.store.doc.update({
      TableName: this.store.tableName,
      Key: keys.storage(t),
      UpdateExpression:
        'SET quotaBytes = :q, #version = if_not_exists(#version, :zero) + :one, updatedAt = :at, entity = :e, tenant = :t',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: {
        ':q': quotaBytes,
        ':zero': 0,
        ':one': 1,
        ':at': this.now().toISOString(),
        ':e': 'storage',
        ':t': t,
      },
    });
    return this.get(t);
  }

  private async versioned(t: string, expected: number, field: string, value: unknown): Promise<void> {
    try {
      await this.store.doc.update({
        TableName: this.store.tableName,
        Key: keys.storage(t),
        UpdateExpression:
          'SET #f = :v, #version = if_not_exists(#version, :zero) + :one, updatedAt = :at, entity = :e, tenant = :t',
        ConditionExpression: 'attribute_not_exists(#version) OR #version = :expected',
        ExpressionAttributeNames: { '#version': 'version', '#f': field },
        ExpressionAttributeValues: {
          ':v': value,
          ':zero': 0,
          ':one': 1,
          ':expected': expected,
          ':at': this.now().toISOString(),
          ':e': 'storage',
          ':t': t,
        },
      });
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      throw errors.versionConflict((await this.get(t)).version);
    }
  }
}
