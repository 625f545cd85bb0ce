import type { CfnElement } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { ArnPrincipal, CompositePrincipal, type IRole, PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { SESSION_TAG } from '../../packages/data/src/data-sessions';
import { TABLE } from '../../packages/data/src/table';
import type { AppFunction } from '../lambda/node-function';
import { acknowledge, nagRef } from '../nag';

/**
 * The DynamoDB actions the data layer sends (`packages/data/src/dynamo-doc.ts`: get, put, update,
 * delete, query, batch write; no scans, no transactions), and nothing else.
 */
export const TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:Query',
  'dynamodb:BatchWriteItem',
] as const;
export const TABLE_READS = ['dynamodb:GetItem', 'dynamodb:Query'] as const;

/**
 * The S3 object actions the blob store sends (`packages/data/src/blob-store.ts`): put (and the
 * presigned POST), get and head, delete; with a version: get (confirmation, presigned downloads),
 * delete (every version of a refused upload); COMPLIANCE retention when evidence is locked.
 */
export const OBJECT_ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:DeleteObject',
  's3:GetObjectVersion',
  's3:DeleteObjectVersion',
  's3:PutObjectRetention',
] as const;
/** Listing (ListObjectsV2, ListObjectVersions); ListBucket also turns a missing key's 403 into 404. */
export const LIST_ACTIONS = ['s3:ListBucket', 's3:ListBucketVersions'] as const;

/** A session tag as a policy variable. */
const tag = (name: string) => `\${aws:PrincipalTag/${name}}`;
const T = tag(SESSION_TAG.tenant);
const P = tag(SESSION_TAG.province);
const C = tag(SESSION_TAG.city);
const COUNTIES = tag(SESSION_TAG.counties);

/** The platform's registry of tenants, read to learn a tenant's plan, province and name. */
export const REGISTRY_KEY = 'PLATFORM#TENANTS';
/** Session-validity records of users without a tenant (`keys.revocation`). */
export const PLATFORM_SESSIONS = 'PLATFORM#SESSIONS';

const leadingKeys = (patterns: string[]) => ({
  'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': patterns },
  // ForAllValues holds for an empty set: a request must name its keys.
  Null: { 'dynamodb:LeadingKeys': 'false' },
});

/**
 * What a function reads with its own role, before it knows whose request it serves (the auth
 * middleware, `packages/api/src/auth`): the tenant's registry record (its plan); exact items only
 * (GetItem), no query. The caller's user and session records are read through the caller's scope.
 */
export const BEFORE_SCOPE_READS = [REGISTRY_KEY];

/**
 * The table access an HTTP function's own role keeps (everything else goes through a data role):
 * `BEFORE_SCOPE_READS` on the table itself, no index, no write, no object.
 */
export function grantBeforeScope(f: AppFunction, table: ITable): void {
  f.role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'BeforeScopeReads',
      actions: ['dynamodb:GetItem'],
      resources: [table.tableArn],
      conditions: leadingKeys(BEFORE_SCOPE_READS),
    }),
  );
}

export interface DataRolesProps {
  readonly table: ITable;
  readonly bucket: IBucket;
  /** The functions that may assume the data roles; each learns their ARNs (`DATA_ROLE_ENV`). */
  readonly functions: readonly AppFunction[];
}

/** The settings naming the data roles (`packages/api/src/config.ts` reads them). */
export const DATA_ROLE_ENV = {
  tenant: 'TENANT_DATA_ROLE_ARN',
  province: 'PROVINCE_DATA_ROLE_ARN',
  platform: 'PLATFORM_DATA_ROLE_ARN',
} as const;

/**
 * The roles the app's functions reach the table and the bucket through, one session per scope
 * (`packages/data/src/data-sessions.ts`), so isolation does not rest on application code alone:
 *
 * - **tenant** (session tags `tenant`, `province`, `city`, and `counties` for a city): its own
 *   items (`T#<tenant>#…`, on the table and gsi1) and what it holds as a recipient (`P#<tenant>#…`),
 *   its objects (`tenants/<tenant>/`); besides, reads of the registry, of its province's library
 *   and tenant list, writes of its shared copies at its province and city, and a city's guidance
 *   copies into its counties' inboxes.
 * - **province** (tag `province`): reads of `P#<province>#…` and the registry, and the platform's
 *   session records (a provincial analyst without a tenant).
 * - **platform** (no tag): `PLATFORM#…` only (operators: the registry, their idempotency records).
 *
 * Trust: only `assumers`, with `sts:TagSession`, the tags the role reads (exactly six characters
 * each; STS refuses `*`, `?` and `#` in tag values, so a tag cannot widen a key pattern) and no other.
 */
export class DataRoles extends Construct {
  readonly tenant: Role;
  readonly province: Role;
  readonly platform: Role;

  constructor(scope: Construct, id: string, props: DataRolesProps) {
    super(scope, id);
    const { table, bucket } = props;
    const assumers = props.functions.map((f) => f.role);
    const tableResources = [table.tableArn, `${table.tableArn}/index/${TABLE.gsi1.name}`];
    const six = '??????';

    this.tenant = this.role('Tenant', 'tenant', assumers, {
      StringLike: {
        [`aws:RequestTag/${SESSION_TAG.tenant}`]: six,
        [`aws:RequestTag/${SESSION_TAG.province}`]: six,
        [`aws:RequestTag/${SESSION_TAG.city}`]: six,
      },
      StringLikeIfExists: { [`aws:RequestTag/${SESSION_TAG.counties}`]: '????' },
      'ForAllValues:StringEquals': { 'aws:TagKeys': Object.values(SESSION_TAG) },
    });
    const tenantStatements = [
      new PolicyStatement({
        sid: 'OwnItems',
        actions: [...TABLE_ACTIONS],
        resources: tableResources,
        conditions: leadingKeys([`T#${T}#*`, `P#${T}#*`]),
      }),
      new PolicyStatement({
        sid: 'Registry',
        actions: ['dynamodb:GetItem'],
        resources: [table.tableArn],
        conditions: leadingKeys([REGISTRY_KEY]),
      }),
      new PolicyStatement({
        sid: 'ProvinceLibraryAndTenants',
        actions: [...TABLE_READS],
        resources: tableResources,
        conditions: leadingKeys([`P#${P}#STD`, `P#${P}#TENANTS`]),
      }),
      new PolicyStatement({
        sid: 'SharedCopies',
        actions: ['dynamodb:PutItem', 'dynamodb:DeleteItem'],
        resources: [table.tableArn],
        conditions: leadingKeys([`P#${P}#SHARED`, `P#${C}#SHARED`]),
      }),
      new PolicyStatement({
        sid: 'GuidanceCopies',
        actions: ['dynamodb:PutItem'],
        resources: [table.tableArn],
        conditions: leadingKeys([`T#${COUNTIES}??#INBOX`]),
      }),
      new PolicyStatement({
        sid: 'OwnObjects',
        actions: [...OBJECT_ACTIONS],
        resources: [bucket.arnForObjects(`tenants/${T}/*`)],
      }),
      new PolicyStatement({
        sid: 'ListOwnObjects',
        actions: [...LIST_ACTIONS],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`tenants/${T}/*`] } },
      }),
    ];
    for (const s of tenantStatements) this.tenant.addToPrincipalPolicy(s);

    this.province = this.role('Province', 'province', assumers, {
      StringLike: { [`aws:RequestTag/${SESSION_TAG.province}`]: six },
      'ForAllValues:StringEquals': { 'aws:TagKeys': [SESSION_TAG.province] },
    });
    this.province.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'ProvinceItems',
        actions: [...TABLE_READS],
        resources: tableResources,
        conditions: leadingKeys([`P#${P}#*`]),
      }),
    );
    this.province.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'Registry',
        actions: ['dynamodb:GetItem'],
        resources: [table.tableArn],
        conditions: leadingKeys([REGISTRY_KEY]),
      }),
    );
    // An analyst without a tenant has no user record; their sessions are the platform's (sign-out).
    this.province.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'Sessions',
        actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
        resources: [table.tableArn],
        conditions: leadingKeys([PLATFORM_SESSIONS]),
      }),
    );

    this.platform = this.role('Platform', 'platform', assumers, {
      // Operators' sessions carry no tag.
      Null: { 'aws:TagKeys': 'true' },
    });
    this.platform.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'PlatformItems',
        actions: [...TABLE_ACTIONS],
        resources: tableResources,
        conditions: leadingKeys(['PLATFORM#*']),
      }),
    );

    for (const f of props.functions)
      for (const [scope, name] of Object.entries(DATA_ROLE_ENV))
        f.fn.addEnvironment(name, this[scope as keyof typeof DATA_ROLE_ENV].roleArn);

    const bucketRef = nagRef(bucket.node.defaultChild as CfnElement);
    acknowledge(
      this.tenant,
      `AwsSolutions-IAM5[Resource::${bucketRef}/tenants/<aws:PrincipalTag/${SESSION_TAG.tenant}>/*]`,
      "The wildcard is the objects under the session's own prefix (tenants/<its tenant tag>/), whose keys are chosen at run time; the tag is set by the trust-checked session, so no session reaches another tenant's objects.",
    );
  }

  /** A data role trusted by `assumers` alone, with session tags as `conditions` require. */
  private role(id: string, scope: string, assumers: readonly IRole[], conditions: Record<string, unknown>) {
    const role = new Role(this, id, {
      description: `jixiao data access for one ${scope} session (assumed by the app's functions)`,
      assumedBy: new CompositePrincipal(
        ...assumers.map((r) => new ArnPrincipal(r.roleArn).withConditions(conditions).withSessionTags()),
      ),
    });
    for (const r of assumers)
      r.addToPrincipalPolicy(
        new PolicyStatement({ actions: ['sts:AssumeRole', 'sts:TagSession'], resources: [role.roleArn] }),
      );
    return role;
  }
}
