import { randomBytes } from 'node:crypto';
import { ID_ALPHABET, ID_KINDS, type IdKind } from '@jixiao/core';

/** The one way records get ids (see `ID_KINDS` in core). */
export function newId(kind: IdKind): string {
  const { prefix, length } = ID_KINDS[kind];
  return prefix + Array.from(randomBytes(length), (b) => ID_ALPHABET[b % 32]).join('');
}
