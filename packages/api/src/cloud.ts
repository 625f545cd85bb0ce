import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createCognitoDirectory, createDataLayer } from '@jixiao/data';
import { createRemoteJWKSet } from 'jose';
import { createApp } from './app';
import { createTokenVerifier } from './auth/token-verifier';
import { loadConfig } from './config';
import { jsonLogger } from './deps';

/** The app as deployed on Lambda: config from the environment, secrets from Secrets Manager. */
export async function buildCloudApp(env: Record<string, string | undefined>) {
  const cfg = loadConfig(env);
  const cursorSecret =
    cfg.CURSOR_SECRET ??
    (
      await new SecretsManagerClient({ region: cfg.AWS_REGION }).send(
        new GetSecretValueCommand({ SecretId: cfg.CURSOR_SECRET_ARN }),
      )
    ).SecretString;
  if (!cursorSecret) throw new Error('cursor secret is empty');
  if (!cfg.USER_POOL_ID) throw new Error('USER_POOL_ID is required in the cloud');
  return createApp({
    data: createDataLayer({
      region: cfg.AWS_REGION,
      tableName: cfg.TABLE_NAME,
      bucketName: cfg.BUCKET_NAME,
      cursorSecret,
    }),
    directory: createCognitoDirectory(
      new CognitoIdentityProviderClient({ region: cfg.AWS_REGION }),
      cfg.USER_POOL_ID!,
    ),
    verifyToken: createTokenVerifier({
      jwks: createRemoteJWKSet(new URL(cfg.JWKS_URL)),
      issuer: cfg.TOKEN_ISSUER,
      audience: cfg.TOKEN_AUDIENCE,
    }),
    now: () => new Date(),
    log: jsonLogger,
    oidc: cfg.oidc,
    maxBodyBytes: cfg.MAX_BODY_BYTES,
    version: cfg.APP_VERSION,
  });
}
