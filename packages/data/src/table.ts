/**
 * The table's shape, shared by the embedded stack (CreateTable) and the CDK app, so both agree.
 */
export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  gsi1: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  ttlAttribute: 'expiresAt',
} as const;

export const createTableInput = (tableName: string) => ({
  TableName: tableName,
  BillingMode: 'PAY_PER_REQUEST' as const,
  AttributeDefinitions: [
    { AttributeName: TABLE.partitionKey, AttributeType: 'S' as const },
    { AttributeName: TABLE.sortKey, AttributeType: 'S' as const },
    { AttributeName: TABLE.gsi1.partitionKey, AttributeType: 'S' as const },
    { AttributeName: TABLE.gsi1.sortKey, AttributeType: 'S' as const },
  ],
  KeySchema: [
    { AttributeName: TABLE.partitionKey, KeyType: 'HASH' as const },
    { AttributeName: TABLE.sortKey, KeyType: 'RANGE' as const },
  ],
  GlobalSecondaryIndexes: [
    {
      IndexName: TABLE.gsi1.name,
      KeySchema: [
        { AttributeName: TABLE.gsi1.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: TABLE.gsi1.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    },
  ],
});
