import { type CfnElement, Duration } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { AppFunction } from '../lambda/node-function';
import { acknowledge, nagRef } from '../nag';

export interface ApiFunctionProps {
  readonly table: ITable;
  readonly bucket: IBucket;
  /** Token issuer URL (the user pool's provider URL). */
  readonly tokenIssuer: string;
  /** Token audience (the user pool client id; Cognito access tokens carry it as `client_id`). */
  readonly tokenAudience: string;
  /** The user pool whose accounts the API keeps in line with tenant users. */
  readonly userPool: IUserPool;
  /** Base URL of the hosted sign-in the console's OIDC flow uses (`/oauth2/authorize`, `/oauth2/token`). */
  readonly authBaseUrl: string;
}

/** Object keys the API may touch: every tenant's data lives under `tenants/<tenant>/`. */
export const API_OBJECT_PREFIX = 'tenants/';

/**
 * The Hono app on Lambda (`functions/api/index.ts`), with the secret that signs paging cursors and
 * read/write access to the table and to the tenants' objects in the bucket.
 */
export class ApiFunction extends Construct {
  readonly function: AppFunction;
  readonly cursorSecret: Secret;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);

    this.cursorSecret = new Secret(this, 'CursorSecret', {
      description: 'HMAC key that signs opaque paging cursors',
      generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false },
    });
    acknowledge(
      this.cursorSecret,
      'AwsSolutions-SMG4',
      'The cursor-signing key has no rotation Lambda: rotating it only invalidates paging cursors in flight (clients restart from the first page), so it is rotated by redeploying with a new generated value rather than on a schedule.',
    );

    this.function = new AppFunction(this, 'Api', {
      entry: 'functions/api/index.ts',
      description: 'jixiao HTTP API (Hono)',
      memorySize: 1024,
      timeout: Duration.seconds(29),
      environment: {
        TABLE_NAME: props.table.tableName,
        BUCKET_NAME: props.bucket.bucketName,
        TOKEN_ISSUER: props.tokenIssuer,
        TOKEN_AUDIENCE: props.tokenAudience,
        AUTH_BASE_URL: props.authBaseUrl,
        USER_POOL_ID: props.userPool.userPoolId,
        CURSOR_SECRET_ARN: this.cursorSecret.secretArn,
      },
    });
    const { fn, role } = this.function;

    props.table.grantReadWriteData(fn);
    this.cursorSecret.grantRead(fn);
    // Tenant admins' user changes are mirrored into sign-in accounts (see IdentityDirectory).
    props.userPool.grant(
      fn,
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminUpdateUserAttributes',
      'cognito-idp:AdminDeleteUserAttributes',
      'cognito-idp:AdminEnableUser',
      'cognito-idp:AdminDisableUser',
    );

    // Object read/write limited to the tenants' prefix, with the few actions the API uses
    // (presigned POST uploads, HeadObject confirmation, GetObject downloads, deletes).
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: [props.bucket.arnForObjects(`${API_OBJECT_PREFIX}*`)],
      }),
    );
    // ListBucket makes HeadObject/GetObject answer 404 rather than 403 for a missing key, which the
    // upload confirmation relies on; it exposes key names only, of a bucket the API owns anyway.
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.bucket.bucketArn] }),
    );

    const tableArn = nagRef(props.table.node.defaultChild as CfnElement);
    const bucketArn = nagRef(props.bucket.node.defaultChild as CfnElement);
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::${tableArn}/index/*]`,
      'grantReadWriteData covers the table and its GSIs; the wildcard names indexes of this one table only (gsi1 today, more as access patterns grow).',
    );
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::${bucketArn}/${API_OBJECT_PREFIX}*]`,
      `Tenant object keys are chosen at run time under ${API_OBJECT_PREFIX}<tenant>/; the wildcard is limited to that prefix of this one bucket, and the app builds every key from the token's tenant.`,
    );
  }
}
