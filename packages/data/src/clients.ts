import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { BlobStore, type S3ClientSource } from './blob-store';
import { createCursorCodec } from './cursor';
import { AuditTrail, ConsultationsRepo, CycleRecordsRepo, CyclesRepo, LongTermPlansRepo } from './cycles';
import { DynamoDoc, type DynamoSource } from './dynamo-doc';
import { type EvaluationData, evaluationData } from './evaluation';
import { type EvidenceData, evidenceData } from './evidence';
import { type ExpertsData, expertsData } from './experts';
import { IdempotencyRepo } from './idempotency-repo';
import { IndicatorSystemsRepo } from './indicator-systems-repo';
import { OrgRepo } from './org-repo';
import { type ProvinceData, provinceData } from './province';
import { type PublicationsRepo, publicationsRepo } from './reports';
import { RevocationsRepo } from './revocations-repo';
import { Store } from './store';
import { type SurveysData, surveysData } from './surveys';
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
  /** When each user's tokens begin to count (sign-out, disabling, role changes). */
  revocations: RevocationsRepo;
  indicatorSystems: IndicatorSystemsRepo;
  cycles: CyclesRepo;
  cycleRecords: CycleRecordsRepo;
  longTermPlans: LongTermPlansRepo;
  consultations: ConsultationsRepo;
  audit: AuditTrail;
  blobs: BlobStore;
  evidence: EvidenceData;
  experts: ExpertsData;
  surveys: SurveysData;
  evaluation: EvaluationData;
  publications: PublicationsRepo;
  /** #12: the standard library, peer groups, shares, mappings and guidance. */
  province: ProvinceData;
}

/** The clients a data layer talks through; S3's may be made on first use (see `createDataLayer`). */
export interface DataClients {
  dynamo: DynamoSource;
  s3: S3ClientSource;
}

const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

const credentialsOf = (cfg: DataConfig) => (cfg.localCredentials ? { credentials: LOCAL_CREDENTIALS } : {});

export const dynamoClientConfig = (cfg: DataConfig): DynamoDBClientConfig => ({
  region: cfg.region,
  maxAttempts: 4,
  ...(cfg.dynamoEndpoint ? { endpoint: cfg.dynamoEndpoint } : {}),
  ...credentialsOf(cfg),
});

export const s3ClientConfig = (cfg: DataConfig): S3ClientConfig => ({
  region: cfg.region,
  maxAttempts: 4,
  ...(cfg.s3Endpoint ? { endpoint: cfg.s3Endpoint, forcePathStyle: true } : {}),
  // s3rver stores aws-chunked bodies verbatim unless checksums are only sent when required.
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
  ...credentialsOf(cfg),
});

/**
 * The data layer over DynamoDB and S3. Without `clients` (the cloud), both SDK clients are made on
 * first use, so a function starts without loading the SDK, and one whose requests never touch
 * the bucket never loads S3's. The embedded stack passes ready clients (`createClients`).
 */
export function createDataLayer(
  cfg: DataConfig,
  now: () => Date = () => new Date(),
  clients: DataClients = {
    dynamo: () =>
      import('@aws-sdk/client-dynamodb').then(
        ({ DynamoDBClient }) => new DynamoDBClient(dynamoClientConfig(cfg)),
      ),
    s3: () => import('@aws-sdk/client-s3').then(({ S3Client }) => new S3Client(s3ClientConfig(cfg))),
  },
): DataLayer {
  const cursors = createCursorCodec(cfg.cursorSecret);
  const store = new Store(new DynamoDoc(clients.dynamo), cfg.tableName, cursors);
  return {
    store,
    tenants: new TenantsRepo(store, now),
    org: new OrgRepo(store, now),
    idempotency: new IdempotencyRepo(store, now),
    revocations: new RevocationsRepo(store),
    indicatorSystems: new IndicatorSystemsRepo(store, cursors, now),
    cycles: new CyclesRepo(store, now),
    cycleRecords: new CycleRecordsRepo(store, now),
    longTermPlans: new LongTermPlansRepo(store, now),
    consultations: new ConsultationsRepo(store),
    audit: new AuditTrail(store, now),
    blobs: new BlobStore(clients.s3, cfg.bucketName),
    evidence: evidenceData(store, now),
    experts: expertsData(store, now),
    surveys: surveysData(store, now),
    evaluation: evaluationData(store, now),
    publications: publicationsRepo(store, now),
    province: provinceData(store, now),
  };
}
