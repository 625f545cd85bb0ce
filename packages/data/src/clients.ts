import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BlobStore } from './blob-store';
import { createCursorCodec } from './cursor';
import { IdempotencyRepo } from './idempotency-repo';
import { IndicatorSystemsRepo } from './indicator-systems-repo';
import { OrgRepo } from './org-repo';
import { Store } from './store';
import { TenantsRepo } from './tenants-repo';

/** Where the data lives. Endpoints are set only for the embedded stack. */
export interface DataConfig {
  region: string;
  tableName: string;
  bucketName: string;
  dynamoEndpoint?: string;
  s3Endpoint?: string;
  cursorSecret: string;
  /** Test-only credentials for the embedded services; the cloud uses the Lambda role. */
  localCredentials?: boolean;
}

export interface DataLayer {
  store: Store;
  tenants: TenantsRepo;
  org: OrgRepo;
  idempotency: IdempotencyRepo;
  indicatorSystems: IndicatorSystemsRepo;
  blobs: BlobStore;
  dynamo: DynamoDBClient;
  s3: S3Client;
}

const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export function createClients(cfg: DataConfig) {
  const credentials = cfg.localCredentials ? LOCAL_CREDENTIALS : undefined;
  const dynamo = new DynamoDBClient({
    region: cfg.region,
    maxAttempts: 4,
    ...(cfg.dynamoEndpoint ? { endpoint: cfg.dynamoEndpoint } : {}),
    ...(credentials ? { credentials } : {}),
  });
  const s3 = new S3Client({
    region: cfg.region,
    maxAttempts: 4,
    ...(cfg.s3Endpoint ? { endpoint: cfg.s3Endpoint, forcePathStyle: true } : {}),
    // s3rver stores aws-chunked bodies verbatim unless checksums are only sent when required.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(credentials ? { credentials } : {}),
  });
  return { dynamo, s3 };
}

export function createDataLayer(
  cfg: DataConfig,
  now: () => Date = () => new Date(),
  clients = createClients(cfg),
): DataLayer {
  const doc = DynamoDBDocumentClient.from(clients.dynamo, {
    marshallOptions: { removeUndefinedValues: true },
  });
  const cursors = createCursorCodec(cfg.cursorSecret);
  const store = new Store(doc, cfg.tableName, cursors);
  return {
    store,
    tenants: new TenantsRepo(store, now),
    org: new OrgRepo(store, now),
    idempotency: new IdempotencyRepo(store, now),
    indicatorSystems: new IndicatorSystemsRepo(store, cursors, now),
    blobs: new BlobStore(clients.s3, cfg.bucketName),
    ...clients,
  };
}
