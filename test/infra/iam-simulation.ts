/**
 * Policy simulation over a synthesized template: the roles' policies as CloudFormation would
 * deploy them (intrinsics resolved to plausible values for one partition), evaluated offline by
 * @cloud-copilot/iam-simulate against requests that carry session tags as `aws:PrincipalTag/…`
 * and the keys or prefix a request names as `dynamodb:LeadingKeys` / `s3:prefix`.
 */
import { runSimulation } from '@cloud-copilot/iam-simulate';
import type { Synth } from './synth';

export const ACCOUNT = '111122223333';
export const REGION = 'cn-north-1';
export const TABLE_NAME = 'jixiao-table';
export const BUCKET_NAME = 'jixiao-data';

type Json = unknown;
type Resources = Record<string, { Type: string; Properties: Record<string, Json> }>;

/** The deployed value of a template value, for `partition`: refs and ARNs of the stack's resources. */
export function resolver(resources: Resources, partition: string) {
  const arnOf = (id: string): string => {
    const type = resources[id]?.Type;
    if (type === 'AWS::DynamoDB::Table')
      return `arn:${partition}:dynamodb:${REGION}:${ACCOUNT}:table/${TABLE_NAME}`;
    if (type === 'AWS::S3::Bucket')
      return `arn:${partition}:s3:::${id === bucketId() ? BUCKET_NAME : id.toLowerCase()}`;
    if (type === 'AWS::IAM::Role') return `arn:${partition}:iam::${ACCOUNT}:role/${id}`;
    return `arn:${partition}:unknown:${REGION}:${ACCOUNT}:${id}`;
  };
  const bucketId = () =>
    Object.entries(resources).find(
      ([, r]) => r.Type === 'AWS::S3::Bucket' && r.Properties.ObjectLockEnabled === true,
    )?.[0];
  const resolve = (v: Json): Json => {
    if (Array.isArray(v)) return v.map(resolve);
    if (!v || typeof v !== 'object') return v;
    const o = v as Record<string, Json>;
    if ('Ref' in o) {
      const ref = o.Ref as string;
      if (ref === 'AWS::Partition') return partition;
      if (ref === 'AWS::Region') return REGION;
      if (ref === 'AWS::AccountId') return ACCOUNT;
      if (ref === 'AWS::URLSuffix') return partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
      if (resources[ref]?.Type === 'AWS::IAM::Role') return ref;
      return arnOf(ref);
    }
    if ('Fn::GetAtt' in o) {
      const [id, attr] = o['Fn::GetAtt'] as [string, string];
      if (attr === 'Arn') return arnOf(id);
      return `${id}.${attr}`;
    }
    if ('Fn::Join' in o) {
      const [sep, parts] = o['Fn::Join'] as [string, Json[]];
      return (resolve(parts) as string[]).join(sep);
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, resolve(x)]));
  };
  return { resolve, arnOf };
}

/** A role's deployed identity policies and trust, found by the role's logical id. */
export interface RolePolicies {
  id: string;
  arn: string;
  policies: { name: string; policy: Json }[];
  trust: Json;
}

export function rolePolicies(s: Synth, partition: string): Record<string, RolePolicies> {
  const resources = s.template.toJSON().Resources as Resources;
  const { resolve, arnOf } = resolver(resources, partition);
  const out: Record<string, RolePolicies> = {};
  for (const [id, r] of Object.entries(resources)) {
    if (r.Type !== 'AWS::IAM::Role') continue;
    out[id] = { id, arn: arnOf(id), policies: [], trust: resolve(r.Properties.AssumeRolePolicyDocument) };
  }
  for (const [id, r] of Object.entries(resources)) {
    if (r.Type !== 'AWS::IAM::Policy') continue;
    for (const role of r.Properties.Roles as { Ref: string }[])
      out[role.Ref]?.policies.push({ name: id, policy: resolve(r.Properties.PolicyDocument) });
  }
  return out;
}

/** The logical id of the role a construct path ends in (e.g. `DataRoles/Tenant`). */
export const roleId = (s: Synth, path: string): string => {
  const role = s.stack.node.findChild(path.split('/')[0]!);
  const found = path
    .split('/')
    .slice(1)
    .reduce((c, p) => c.node.findChild(p), role);
  return s.idOf(found);
};

export interface Probe {
  action: string;
  resource: string;
  context: Record<string, string | string[]>;
}

export type Decision = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';

/** What IAM answers for a session of a role with `policies` making `probe`. */
export async function decide(
  principal: string,
  policies: { name: string; policy: Json }[],
  probe: Probe,
): Promise<Decision> {
  const r = await runSimulation(
    {
      request: {
        principal,
        action: probe.action,
        resource: { resource: probe.resource, accountId: ACCOUNT },
        contextVariables: probe.context,
      },
      identityPolicies: policies,
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: undefined,
    },
    {},
  );
  if (r.resultType === 'error') throw new Error(`simulation error: ${JSON.stringify(r.errors)}`);
  return r.overallResult as Decision;
}

/** Whether a trust policy lets `principal` do `action` on the role with the request's tags. */
export async function trusts(
  role: RolePolicies,
  principal: string,
  action: string,
  context: Record<string, string | string[]>,
): Promise<Decision> {
  const r = await runSimulation(
    {
      request: {
        principal,
        action,
        resource: { resource: role.arn, accountId: ACCOUNT },
        contextVariables: context,
      },
      identityPolicies: [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: role.trust,
    },
    {},
  );
  if (r.resultType === 'error') throw new Error(`simulation error: ${JSON.stringify(r.errors)}`);
  return r.overallResult as Decision;
}
