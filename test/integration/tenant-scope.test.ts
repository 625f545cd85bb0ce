/**
 * The request-time half of tenant-scoped access (#14 item 8), on the embedded stack: with a
 * `dataFor` like the cloud's (a data layer per scope), the product's own routes reach DynamoDB and
 * S3 only through the caller's scope, and every request they send — recorded as the SDK would sign
 * it — is allowed by the synthesized policy of that scope's role (simulated with
 * @cloud-copilot/iam-simulate), while the same layer asking for another tenant's key is denied.
 */
import {
  createClients,
  createDataLayer,
  type DataLayer,
  type DataScope,
  scopeKey,
  sessionTags,
} from '@jixiao/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide, REGION, type RolePolicies, roleId, rolePolicies } from '../infra/iam-simulation';
import { CHINA_CONTEXT, synth } from '../infra/synth';
import { startTestStack, type TestStack } from '../support/stack';

interface Sent {
  scope: DataScope;
  action: string;
  resource: string;
  context: Record<string, string | string[]>;
}

const P = 'aws-cn';
const TABLE = `arn:${P}:dynamodb:${REGION}:111122223333:table/jixiao-table`;
const BUCKET = `arn:${P}:s3:::jixiao-data`;

/** A string attribute, before or after the document client marshals it. */
const str = (v: any): string => (typeof v === 'string' ? v : v?.S);

/** The partition keys a DynamoDB request names (what IAM sees as `dynamodb:LeadingKeys`). */
function leadingKeys(command: string, input: any): string[] {
  const pkOf = (key: any) => str(key?.pk);
  if (command === 'BatchWriteItemCommand')
    return Object.values(input.RequestItems as Record<string, any[]>)
      .flat()
      .map((r) => pkOf(r.PutRequest?.Item ?? r.DeleteRequest?.Key));
  if (command === 'QueryCommand') {
    const names = input.ExpressionAttributeNames ?? {};
    const attr = input.IndexName ? 'gsi1pk' : 'pk';
    for (const m of (input.KeyConditionExpression as string).matchAll(/([#\w]+)\s*=\s*(:\w+)/g)) {
      const name = m[1]!.startsWith('#') ? names[m[1]!] : m[1];
      if (name === attr) return [str(input.ExpressionAttributeValues[m[2]!])];
    }
    throw new Error(`no partition key in ${input.KeyConditionExpression}`);
  }
  return [pkOf(input.Key ?? input.Item)];
}

const S3_ACTION: Record<string, string> = {
  GetObjectCommand: 's3:GetObject',
  HeadObjectCommand: 's3:GetObject',
  PutObjectCommand: 's3:PutObject',
  DeleteObjectCommand: 's3:DeleteObject',
  PutObjectRetentionCommand: 's3:PutObjectRetention',
  ListObjectsV2Command: 's3:ListBucket',
  ListObjectVersionsCommand: 's3:ListBucketVersions',
};

let s: TestStack;
let roles: Record<DataScope['kind'], RolePolicies>;
const sent: Sent[] = [];
const layers = new Map<string, DataLayer>();

/** A data layer for `scope` over the embedded services whose every request is recorded. */
async function recordingLayer(scope: DataScope): Promise<DataLayer> {
  const endpoint = async (c: { config: { endpoint?: () => Promise<any> } }) => {
    const e = await c.config.endpoint!();
    return `${e.protocol}//${e.hostname}:${e.port}${e.path}`;
  };
  const cfg = {
    region: 'cn-north-1',
    tableName: 'jixiao',
    bucketName: 'jixiao-local',
    dynamoEndpoint: await endpoint(s.clients.dynamo),
    s3Endpoint: await endpoint(s.clients.s3),
    cursorSecret: 'local-embedded-stack-cursor-secret',
    localCredentials: true,
  };
  const clients = createClients(cfg);
  clients.dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      const action = `dynamodb:${context.commandName!.replace(/Command$/, '')}`;
      const keys = leadingKeys(context.commandName!, args.input);
      const input = args.input as { IndexName?: string };
      sent.push({
        scope,
        action,
        resource: input.IndexName ? `${TABLE}/index/${input.IndexName}` : TABLE,
        context: { 'dynamodb:LeadingKeys': keys },
      });
      return next(args);
    },
    { step: 'initialize' },
  );
  clients.s3.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { Key?: string; Prefix?: string; VersionId?: string };
      let action = S3_ACTION[context.commandName!] ?? `s3:${context.commandName}`;
      if (input.VersionId && action === 's3:GetObject') action = 's3:GetObjectVersion';
      if (input.VersionId && action === 's3:DeleteObject') action = 's3:DeleteObjectVersion';
      sent.push({
        scope,
        action,
        resource: input.Key !== undefined ? `${BUCKET}/${input.Key}` : BUCKET,
        context: input.Key === undefined ? { 's3:prefix': input.Prefix ?? '' } : {},
      });
      return next(args);
    },
    { step: 'initialize' },
  );
  return createDataLayer(cfg, s.deps.now, clients);
}

beforeAll(async () => {
  s = await startTestStack();
  const synthed = synth({ context: CHINA_CONTEXT });
  try {
    const all = rolePolicies(synthed, P);
    roles = {
      tenant: all[roleId(synthed, 'DataRoles/Tenant')]!,
      province: all[roleId(synthed, 'DataRoles/Province')]!,
      platform: all[roleId(synthed, 'DataRoles/Platform')]!,
    };
  } finally {
    synthed.cleanup();
  }
  // Made ahead (they await the endpoints); `dataFor` itself is synchronous, as in the cloud.
  for (const scope of [
    { kind: 'tenant', tenant: '230100' },
    { kind: 'tenant', tenant: '230000' },
    { kind: 'tenant', tenant: '230125' },
    { kind: 'platform' },
  ] as DataScope[])
    layers.set(scopeKey(scope), await recordingLayer(scope));
  s.deps.dataFor = (scope) => {
    const layer = layers.get(scopeKey(scope));
    if (!layer) throw new Error(`no layer prepared for ${scopeKey(scope)}`);
    return layer;
  };
}, 180_000);

afterAll(async () => {
  delete s?.deps.dataFor;
  await s?.stop();
});

/** What IAM answers each recorded request, for the session of its scope. */
async function verdicts(requests: Sent[]) {
  return Promise.all(
    requests.map(async (r) => {
      const role = roles[r.scope.kind];
      const tags = Object.fromEntries(
        sessionTags(r.scope).map((t) => [`aws:PrincipalTag/${t.Key}`, t.Value]),
      );
      const got = await decide(`arn:${P}:sts::111122223333:assumed-role/${role.id}/x`, role.policies, {
        action: r.action,
        resource: r.resource,
        context: { ...tags, ...r.context },
      });
      return { ...r, got };
    }),
  );
}

describe('tenant scope on the embedded stack', () => {
  it("sends each caller's requests through its own scope, every one of them allowed by that scope's role", async () => {
    const admin = await s.token('230100', 'hrb-admin');
    const province = await s.token('230000', 'hlj-admin');
    const ops = await s.token(undefined, 'ops');
    const county = await s.token('230125', 'bx-admin');
    const calls: [string, string, string | undefined, unknown?][] = [
      ['GET', '/v1/units', admin],
      ['GET', '/v1/unit-groups', admin],
      ['POST', '/v1/unit-groups', admin, { code: 'SCOPE1', name: '范围测试组' }],
      ['GET', '/v1/cycles', admin],
      ['GET', '/v1/sharing/recipients', admin],
      ['GET', '/v1/guidance/sent', admin],
      // The city's copy into its county's inbox (the tenant role's GuidanceCopies), read there.
      ['POST', '/v1/guidance', admin, { title: '范围测试', body: '请按时报送材料。' }],
      ['GET', '/v1/guidance/inbox', county],
      // A county reads its province's library (ProvinceLibraryAndTenants).
      ['GET', '/v1/standards', county],
      ['GET', '/v1/peer-groups', province],
      ['GET', '/v1/standards', province],
      ['GET', '/v1/platform/tenants', ops],
      ['GET', '/v1/public/230100/results', undefined],
    ];
    for (const [method, path, token, body] of calls) {
      const r = await s.call(method, path, { ...(token ? { token } : {}), ...(body ? { body } : {}) });
      expect(r.status, `${method} ${path}: ${r.text.slice(0, 200)}`).toBeLessThan(400);
    }
    const answered = await verdicts(sent);
    const kinds = new Set(answered.map((a) => scopeKey(a.scope)));
    expect([...kinds].sort()).toEqual(['platform', 't-230000', 't-230100', 't-230125']);
    // The cross-tenant writes the design allows happened, and were allowed.
    expect(
      answered.some(
        (a) => a.action === 'dynamodb:PutItem' && a.context['dynamodb:LeadingKeys']?.[0] === 'T#230125#INBOX',
      ),
    ).toBe(true);
    expect(answered.length).toBeGreaterThan(10);
    for (const a of answered)
      expect((a.context['dynamodb:LeadingKeys'] ?? ['-'])[0]).toEqual(expect.any(String));
    expect(
      answered
        .filter((a) => a.got !== 'Allowed')
        .map((a) => `${scopeKey(a.scope)} ${a.action} ${JSON.stringify(a.context)}`),
    ).toEqual([]);
  }, 120_000);

  it("is refused by the role when a layer is asked for another tenant's item or objects", async () => {
    sent.length = 0;
    const layer = s.deps.dataFor!({ kind: 'tenant', tenant: '230100' });
    await layer.org.getUser('230000', 'hlj-admin'); // the embedded stack has no IAM: it answers
    await layer.blobs.list('230000');
    const answered = await verdicts(sent);
    expect(answered.map((a) => [a.action, a.got])).toEqual([
      ['dynamodb:GetItem', 'ImplicitlyDenied'],
      ['s3:ListBucket', 'ImplicitlyDenied'],
    ]);
  });
});
