import { errors, type Identity, ROLES } from '@jixiao/core';
import { type JWTVerifyGetKey, errors as jose, jwtVerify } from 'jose';
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

/**
 * Clocks may differ by this much between the issuer and us: a token issued up to 60 s "in the
 * future" is accepted, and one is still accepted up to 60 s after its `exp`.
 */
export const TOKEN_CLOCK_SKEW_SECONDS = 60;

/**
 * No token is accepted longer than this after its `iat`, whatever its `exp` says: the longest
 * lifetime our issuers give (8 h from the embedded issuer; Cognito's are 1 h), so a misconfigured
 * issuer cannot mint tokens that outlive a working day.
 */
export const TOKEN_MAX_AGE_SECONDS = 8 * 3600;

/** Time claims whose failure is reported as such (others, like `iss`, stay plain `unauthenticated`). */
const TIME_CLAIMS = new Set(['exp', 'iat', 'nbf']);

const claimsSchema = z.object({
  sub: z.string().min(1).max(128),
  // Cognito's account name: `username` in access tokens, `cognito:username` in ID tokens.
  username: z.string().min(1).max(128).optional(),
  'cognito:username': z.string().min(1).max(128).optional(),
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
  // Required by jwtVerify (`maxTokenAge`); read for the session guard.
  iat: z.number(),
});

export interface VerifierOptions {
  jwks: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  /** The verifier's clock (tests); real time otherwise, since tokens are signed in real time. */
  now?: () => Date;
}

/** Which 401 a failed verification is: only a trusted signature earns the specific codes. */
function rejection(e: unknown) {
  if (e instanceof jose.JWTExpired) return errors.tokenExpired();
  if (e instanceof jose.JWTClaimValidationFailed && TIME_CLAIMS.has(e.claim)) return errors.tokenInvalid();
  return errors.unauthenticated();
}

export function createTokenVerifier(opts: VerifierOptions): TokenVerifier {
  return async (token) => {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, opts.jwks, {
        issuer: opts.issuer,
        algorithms: ['RS256'],
        // `maxTokenAge` makes `iat` required as well; jose checks claims only after the signature.
        requiredClaims: ['exp'],
        maxTokenAge: TOKEN_MAX_AGE_SECONDS,
        clockTolerance: TOKEN_CLOCK_SKEW_SECONDS,
        ...(opts.now ? { currentDate: opts.now() } : {}),
      }));
    } catch (e) {
      throw rejection(e);
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
    const username = c.username ?? c['cognito:username'];
    if (username) identity.username = username;
    if (c.tenant) identity.tenant = c.tenant;
    if (c.unit) identity.unit = c.unit;
    if (c.province) identity.province = c.province;
    return { ...identity, issuedAt: c.iat };
  };
}
