import { createHash, randomBytes } from 'node:crypto';
import { ID_ALPHABET, ID_KINDS, type IdKind } from '@jixiao/core';

/** The one way records get ids (see `ID_KINDS` in core). */
export function newId(kind: IdKind): string {
  const { prefix, length } = ID_KINDS[kind];
  return prefix + Array.from(randomBytes(length), (b) => ID_ALPHABET[b % 32]).join('');
}

/**
 * An id that is the same for the same `seed` (e.g. a client's Idempotency-Key with its tenant and
 * user): a write that must be resumed after a partial failure lands on the same records again.
 */
export function idFrom(kind: IdKind, seed: string): string {
  const { prefix, length } = ID_KINDS[kind];
  const digest = createHash('sha256').update(`${kind}\n${seed}`).digest();
  return prefix + Array.from(digest.subarray(0, length), (b) => ID_ALPHABET[b % 32]).join('');
}
