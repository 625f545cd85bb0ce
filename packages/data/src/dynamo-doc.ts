import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type {
  BatchWriteCommandInput,
  DeleteCommandInput,
  DynamoDBDocumentClient,
  GetCommandInput,
  PutCommandInput,
  QueryCommandInput,
  UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { lazy } from './lazy';

/** A DynamoDB client, or a way to make one on first use. */
export type DynamoSource = DynamoDBClient | (() => Promise<DynamoDBClient>);

type Sdk = {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  lib: typeof import('@aws-sdk/lib-dynamodb');
};

/**
 * The document operations the data layer uses, and the one place that sends them. The SDK is
 * loaded on the first call, not when the module is: it takes about 100 ms to load, which is most
 * of a function's cold start, and a request that needs no table (health, docs, a refused token)
 * should not pay for it.
 */
export class DynamoDoc {
  private readonly load: () => Promise<Sdk>;

  constructor(source: DynamoSource) {
    this.load = lazy(async () => {
      const lib = await import('@aws-sdk/lib-dynamodb');
      const client = typeof source === 'function' ? await source() : source;
      const doc = lib.DynamoDBDocumentClient.from(client, {
        marshallOptions: { removeUndefinedValues: true },
      });
      return { client, doc, lib };
    });
  }

  /** The underlying client (the embedded stack creates the table with it; tests read its endpoint). */
  async client(): Promise<DynamoDBClient> {
    return (await this.load()).client;
  }

  async get(input: GetCommandInput) {
    const { doc, lib } = await this.load();
    return doc.send(new lib.GetCommand(input));
  }
  async put(input: PutCommandInput) {
    const { doc, lib } = await this.load();
    return doc.send(new lib.PutCommand(input));
  }
  async update(input: UpdateCommandInput) {
    const { doc, lib } = await this.load();
    return doc.send(new lib.UpdateCommand(input));
  }
  async delete(input: DeleteCommandInput) {
    const { doc, lib } = await this.load();
    return doc.send(new lib.DeleteCommand(input));
  }
  async query(input: QueryCommandInput) {
    const { doc, lib } = await this.load();
    return doc.send(new lib.QueryCommand(input));
  }
  async batchWrite(input: BatchWriteCommandInput) {
    const { doc, lib } = await this.load();
    return doc.send(new lib.BatchWriteCommand(input));
  }
}
