import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DynamoDBClient,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDynaliteIteratorsOnReturn } from './dynalite-iterators';
import { type EmbeddedServices, startEmbeddedServices } from './embedded-services';

/** The class whose `close()` every level iterator of dynalite's in-memory store inherits. */
function commonIteratorPrototype(): { close(): Promise<void> } {
  const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
  const { AbstractValueIterator } = createRequire(fromDynalite.resolve('memory-level'))('abstract-level');
  return Object.getPrototypeOf(AbstractValueIterator.prototype);
}

describe("dynalite's Query iterators", () => {
  let services: EmbeddedServices;
  let dynamo: DynamoDBClient;
  const TableName = 'probe';

  beforeAll(async () => {
    services = await startEmbeddedServices({
      dynamoPort: 0,
      s3Port: 0,
      s3Dir: join(tmpdir(), 'jixiao-iter'),
    });
    dynamo = new DynamoDBClient({
      region: 'cn-north-1',
      endpoint: services.dynamoEndpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await dynamo.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );
  });
  afterAll(() => services.close());

  it('are closed when a Query stops at its Limit, not left open for the life of the process', async () => {
    await dynamo.send(
      new BatchWriteItemCommand({
        RequestItems: {
          [TableName]: Array.from({ length: 20 }, (_, i) => ({
            PutRequest: { Item: { pk: { S: 'P' }, sk: { S: `ITEM#${String(i).padStart(2, '0')}` } } },
          })),
        },
      }),
    );
    const close = vi.spyOn(commonIteratorPrototype(), 'close');
    const queries = 50;
    for (let i = 0; i < queries; i++) {
      const r = await dynamo.send(
        new QueryCommand({
          TableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': { S: 'P' } },
          Limit: 2,
        }),
      );
      expect(r.Items).toHaveLength(2);
    }
    // Each stopped Query closes its iterator (the stream's destroy is asynchronous: let it run).
    await vi.waitFor(() => expect(close.mock.calls.length).toBeGreaterThanOrEqual(queries));
    close.mockRestore();
    expect(closeDynaliteIteratorsOnReturn()).toBe(0); // already patched: idempotent
  });
});
