import { createHash } from 'node:crypto';
import type { RunObject } from '@jixiao/core';
import type { BlobStore } from '@jixiao/data';
import { runIncomplete } from './step-errors';

/**
 * A run's JSON objects in S3: written with their size and SHA-256, read back parsed. Objects are
 * immutable once a step is done (a step that runs again writes the same bytes), so what a process
 * has parsed is kept by key and digest: a batch of 25 units does not re-read megabytes of snapshot.
 */

/** The bucket operations the steps use (the data layer's BlobStore; tests give a stand-in). */
export type ObjectStore = Pick<BlobStore, 'bucket' | 'put' | 'get' | 'head' | 'list'>;

const JSON_TYPE = 'application/json; charset=utf-8';

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Writes `text` at `path` under the tenant; answers what was written. */
export async function putJson(
  blobs: ObjectStore,
  tenant: string,
  path: string[],
  text: string,
): Promise<RunObject> {
  const bytes = new TextEncoder().encode(text);
  await blobs.put(tenant, path, bytes, JSON_TYPE);
  return { key: path.join('/'), bytes: bytes.length, sha256: sha256Of(bytes) };
}

/** Reads and parses `path`; a missing object is a run that lost its inputs (never retried). */
export async function getJson<T>(blobs: ObjectStore, tenant: string, path: string[]): Promise<T> {
  const bytes = await blobs.get(tenant, path);
  if (!bytes)
    throw runIncomplete(
      `计算批次缺少对象 ${path.at(-1)}，需重新计算。`,
      `The run's object ${path.at(-1)} is missing; start a new run.`,
    );
  return JSON.parse(new TextDecoder().decode(bytes)) as T;
}

/**
 * Parsed immutable objects by bucket, key and (when known) digest; a few at most (they can be
 * large). The promise is kept, so batches scored at once in one process read an object once.
 */
export class ObjectCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(private readonly size = 6) {}

  get<T>(id: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(id);
    if (hit) {
      // Most recently used last, so the oldest goes first.
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit as Promise<T>;
    }
    const loading = load();
    this.entries.set(id, loading);
    // A failed read is not kept: the retry reads again.
    loading.catch(() => {
      if (this.entries.get(id) === loading) this.entries.delete(id);
    });
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return loading;
  }
}
