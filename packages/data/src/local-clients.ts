import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { type DataConfig, dynamoClientConfig, s3ClientConfig } from './clients';

/**
 * Both clients, made now: for the embedded stack and tests, which create the table and bucket
 * through them before serving. (A module of its own, so a cloud bundle that never calls this does
 * not load the S3 SDK at start-up.)
 */
export function createClients(cfg: DataConfig) {
  return { dynamo: new DynamoDBClient(dynamoClientConfig(cfg)), s3: new S3Client(s3ClientConfig(cfg)) };
}
