/**
 * The China deployment (`-c partition=aws-cn` with an external OIDC issuer): no Cognito, no X-Ray,
 * the gateway and the app trusting the external issuer, cdk-nag clean; and in both partitions no
 * ARN or endpoint written for one partition only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type IdentityDirectory, tableBackedDirectory } from '@jixiao/data';
import { App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../infra/api/functions';
import type { HttpFunctionName } from '../../infra/api/routes';
import { fromRoot } from '../../infra/paths';
import { deploymentProfile } from '../../infra/profile';
import { buildCloudDeps } from '../../packages/api/src/cloud';
import { loadConfig } from '../../packages/api/src/config';

import {
  type Acknowledgment,
  CHINA_CONTEXT,
  resourcesOf,
  type Synth,
  synth,
  synthRecordingAcknowledgments,
} from './synth';

const PARTITIONS = { aws: {}, 'aws-cn': CHINA_CONTEXT } as const;

let synths: Record<keyof typeof PARTITIONS, Synth>;
beforeAll(() => {
  // nag on: synthesis itself throws on any cdk-nag finding left unacknowledged.
  synths = { aws: synth({ nag: true }), 'aws-cn': synth({ nag: true, context: CHINA_CONTEXT }) };
}, 180_000);
afterAll(() => {
  for (const s of Object.values(synths ?? {})) s.cleanup();
});

/** Every string in a JSON value. */
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(strings)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(strings)
        : [];

/** Every file under a folder. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );

describe.each(Object.keys(PARTITIONS) as (keyof typeof PARTITIONS)[])('the %s template', (partition) => {
  const s = () => synths[partition];

  it('writes no partition into an ARN: every ARN is built on the AWS::Partition pseudo parameter', () => {
    const template = s().template.toJSON();
    const json = JSON.stringify(template);
    expect(json).not.toContain('arn:aws:');
    expect(json).not.toMatch(/arn:aws-[a-z-]+:/);
    // ARNs are there, partition-free: the roles' policies name the table, bucket and log groups.
    expect(json).toContain('"arn:",{"Ref":"AWS::Partition"}');
  });

  it('names AWS hosts only through AWS::URLSuffix; a literal amazonaws.com is a service principal', () => {
    const hosts = strings(s().template.toJSON()).filter((v) => v.includes('amazonaws.com'));
    expect(hosts.length).toBeGreaterThan(0);
    for (const h of hosts) expect(h).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com$/);
  });

  it('passes cdk-nag AwsSolutions with every acknowledgment used', () => {
    const raised = new AwsSolutionsChecks()
      .validateScope(s().app)
      .violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} @ ${r.constructPath}`));
    expect(raised).toEqual([]);
  });
});

describe('the infra source', () => {
  it('writes no partition into an ARN either', () => {
    const files = filesUnder(fromRoot('infra')).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toMatch(/arn:aws(-[a-z-]+)?:/);
  });
});

describe('the aws-cn template', () => {
  const cn = () => synths['aws-cn'];
  const resources = () =>
    cn().template.toJSON().Resources as Record<string, { Type: string; Properties: any }>;
  const envOf = (name: HttpFunctionName) =>
    resources()[cn().idOf(cn().stack.api.functions[name].fn)]!.Properties.Environment.Variables as Record<
      string,
      unknown
    >;

  it('has no Cognito: no user pool, no pre-token trigger, no Cognito permission, output or setting', () => {
    expect(cn().stack.auth).toBeUndefined();
    const types = Object.values(resources()).map((r) => r.Type);
    expect(types.filter((t) => t.startsWith('AWS::Cognito::'))).toEqual([]);
    expect(JSON.stringify(cn().template.toJSON()).toLowerCase()).not.toContain('cognito');
    // The global template has them, so the check above is not vacuous.
    expect(JSON.stringify(synths.aws.template.toJSON())).toContain('AWS::Cognito::UserPool');
    expect(Object.keys(cn().template.findOutputs('*'))).toEqual(
      expect.arrayContaining(['ApiUrl', 'TokenIssuer', 'AlarmTopicArn']),
    );
    expect(cn().template.findOutputs('UserPoolId')).toEqual({});
  });

  it('has no X-Ray: Lambda offers no X-Ray integration in the China regions', () => {
    for (const [, fn] of resourcesOf(cn().template, 'AWS::Lambda::Function'))
      expect(fn.Properties.TracingConfig).toBeUndefined();
    for (const [, sm] of resourcesOf(cn().template, 'AWS::StepFunctions::StateMachine'))
      expect(
        (sm.Properties.TracingConfiguration as { Enabled?: boolean } | undefined)?.Enabled ?? false,
      ).toBe(false);
    expect(JSON.stringify(cn().template.toJSON())).not.toContain('xray:');
    // …where the global template traces.
    expect(JSON.stringify(synths.aws.template.toJSON())).toContain('xray:PutTraceSegments');
  });

  it('verifies tokens at the gateway against the external issuer and audience', () => {
    cn().template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    cn().template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: CHINA_CONTEXT.oidcIssuer, Audience: [CHINA_CONTEXT.oidcAudience] },
    });
  });

  it("gives every function the issuer's settings, which the app's config loader reads as given", () => {
    for (const name of Object.keys(FUNCTIONS) as HttpFunctionName[]) {
      const env = envOf(name);
      expect(env, name).toMatchObject({
        TOKEN_ISSUER: CHINA_CONTEXT.oidcIssuer,
        TOKEN_AUDIENCE: CHINA_CONTEXT.oidcAudience,
        JWKS_URL: CHINA_CONTEXT.oidcJwksUrl,
        OIDC_AUTHORIZE_URL: CHINA_CONTEXT.oidcAuthorizeUrl,
        OIDC_TOKEN_URL: CHINA_CONTEXT.oidcTokenUrl,
      });
      expect(env).not.toHaveProperty('USER_POOL_ID');
      expect(env).not.toHaveProperty('AUTH_BASE_URL');
      // Functions that write users learn that the issuer holds the accounts; the others cannot write them.
      if (FUNCTIONS[name].writesUsers) expect(env.EXTERNAL_ACCOUNTS, name).toBe('true');
      else expect(env, name).not.toHaveProperty('EXTERNAL_ACCOUNTS');

      // Resolved at deploy time: stand in for references with plausible values.
      const deployed = Object.fromEntries(
        Object.entries(env).map(([k, v]) => [
          k,
          typeof v === 'string' ? v : k.endsWith('_ARN') ? 'arn:aws-cn:service:cn-north-1:1:x' : 'resolved',
        ]),
      );
      const cfg = loadConfig({ ...deployed, AWS_REGION: 'cn-north-1' });
      expect(cfg.TOKEN_ISSUER).toBe(CHINA_CONTEXT.oidcIssuer);
      expect(cfg.JWKS_URL).toBe(CHINA_CONTEXT.oidcJwksUrl);
      expect(cfg.oidc).toEqual({
        authorizeUrl: CHINA_CONTEXT.oidcAuthorizeUrl,
        tokenUrl: CHINA_CONTEXT.oidcTokenUrl,
        clientId: CHINA_CONTEXT.oidcAudience,
      });
      expect(cfg.EXTERNAL_ACCOUNTS).toBe(FUNCTIONS[name].writesUsers);
    }
  });

  it('lets functions that write users write them with nothing to mirror; the others still cannot', async () => {
    const env = {
      AWS_REGION: 'cn-north-1',
      TABLE_NAME: 'jixiao',
      BUCKET_NAME: 'jixiao-data',
      CURSOR_SECRET: 'a-cursor-secret-of-32-characters',
      TOKEN_ISSUER: CHINA_CONTEXT.oidcIssuer,
      TOKEN_AUDIENCE: CHINA_CONTEXT.oidcAudience,
      JWKS_URL: CHINA_CONTEXT.oidcJwksUrl,
      OIDC_AUTHORIZE_URL: CHINA_CONTEXT.oidcAuthorizeUrl,
      OIDC_TOKEN_URL: CHINA_CONTEXT.oidcTokenUrl,
    };
    expect((await buildCloudDeps({ ...env, EXTERNAL_ACCOUNTS: 'true' })).directory).toBe(
      tableBackedDirectory,
    );
    const tenant = { code: '110101', provinceCode: '110000' };
    await expect(
      (await buildCloudDeps(env)).directory.upsertUser(
        tenant,
        {} as Parameters<IdentityDirectory['upsertUser']>[1],
      ),
    ).rejects.toThrow(/does not manage sign-in accounts/);
    // ...yet they know a caller's record: the external issuer signs its id as `sub`.
    const caller = { sub: 'hrb-admin', username: 'someone-else', name: '李强', roles: [] };
    expect((await buildCloudDeps(env)).directory.userIdOf(caller)).toBe('hrb-admin');
    // Without Cognito's base URL the loader needs both of the issuer's endpoints.
    const { OIDC_TOKEN_URL: _, ...partial } = env;
    expect(() => loadConfig(partial)).toThrow(/AUTH_BASE_URL, or OIDC_AUTHORIZE_URL and OIDC_TOKEN_URL/);
  });
});

describe('the aws-cn cdk-nag acknowledgments', () => {
  let acks: Acknowledgment[] = [];
  let s: Synth;
  beforeAll(() => {
    ({ synthed: s, acks } = synthRecordingAcknowledgments(CHINA_CONTEXT));
  }, 120_000);
  afterAll(() => s?.cleanup());

  it('are each needed, and cover every finding', () => {
    const raised = new AwsSolutionsChecks()
      .validateScope(s.app)
      .violations.flatMap((v) =>
        v.violatingResources.map((r) => ({ rule: v.ruleName, path: r.constructPath ?? '' })),
      );
    const under = (a: Acknowledgment) => (f: { rule: string; path: string }) =>
      f.rule === a.id && (f.path === a.path || f.path.startsWith(`${a.path}/`));
    for (const a of acks) expect(raised.some(under(a)), `unused ${a.id} on ${a.path}`).toBe(true);
    for (const f of raised)
      expect(
        acks.some((a) => under(a)(f)),
        `unacknowledged ${f.rule} @ ${f.path}`,
      ).toBe(true);
  });

  it('differ from the global ones only where China differs: no Cognito, no X-Ray, an untraced batch', () => {
    expect([...new Set(acks.map((a) => a.id.replace(/\[.*$/, '')))].sort()).toEqual([
      'AwsSolutions-APIG4',
      'AwsSolutions-IAM5',
      'AwsSolutions-SF2',
      'AwsSolutions-SMG4',
    ]);
    expect(acks.filter((a) => a.id === 'AwsSolutions-SF2').map((a) => a.path)).toEqual([
      'Jixiao/Evaluation/StateMachine',
    ]);
    // Resource "*" stays only for the state machine's log delivery: no function has X-Ray to allow.
    expect(acks.filter((a) => a.id === 'AwsSolutions-IAM5[Resource::*]').map((a) => a.path)).toEqual([
      'Jixiao/Evaluation/StateMachine/Role',
    ]);
  });
});

describe('the deployment context', () => {
  const profileOf = (context: Record<string, unknown>) => deploymentProfile(new App({ context }).node);

  it('is global with Cognito and X-Ray by default', () => {
    expect(profileOf({})).toEqual({ partition: 'aws', tracing: true });
  });

  it('is China with the external issuer and no tracing for -c partition=aws-cn', () => {
    const { partition, ...issuer } = CHINA_CONTEXT;
    expect(profileOf(CHINA_CONTEXT)).toEqual({
      partition,
      tracing: false,
      externalIssuer: {
        issuer: issuer.oidcIssuer,
        audience: issuer.oidcAudience,
        jwksUrl: issuer.oidcJwksUrl,
        authorizeUrl: issuer.oidcAuthorizeUrl,
        tokenUrl: issuer.oidcTokenUrl,
      },
    });
  });

  it('refuses aws-cn without an issuer, a partial issuer, a non-https issuer, an unknown partition', () => {
    expect(() => profileOf({ partition: 'aws-cn' })).toThrow(/aws-cn has no Cognito user pools/);
    expect(() => profileOf({ ...CHINA_CONTEXT, oidcJwksUrl: undefined })).toThrow(/needs all of/);
    expect(() => profileOf({ ...CHINA_CONTEXT, oidcIssuer: 'http://sso.example.gov.cn' })).toThrow(
      /oidcIssuer/,
    );
    expect(() => profileOf({ partition: 'aws-us-gov' })).toThrow(/partition/);
  });
});
