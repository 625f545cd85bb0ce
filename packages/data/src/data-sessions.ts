import type { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import {
  createDataLayer,
  type DataConfig,
  type DataLayer,
  dynamoClientConfig,
  s3ClientConfig,
} from './clients';
import { assertTenant } from './keys';

/**
 * Data layers whose DynamoDB and S3 clients sign with credentials of a role assumed for one scope
 * (a tenant, a province, the platform), so IAM itself keeps a request inside its scope: the tenant
 * role allows only keys `T#<tenant>#…` (and the few cross-region items named in `infra/data/
 * data-roles.ts`) and objects under `tenants/<tenant>/`, from the session tags set here. A bug in
 * the app that builds another tenant's key gets AccessDenied instead of the data.
 */

/** Who a data layer works for. */
export type DataScope =
  | { kind: 'tenant'; tenant: string }
  | { kind: 'province'; province: string }
  | { kind: 'platform' };

/** The session tags the roles' trust requires and their policies read as `aws:PrincipalTag/…`. */
export const SESSION_TAG = {
  /** The tenant's code: its own keys and objects. */
  tenant: 'tenant',
  /** Its province (`XX0000`): the library it reads, the shared copies it writes there. */
  province: 'province',
  /** The city above it (`XXYY00`): where a county's shared copy goes. */
  city: 'city',
  /** A city's four leading digits (`XXYY`), only for a city: the inboxes of its counties. */
  counties: 'counties',
} as const;

export interface SessionTag {
  Key: string;
  Value: string;
}

/**
 * The tags of a scope's session. A tenant's province and city come from its code (GB/T 2260:
 * `XXYYZZ` lies in city `XXYY00` of province `XX0000`), the same divisions `province/context` finds.
 */
export function sessionTags(scope: DataScope): SessionTag[] {
  if (scope.kind === 'platform') return [];
  if (scope.kind === 'province') return [{ Key: SESSION_TAG.province, Value: assertTenant(scope.province) }];
  const t = assertTenant(scope.tenant);
  const isCity = t.endsWith('00') && !t.endsWith('0000');
  return [
    { Key: SESSION_TAG.tenant, Value: t },
    { Key: SESSION_TAG.province, Value: `${t.slice(0, 2)}0000` },
    { Key: SESSION_TAG.city, Value: `${t.slice(0, 4)}00` },
    ...(isCity ? [{ Key: SESSION_TAG.counties, Value: t.slice(0, 4) }] : []),
  ];
}

/** The roles a scope's session assumes (`infra/data/data-roles.ts`, given to functions by ARN). */
export interface DataRoleArns {
  tenant: string;
  province: string;
  platform: string;
}

export interface DataSessionsOptions {
  cfg: DataConfig;
  roles: DataRoleArns;
  /** STS, made on first use (tests pass a mocked one). */
  sts?: () => Promise<STSClient>;
  now?: () => Date;
  /** Scoped data layers kept (least recently used dropped first). */
  maxLayers?: number;
  /** Session length: the shortest STS allows, so a leaked credential is short-lived. */
  durationSeconds?: number;
  /** Wraps each SDK client made (tracing). */
  capture?: <T>(client: T) => T;
}

/** Scoped data layers, one per scope, made on first use and kept while recently used. */
export interface DataSessions {
  forScope(scope: DataScope): DataLayer;
}

/** A session is renewed this long before it expires (the SDK's own refresh window). */
const RENEW_BEFORE_MS = 5 * 60_000;

export const DATA_SESSION_SECONDS = 900;
export const DATA_SESSION_LAYERS = 64;

export const scopeKey = (scope: DataScope): string =>
  scope.kind === 'tenant'
    ? `t-${assertTenant(scope.tenant)}`
    : scope.kind === 'province'
      ? `p-${assertTenant(scope.province)}`
      : 'platform';

export function dataSessions(o: DataSessionsOptions): DataSessions {
  const now = o.now ?? (() => new Date());
  const sts =
    o.sts ??
    (() =>
      import('@aws-sdk/client-sts').then(
        ({ STSClient }) => new STSClient({ region: o.cfg.region, maxAttempts: 4 }),
      ));
  const max = o.maxLayers ?? DATA_SESSION_LAYERS;
  const layers = new Map<string, DataLayer>();

  /** One session per scope, shared by its DynamoDB and S3 clients, renewed before it expires. */
  const credentialsOf = (scope: DataScope, key: string) => {
    let current: Promise<AwsCredentialIdentity> | undefined;
    const assume = async (): Promise<AwsCredentialIdentity> => {
      const { AssumeRoleCommand } = await import('@aws-sdk/client-sts');
      const r = await (await sts()).send(
        new AssumeRoleCommand({
          RoleArn: o.roles[scope.kind],
          RoleSessionName: `jixiao-${key}`,
          DurationSeconds: o.durationSeconds ?? DATA_SESSION_SECONDS,
          Tags: sessionTags(scope),
        }),
      );
      const c = r.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error(`STS returned no credentials for ${key}`);
      return {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
        ...(c.Expiration ? { expiration: c.Expiration } : {}),
      };
    };
    return async (): Promise<AwsCredentialIdentity> => {
      const fresh = async (p: Promise<AwsCredentialIdentity>) => {
        const c = await p;
        return !c.expiration || c.expiration.getTime() - now().getTime() > RENEW_BEFORE_MS;
      };
      if (!current || !(await fresh(current).catch(() => false))) {
        const next = assume();
        current = next;
        // A failed assume is forgotten, so the next request tries again.
        next.catch(() => {
          if (current === next) current = undefined;
        });
      }
      return current;
    };
  };

  const make = (scope: DataScope, key: string): DataLayer => {
    const credentials = credentialsOf(scope, key);
    const capture = o.capture ?? (<T>(client: T) => client);
    return createDataLayer(o.cfg, now, {
      dynamo: () =>
        import('@aws-sdk/client-dynamodb').then(({ DynamoDBClient }) =>
          capture(new DynamoDBClient({ ...dynamoClientConfig(o.cfg), credentials })),
        ),
      s3: () =>
        import('@aws-sdk/client-s3').then(({ S3Client }) =>
          capture(new S3Client({ ...s3ClientConfig(o.cfg), credentials })),
        ),
    });
  };

  return {
    forScope(scope) {
      const key = scopeKey(scope);
      let layer = layers.get(key);
      if (layer) layers.delete(key);
      else layer = make(scope, key);
      layers.set(key, layer); // most recently used last
      while (layers.size > max) layers.delete(layers.keys().next().value!);
      return layer;
    },
  };
}
