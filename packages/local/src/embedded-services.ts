import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CreateTableCommand, DescribeTableCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, PutBucketCorsCommand } from '@aws-sdk/client-s3';
import { type createClients, createTableInput, TABLE } from '@jixiao/data';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import { closeDynaliteIteratorsOnReturn } from './dynalite-iterators';

/**
 * dynalite (DynamoDB API) and s3rver (S3 API) in this process. With a data folder they persist
 * across restarts; without one dynalite keeps data in memory and s3rver uses a temp folder.
 */
export interface EmbeddedServices {
  dynamoEndpoint: string;
  s3Endpoint: string;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(
    readonly service: string,
    readonly port: number,
  ) {
    super(`${service}: port ${port} is already in use`);
  }
}

function listen(server: Server, port: number, service: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' ? new PortInUseError(service, port) : e),
    );
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startEmbeddedServices(opts: {
  dynamoPort: number;
  s3Port: number;
  /** Persist under this folder; undefined = in memory (dynalite) and `s3Dir` for s3rver. */
  dataDir?: string;
  s3Dir: string;
}): Promise<EmbeddedServices> {
  let dynamoDir: string | undefined;
  if (opts.dataDir) {
    dynamoDir = join(opts.dataDir, 'dynamodb');
    mkdirSync(dynamoDir, { recursive: true });
  }
  mkdirSync(opts.s3Dir, { recursive: true });
  closeDynaliteIteratorsOnReturn();
  const dyn = dynalite({
    ...(dynamoDir ? { path: dynamoDir } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  const dynamoPort = await listen(dyn, opts.dynamoPort, 'dynalite');
  let s3: S3rver;
  let s3Port: number;
  try {
    s3 = new S3rver({ port: opts.s3Port, address: '127.0.0.1', directory: opts.s3Dir, silent: true });
    s3Port = (await s3.run()).port;
  } catch (e) {
    await new Promise((r) => dyn.close(r));
    const err = e as NodeJS.ErrnoException;
    throw err.code === 'EADDRINUSE' ? new PortInUseError('s3rver', opts.s3Port) : e;
  }
  return {
    dynamoEndpoint: `http://127.0.0.1:${dynamoPort}`,
    s3Endpoint: `http://127.0.0.1:${s3Port}`,
    async close() {
      await s3.close();
      await new Promise((r) => dyn.close(r));
    },
  };
}

/** Creates the table (with TTL) and the bucket when they are missing. Idempotent. */
export async function ensureTableAndBucket(
  clients: ReturnType<typeof createClients>,
  tableName: string,
  bucketName: string,
): Promise<{ createdTable: boolean; createdBucket: boolean }> {
  let createdTable = false;
  try {
    await clients.dynamo.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (e) {
    if ((e as { name?: string }).name !== 'ResourceNotFoundException') throw e;
    await clients.dynamo.send(new CreateTableCommand(createTableInput(tableName)));
    await clients.dynamo
      .send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
        }),
      )
      .catch(() => undefined); // dynalite does not implement TTL; expiry is also checked on read
    createdTable = true;
  }
  let createdBucket = false;
  try {
    await clients.s3.send(new HeadBucketCommand({ Bucket: bucketName }));
  } catch {
    await clients.s3.send(new CreateBucketCommand({ Bucket: bucketName }));
    createdBucket = true;
  }
  // The console's page posts evidence straight to the bucket (presigned POST) and previews it by
  // presigned GET, from the app's origin: a random port in tests, so any origin locally (the cloud
  // bucket allows the console's origin only). Set every start, so an older data folder gets it too.
  await clients.s3.send(
    new PutBucketCorsCommand({
      Bucket: bucketName,
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedOrigins: ['*'],
            AllowedMethods: ['POST', 'GET', 'HEAD'],
            AllowedHeaders: ['*'],
            ExposeHeaders: ['ETag'],
            MaxAgeSeconds: 600,
          },
        ],
      },
    }),
  );
  return { createdTable, createdBucket };
}
