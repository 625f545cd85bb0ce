import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { FUNCTIONS } from '../../infra/api/functions';
import type { HttpFunctionName } from '../../infra/api/routes';
import { AppBuckets } from '../../infra/storage/buckets';
import { resourcesOf, type Synth, synth } from './synth';

/**
 * The evidence bucket (#9): S3 Object Lock enabled with no default retention (the app sets
 * COMPLIANCE retention per version when a cycle's evaluation freezes), versioned, no lifecycle rule
 * that could expire evidence; the functions that serve evidence may read versions, remove refused
 * uploads' versions and set retention, on the tenants' prefix only; CORS lets the console POST.
 */
let s: Synth;
beforeAll(() => {
  s = synth();
});
afterAll(() => s.cleanup());

const arn = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
const NAMES = Object.keys(FUNCTIONS) as HttpFunctionName[];

describe('the evidence bucket', () => {
  it('has Object Lock enabled, versioning on, and no default retention', () => {
    const data = s.template.toJSON().Resources[s.idOf(s.stack.buckets.data)];
    expect(data.Properties.ObjectLockEnabled).toBe(true);
    expect(data.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(data.Properties.ObjectLockConfiguration?.Rule).toBeUndefined();
    expect(data.DeletionPolicy).toBe('Retain');
    // Only the access-log bucket has no Object Lock (S3 cannot deliver logs to a locked bucket's default).
    const logs = s.template.toJSON().Resources[s.idOf(s.stack.buckets.accessLogs)];
    expect(logs.Properties.ObjectLockEnabled).toBeUndefined();
  });

  it('expires nothing but incomplete multipart uploads', () => {
    s.template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      LifecycleConfiguration: {
        Rules: [
          {
            Id: 'abort-incomplete-uploads',
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
            Status: 'Enabled',
          },
        ],
      },
    });
  });

  it("lets only tenant sessions set retention and handle versions, on the session's own tenants/<tenant>/", () => {
    const bucket = s.idOf(s.stack.buckets.data);
    const policyOf = (roleId: string) =>
      resourcesOf(s.template, 'AWS::IAM::Policy')
        .filter(([, p]) => JSON.stringify(p.Properties.Roles).includes(roleId))
        .flatMap(
          ([, p]) => (p.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement,
        );
    // Evidence goes through the tenant data role (infra/data/data-roles.ts), whichever function serves it.
    const tenant = policyOf(s.idOf(s.stack.dataRoles.tenant));
    const own = { 'Fn::Join': ['', [arn(bucket), `/tenants/\${aws:PrincipalTag/tenant}/*`]] };
    expect(tenant.find((st) => st.Sid === 'OwnObjects')).toMatchObject({
      Action: expect.arrayContaining([
        's3:DeleteObjectVersion',
        's3:GetObjectVersion',
        's3:PutObjectRetention',
      ]),
      Resource: own,
    });
    expect(tenant.find((st) => st.Sid === 'ListOwnObjects')).toEqual({
      Sid: 'ListOwnObjects',
      Effect: 'Allow',
      Action: ['s3:ListBucket', 's3:ListBucketVersions'],
      Resource: arn(bucket),
      Condition: { StringLike: { 's3:prefix': [`tenants/\${aws:PrincipalTag/tenant}/*`] } },
    });
    for (const name of NAMES) {
      const fn = s.stack.api.functions[name];
      const statements = policyOf(s.idOf(fn.role));
      const env = (
        s.template.toJSON().Resources[s.idOf(fn.fn)].Properties.Environment as {
          Variables: Record<string, unknown>;
        }
      ).Variables;
      // A function's own role touches no object; those serving evidence learn that the bucket locks.
      expect(JSON.stringify(statements), name).not.toContain('s3:');
      if (FUNCTIONS[name].servesEvidence) expect(env.EVIDENCE_OBJECT_LOCK, name).toBe('true');
      else expect(env, name).not.toHaveProperty('EVIDENCE_OBJECT_LOCK');
    }
    // Nobody may lift a retention early.
    const all = JSON.stringify(resourcesOf(s.template, 'AWS::IAM::Policy'));
    expect(all).not.toContain('BypassGovernanceRetention');
    expect(all).not.toContain('PutObjectLegalHold');
    expect(NAMES.filter((n) => FUNCTIONS[n].servesEvidence).sort()).toEqual(['console', 'indicators']);
  });
});

describe('browser uploads', () => {
  it('a CORS rule admits POST and GET from the console origin only', () => {
    // The same feature flags as the real app (cdk.json), e.g. access logs by bucket policy.
    const stack = new Stack(new App({ context: cdkJson.context }), 'Cors');
    const buckets = new AppBuckets(stack, 'Storage');
    buckets.allowBrowserUploads(['https://console.example.gov.cn']);
    Template.fromStack(stack).hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({
            AllowedOrigins: ['https://console.example.gov.cn'],
            AllowedMethods: ['POST', 'GET', 'HEAD'],
            ExposedHeaders: ['ETag'],
          }),
        ],
      },
    });
  });
});
