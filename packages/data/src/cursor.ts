import { createHmac, timingSafeEqual } from 'node:crypto';
import { errors } from '@jixiao/core';

/**
 * Opaque paging cursors. The DynamoDB LastEvaluatedKey is wrapped with the scope it was issued for
 * (tenant + list) and signed, so a cursor cannot be forged, edited, or replayed by another tenant
 * or against another list.
 */
export interface CursorCodec {
  encode(scope: string, key: Record<string, unknown> | undefined): string | undefined;
  decode(scope: string, cursor: string | undefined): Record<string, unknown> | undefined;
}

export function createCursorCodec(secret: string): CursorCodec {
  if (secret.length < 16) throw new Error('cursor secret must be at least 16 characters');
  const sign = (body: string) => createHmac('sha256', secret).update(body).digest('base64url');
  return {
    encode(scope, key) {
      if (!key) return undefined;
      const body = Buffer.from(JSON.stringify({ s: scope, k: key }), 'utf8').toString('base64url');
      return `${body}.${sign(body)}`;
    },
    decode(scope, cursor) {
      if (cursor === undefined || cursor === '') return undefined;
      const [body, mac, extra] = cursor.split('.');
      if (!body || !mac || extra !== undefined) throw errors.invalidCursor();
      const expected = Buffer.from(sign(body));
      const given = Buffer.from(mac);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw errors.invalidCursor();
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      } catch {
        throw errors.invalidCursor();
      }
      const p = parsed as { s?: unknown; k?: unknown };
      if (p.s !== scope || typeof p.k !== 'object' || p.k === null) throw errors.invalidCursor();
      return p.k as Record<string, unknown>;
    },
  };
}
