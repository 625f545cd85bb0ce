import { z } from 'zod';

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
  .refine((e) => e.AUTH_BASE_URL || (e.OIDC_AUTHORIZE_URL && e.OIDC_TOKEN_URL), {
    message: 'AUTH_BASE_URL, or OIDC_AUTHORIZE_URL and OIDC_TOKEN_URL, is required',
    path: ['AUTH_BASE_URL'],
  });

export type Config = z.infer<typeof schema> & {
  JWKS_URL: string;
  oidc: { authorizeUrl: string; tokenUrl: string; clientId: string };
};

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
    },
  };
}
