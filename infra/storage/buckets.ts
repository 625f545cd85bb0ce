import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/**
 * The evidence/reports bucket and the bucket that receives its S3 server access logs. Both are
 * private, encrypted, versioned, TLS-only and retained when the stack is deleted.
 *
 * The data bucket has S3 Object Lock enabled, with no default retention: a file is not protected
 * while it may still be refused or discarded; when a cycle's evaluation is frozen the app sets a
 * COMPLIANCE retention on each evidence version it locks (EVIDENCE_OBJECT_LOCK), after which not
 * even the account's root can delete or overwrite it. No lifecycle rule expires objects: unconfirmed
 * uploads are removed by the app, which knows which ones are filed.
 */
export class AppBuckets extends Construct {
  /** Evidence uploads and generated reports, every key under `tenants/<tenant>/`. */
  readonly data: Bucket;
  /** S3 server access logs of `data`. */
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    // Needs no access logging of its own: cdk-nag (S1) accepts a bucket that is another bucket's log target.
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      // S3 server access logging can only deliver to SSE-S3 buckets, not SSE-KMS.
      encryption: BucketEncryption.S3_MANAGED,
      versioned: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'expire-old-logs',
          expiration: Duration.days(400),
          noncurrentVersionExpiration: Duration.days(30),
        },
      ],
    });

    this.data = new Bucket(this, 'Data', {
      encryption: BucketEncryption.S3_MANAGED,
      versioned: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      objectLockEnabled: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'data/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
    });
  }

  /**
   * Lets the console's pages, served from `origins`, POST evidence straight to the bucket
   * (presigned POST) and read previews by presigned GET. CORS grants no access by itself: every
   * request still needs a presigned policy or signature.
   */
  allowBrowserUploads(origins: string[]): void {
    this.data.addCorsRule({
      allowedOrigins: origins,
      allowedMethods: [HttpMethods.POST, HttpMethods.GET, HttpMethods.HEAD],
      allowedHeaders: ['*'],
      exposedHeaders: ['ETag'],
      maxAge: 600,
    });
  }
}
