import { z } from 'zod';
import type { IssuerLogout } from './deps';

/**
 * The one config loader: every deployment (Lambda, embedded stack, tests) describes itself with
 * environment variables, validated here once at start-up.
 */
const schema = z
  .object({
    AWS_REGION: z.string().default('cn-north-1'),
    TABLE_NAME: z.string().min(3),
    BUCKET_NAME: z.string().min(3),
    DYNAMODB_ENDPOINT: z.url().optional(),
    S3_ENDPOINT: z.url().optional(),
    TOKEN_ISSUER: z.url(),
    TOKEN_AUDIENCE: z.string().min(1),
    /** Defaults to the issuer's well-known JWKS. */
    JWKS_URL: z.url().optional(),
    /** Cognito user pool whose accounts mirror tenant users (cloud only). */
    USER_POOL_ID: z
      .string()
      .regex(/^[\w-]+_[0-9a-zA-Z]+$/)
      .optional(),
    CURSOR_SECRET: z.string().min(16).optional(),
    CURSOR_SECRET_ARN: z.string().startsWith('arn:').optional(),
    /** Base URL of the OIDC hosted sign-in (Cognito domain); `/oauth2/authorize` and `/oauth2/token` hang off it. */
    AUTH_BASE_URL: z.url().optional(),
    /** An external issuer's endpoints (its discovery document's), in place of AUTH_BASE_URL. */
    OIDC_AUTHORIZE_URL: z.url().optional(),
    OIDC_TOKEN_URL: z.url().optional(),
    /** The external issuer's logout page (discovery: `end_session_endpoint`), if it has one. */
    OIDC_LOGOUT_URL: z.url().optional(),
    /** The external issuer holds the sign-in accounts: user writes have nothing to mirror. */
    EXTERNAL_ACCOUNTS: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(6_000_000)
      .default(256 * 1024),
    APP_VERSION: z.string().default('dev'),
    /** The year-end state machine (functions that start runs); without it runs cannot start. */
    STATE_MACHINE_ARN: z.string().startsWith('arn:').optional(),
    /** The data roles (infra/data/data-roles.ts): data is reached per tenant, province or platform session. */
    TENANT_DATA_ROLE_ARN: z.string().startsWith('arn:').optional(),
    PROVINCE_DATA_ROLE_ARN: z.string().startsWith('arn:').optional(),
    PLATFORM_DATA_ROLE_ARN: z.string().startsWith('arn:').optional(),
    /** The evidence bucket has S3 Object Lock: locked evidence gets COMPLIANCE retention. */
    EVIDENCE_OBJECT_LOCK: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
  })
  .refine((e) => e.CURSOR_SECRET || e.CURSOR_SECRET_ARN, {
    message: 'CURSOR_SECRET or CURSOR_SECRET_ARN is required',
    path: ['CURSOR_SECRET'],
  })
  .refine(
    (e) =>
      new Set([e.TENANT_DATA_ROLE_ARN, e.PROVINCE_DATA_ROLE_ARN, e.PLATFORM_DATA_ROLE_ARN].map((a) => !a))
        .size === 1,
    {
      message: 'TENANT_DATA_ROLE_ARN, PROVINCE_DATA_ROLE_ARN and PLATFORM_DATA_ROLE_ARN go together',
      path: ['TENANT_DATA_ROLE_ARN'],
    },
  )
  .refine((e) => e.AUTH_BASE_URL || (e.OIDC_AUTHORIZE_URL && e.OIDC_TOKEN_URL), {
    message: 'AUTH_BASE_URL, or OIDC_AUTHORIZE_URL and OIDC_TOKEN_URL, is required',
    path: ['AUTH_BASE_URL'],
  });

export type Config = z.infer<typeof schema> & {
  JWKS_URL: string;
  oidc: { authorizeUrl: string; tokenUrl: string; clientId: string; logout?: IssuerLogout };
};

/** Cognito's hosted UI has its logout page beside the others; an external issuer's is configured. */
function issuerLogout(
  auth: string | undefined,
  oidcLogoutUrl: string | undefined,
): { logout?: IssuerLogout } {
  if (auth) return { logout: { url: `${auth}/logout`, returnParam: 'logout_uri' } };
  if (oidcLogoutUrl) return { logout: { url: oidcLogoutUrl, returnParam: 'post_logout_redirect_uri' } };
  return {};
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const r = schema.safeParse(env);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`invalid configuration:\n${lines}`);
  }
  const auth = r.data.AUTH_BASE_URL?.replace(/\/$/, '');
  return {
    ...r.data,
    JWKS_URL: r.data.JWKS_URL ?? `${r.data.TOKEN_ISSUER.replace(/\/$/, '')}/.well-known/jwks.json`,
    oidc: {
      authorizeUrl: r.data.OIDC_AUTHORIZE_URL ?? `${auth}/oauth2/authorize`,
      tokenUrl: r.data.OIDC_TOKEN_URL ?? `${auth}/oauth2/token`,
      clientId: r.data.TOKEN_AUDIENCE,
      ...issuerLogout(auth, r.data.OIDC_LOGOUT_URL),
    },
  };
}
