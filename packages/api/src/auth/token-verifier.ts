import { errors, type Identity, ROLES } from '@jixiao/core';
import { type JWTVerifyGetKey, jwtVerify } from 'jose';
import { z } from 'zod';
import type { TokenVerifier } from '../deps';

/**
 * Verifies RS256 JWTs against a JWKS (Cognito's, or the embedded issuer's) and reads the product's
 * claims. The tenant comes from here only: never from a path, body or query.
 */
const roleList = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(/[\s,]+/).filter(Boolean)))
  .pipe(z.array(z.enum(ROLES)).min(1));

const claimsSchema = z.object({
  sub: z.string().min(1).max(128),
  name: z.string().max(100).optional(),
  tenant: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  roles: roleList,
  unit: z.string().max(32).optional(),
  province: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  aud: z.union([z.string(), z.array(z.string())]).optional(),
  client_id: z.string().optional(),
});

export interface VerifierOptions {
  jwks: JWTVerifyGetKey;
  issuer: string;
  audience: string;
}

export function createTokenVerifier(opts: VerifierOptions): TokenVerifier {
  return async (token) => {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, opts.jwks, { issuer: opts.issuer, algorithms: ['RS256'] }));
    } catch {
      throw errors.unauthenticated();
    }
    const parsed = claimsSchema.safeParse(payload);
    if (!parsed.success) throw errors.unauthenticated();
    const c = parsed.data;
    // Cognito access tokens carry client_id instead of aud.
    const auds = c.aud === undefined ? [] : Array.isArray(c.aud) ? c.aud : [c.aud];
    if (!auds.includes(opts.audience) && c.client_id !== opts.audience) throw errors.unauthenticated();
    const isOperator = c.roles.includes('platform_operator');
    // A tenant role without a tenant, or an operator token that also names a tenant, is malformed.
    if (isOperator ? c.tenant !== undefined : c.tenant === undefined) throw errors.unauthenticated();
    const identity: Identity = { sub: c.sub, name: c.name ?? c.sub, roles: c.roles };
    if (c.tenant) identity.tenant = c.tenant;
    if (c.unit) identity.unit = c.unit;
    if (c.province) identity.province = c.province;
    return identity;
  };
}
