/**
 * Where the stack is deployed and who signs users in, from CDK context (`cdk synth -c key=value`):
 *
 * - global (default): Cognito user pool, X-Ray tracing;
 * - `-c partition=aws-cn`: the China regions (Beijing cn-north-1, Ningxia cn-northwest-1), where
 *   Cognito user pools are not offered and Lambda has no X-Ray integration, so sign-in is an
 *   external OIDC issuer (a province's 统一身份认证 platform or a self-hosted one) and nothing traces;
 * - `-c oidcIssuer=…` (with the other `oidc*` keys) selects an external issuer in either partition.
 *
 * Every construct reads the same profile from the context it inherits from the app.
 */
import type { Node } from 'constructs';
import { z } from 'zod';

const httpsUrl = z.url({ protocol: /^https$/ });

const contextSchema = z
  .object({
    partition: z.enum(['aws', 'aws-cn']).default('aws'),
    /** Issuer (`iss`) of the external OIDC provider's access tokens. */
    oidcIssuer: httpsUrl.optional(),
    /** The audience (`aud` or `client_id`) our tokens carry: the console's client id at the issuer. */
    oidcAudience: z.string().min(1).optional(),
    /** The issuer's signing keys (`jwks_uri` of its discovery document). */
    oidcJwksUrl: httpsUrl.optional(),
    /** The issuer's authorization and token endpoints (discovery: `authorization_endpoint`, `token_endpoint`). */
    oidcAuthorizeUrl: httpsUrl.optional(),
    oidcTokenUrl: httpsUrl.optional(),
    /** Its logout page (discovery: `end_session_endpoint`), if it has one: the console sends the browser there on sign-out. */
    oidcLogoutUrl: httpsUrl.optional(),
  })
  .superRefine((c, ctx) => {
    const external = [c.oidcIssuer, c.oidcAudience, c.oidcJwksUrl, c.oidcAuthorizeUrl, c.oidcTokenUrl];
    if (c.partition === 'aws-cn' && !c.oidcIssuer)
      ctx.addIssue({
        code: 'custom',
        path: ['oidcIssuer'],
        message: 'aws-cn has no Cognito user pools: give an external OIDC issuer (-c oidcIssuer=https://…)',
      });
    if (external.some(Boolean) && !external.every(Boolean))
      ctx.addIssue({
        code: 'custom',
        path: ['oidcIssuer'],
        message:
          'an external issuer needs all of oidcIssuer, oidcAudience, oidcJwksUrl, oidcAuthorizeUrl, oidcTokenUrl',
      });
  });

/** The external OpenID Connect provider that replaces Cognito. */
export interface ExternalIssuer {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
  readonly logoutUrl?: string;
}

export interface DeploymentProfile {
  readonly partition: 'aws' | 'aws-cn';
  /** Undefined: the stack's own Cognito user pool signs users in. */
  readonly externalIssuer?: ExternalIssuer;
  /** X-Ray on functions and the state machine; Lambda has no X-Ray integration in the China regions. */
  readonly tracing: boolean;
}

/** The profile of the app `node` belongs to; throws on inconsistent context. */
export function deploymentProfile(node: Node): DeploymentProfile {
  const keys = [
    'partition',
    'oidcIssuer',
    'oidcAudience',
    'oidcJwksUrl',
    'oidcAuthorizeUrl',
    'oidcTokenUrl',
    'oidcLogoutUrl',
  ];
  const raw = Object.fromEntries(keys.map((k) => [k, node.tryGetContext(k)]));
  const r = contextSchema.safeParse(raw);
  if (!r.success)
    throw new Error(
      `invalid deployment context:\n${r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  const c = r.data;
  return {
    partition: c.partition,
    tracing: c.partition === 'aws',
    ...(c.oidcIssuer && c.oidcAudience && c.oidcJwksUrl && c.oidcAuthorizeUrl && c.oidcTokenUrl
      ? {
          externalIssuer: {
            issuer: c.oidcIssuer,
            audience: c.oidcAudience,
            jwksUrl: c.oidcJwksUrl,
            authorizeUrl: c.oidcAuthorizeUrl,
            tokenUrl: c.oidcTokenUrl,
            ...(c.oidcLogoutUrl ? { logoutUrl: c.oidcLogoutUrl } : {}),
          },
        }
      : {}),
  };
}
