import {
  callersOnlyDirectory,
  createDataLayer,
  type DataClients,
  type DataConfig,
  dataSessions,
  dynamoClientConfig,
  lazyCognitoDirectory,
  s3ClientConfig,
  tableBackedDirectory,
} from '@jixiao/data';
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { createTokenVerifier } from './auth/token-verifier';
import { loadConfig } from './config';
import { type AppDeps, jsonLogger } from './deps';
import { cloudLauncher } from './evaluation/launcher-cloud';
import type { Observability } from './observability/lambda';

/**
 * The app's dependencies as deployed on Lambda: config from the environment, secrets from Secrets
 * Manager. Every function builds the same deps and serves its own resources with `createApp`.
 * What only some requests need is made on first use, so a cold start loads none of it: the S3
 * client (in the data layer), the Cognito client (user writes only), the JWKS client and the Step
 * Functions client (starting a run; only functions given STATE_MACHINE_ARN can).
 */
export async function buildCloudDeps(
  env: Record<string, string | undefined>,
  observed?: Pick<Observability, 'log' | 'requests' | 'captureClient'>,
): Promise<AppDeps> {
  const cfg = loadConfig(env);
  const cursorSecret = cfg.CURSOR_SECRET ?? (await readSecret(cfg.AWS_REGION, cfg.CURSOR_SECRET_ARN));
  if (!cursorSecret) throw new Error('cursor secret is empty');
  let jwks: JWTVerifyGetKey | undefined;
  return {
    data: (() => {
      const dataCfg = {
        region: cfg.AWS_REGION,
        tableName: cfg.TABLE_NAME,
        bucketName: cfg.BUCKET_NAME,
        cursorSecret,
      };
      return observed
        ? createDataLayer(dataCfg, undefined, capturedClients(dataCfg, observed.captureClient))
        : createDataLayer(dataCfg);
    })(),
    // With an external OIDC issuer (EXTERNAL_ACCOUNTS: the China regions) the accounts live at the
    // issuer, which signs the record's id as `sub` like the embedded issuer: nothing to mirror.
    directory: cfg.USER_POOL_ID
      ? lazyCognitoDirectory(cfg.AWS_REGION, cfg.USER_POOL_ID)
      : cfg.EXTERNAL_ACCOUNTS
        ? tableBackedDirectory
        : // A function without USER_POOL_ID has no Cognito permissions: writing a user there is a
          // routing mistake and says so. It still names callers' records: Cognito's hosted sign-in
          // (AUTH_BASE_URL) signs tokens whose `username` is the record's id, an external issuer `sub`.
          callersOnlyDirectory(cfg.AUTH_BASE_URL ? 'cognito' : 'external'),
    verifyToken: createTokenVerifier({
      // Made on the first token (it touches fetch, which Node loads lazily); keys are fetched then too.
      jwks: (header, token) => {
        jwks ??= createRemoteJWKSet(new URL(cfg.JWKS_URL));
        return jwks(header, token);
      },
      issuer: cfg.TOKEN_ISSUER,
      audience: cfg.TOKEN_AUDIENCE,
    }),
    now: () => new Date(),
    // The cloud functions log through Powertools (observability/), with per-request metrics.
    log: observed?.log ?? jsonLogger,
    ...(observed ? { metrics: observed.requests } : {}),
    oidc: cfg.oidc,
    maxBodyBytes: cfg.MAX_BODY_BYTES,
    // API Gateway serves HTTPS only, in both partitions.
    hsts: true,
    version: cfg.APP_VERSION,
    evidence: { objectLock: cfg.EVIDENCE_OBJECT_LOCK },
    // Handlers reach data through their tenant's (province's, the platform's) role: see tenantScope.
    ...(cfg.TENANT_DATA_ROLE_ARN && cfg.PROVINCE_DATA_ROLE_ARN && cfg.PLATFORM_DATA_ROLE_ARN
      ? {
          dataFor: dataSessions({
            cfg: {
              region: cfg.AWS_REGION,
              tableName: cfg.TABLE_NAME,
              bucketName: cfg.BUCKET_NAME,
              cursorSecret,
            },
            roles: {
              tenant: cfg.TENANT_DATA_ROLE_ARN,
              province: cfg.PROVINCE_DATA_ROLE_ARN,
              platform: cfg.PLATFORM_DATA_ROLE_ARN,
            },
            ...(observed ? { capture: observed.captureClient } : {}),
          }).forScope,
        }
      : {}),
    ...(cfg.STATE_MACHINE_ARN
      ? { evaluation: cloudLauncher({ region: cfg.AWS_REGION, stateMachineArn: cfg.STATE_MACHINE_ARN }) }
      : {}),
  };
}

/**
 * The data layer's SDK clients as `createDataLayer` makes them (each on first use), passed through
 * `capture` so that, where X-Ray is, every DynamoDB and S3 call is a traced subsegment.
 */
const capturedClients = (cfg: DataConfig, capture: <T>(client: T) => T): DataClients => ({
  dynamo: () =>
    import('@aws-sdk/client-dynamodb').then(({ DynamoDBClient }) =>
      capture(new DynamoDBClient(dynamoClientConfig(cfg))),
    ),
  s3: () => import('@aws-sdk/client-s3').then(({ S3Client }) => capture(new S3Client(s3ClientConfig(cfg)))),
});

/** The cursor secret from Secrets Manager (once per cold start; its SDK is loaded only for this). */
async function readSecret(region: string, secretArn: string | undefined): Promise<string | undefined> {
  const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  const r = await new SecretsManagerClient({ region }).send(
    new GetSecretValueCommand({ SecretId: secretArn }),
  );
  return r.SecretString;
}
