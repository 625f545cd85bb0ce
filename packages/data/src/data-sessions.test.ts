import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DataSessions, dataSessions, sessionTags } from './data-sessions';

const ROLES = {
  tenant: 'arn:aws-cn:iam::111122223333:role/tenant-data',
  province: 'arn:aws-cn:iam::111122223333:role/province-data',
  platform: 'arn:aws-cn:iam::111122223333:role/platform-data',
};
const CFG = {
  region: 'cn-north-1',
  tableName: 'jixiao',
  bucketName: 'jixiao-data',
  cursorSecret: 'x'.repeat(32),
};

describe('sessionTags', () => {
  it('tags a city with itself, its province, its city and its counties’ four digits', () => {
    expect(sessionTags({ kind: 'tenant', tenant: '230100' })).toEqual([
      { Key: 'tenant', Value: '230100' },
      { Key: 'province', Value: '230000' },
      { Key: 'city', Value: '230100' },
      { Key: 'counties', Value: '2301' },
    ]);
  });

  it('gives a county its city and province but no counties; a province session only its province', () => {
    expect(sessionTags({ kind: 'tenant', tenant: '230124' })).toEqual([
      { Key: 'tenant', Value: '230124' },
      { Key: 'province', Value: '230000' },
      { Key: 'city', Value: '230100' },
    ]);
    expect(sessionTags({ kind: 'tenant', tenant: '230000' }).map((t) => t.Key)).toEqual([
      'tenant',
      'province',
      'city',
    ]);
    expect(sessionTags({ kind: 'province', province: '230000' })).toEqual([
      { Key: 'province', Value: '230000' },
    ]);
    expect(sessionTags({ kind: 'platform' })).toEqual([]);
  });

  it('refuses a tenant that is not six digits (a tag could not widen a key pattern anyway)', () => {
    for (const tenant of ['23010', '2301000', '23010X', '*', ''])
      expect(() => sessionTags({ kind: 'tenant', tenant })).toThrow(/invalid tenant code/);
  });
});

describe('dataSessions', () => {
  const sts = mockClient(STSClient);
  let now: Date;
  let sessions: DataSessions;
  let issued: number;

  beforeEach(() => {
    sts.reset();
    issued = 0;
    now = new Date('2026-12-01T00:00:00Z');
    sts.on(AssumeRoleCommand).callsFake(() => {
      issued++;
      return {
        Credentials: {
          AccessKeyId: `ASIA${issued}`,
          SecretAccessKey: 'secret',
          SessionToken: `token-${issued}`,
          Expiration: new Date(now.getTime() + 900_000),
        },
      };
    });
    sessions = dataSessions({
      cfg: CFG,
      roles: ROLES,
      now: () => now,
      maxLayers: 2,
      sts: async () =>
        new STSClient({
          region: 'cn-north-1',
          credentials: { accessKeyId: 'base', secretAccessKey: 'base' },
        }),
    });
  });
  afterEach(() => sts.reset());

  /** The credentials each SDK client of a layer signs with (resolved as a request would). */
  const credentialsOf = async (layer: ReturnType<DataSessions['forScope']>) => {
    const dynamo = await layer.store.doc.client();
    return (dynamo.config.credentials as () => Promise<{ accessKeyId: string; sessionToken?: string }>)();
  };

  it("assumes the tenant role with the tenant's tags, for 900 s, named for the tenant", async () => {
    const c = await credentialsOf(sessions.forScope({ kind: 'tenant', tenant: '110100' }));
    expect(c).toMatchObject({ accessKeyId: 'ASIA1', sessionToken: 'token-1' });
    const calls = sts.commandCalls(AssumeRoleCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({
      RoleArn: ROLES.tenant,
      RoleSessionName: 'jixiao-t-110100',
      DurationSeconds: 900,
      Tags: sessionTags({ kind: 'tenant', tenant: '110100' }),
    });
  });

  it('assumes the province and platform roles for their scopes', async () => {
    await credentialsOf(sessions.forScope({ kind: 'province', province: '230000' }));
    await credentialsOf(sessions.forScope({ kind: 'platform' }));
    expect(sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input)).toEqual([
      {
        RoleArn: ROLES.province,
        RoleSessionName: 'jixiao-p-230000',
        DurationSeconds: 900,
        Tags: [{ Key: 'province', Value: '230000' }],
      },
      { RoleArn: ROLES.platform, RoleSessionName: 'jixiao-platform', DurationSeconds: 900, Tags: [] },
    ]);
  });

  it('keeps one layer and one session per tenant: DynamoDB and S3 share it, requests reuse it', async () => {
    const a = sessions.forScope({ kind: 'tenant', tenant: '110100' });
    expect(sessions.forScope({ kind: 'tenant', tenant: '110100' })).toBe(a);
    await credentialsOf(a);
    await credentialsOf(a);
    const s3 = await (
      a.blobs as unknown as { s3: () => Promise<{ config: { credentials: () => Promise<unknown> } }> }
    ).s3();
    expect(await s3.config.credentials()).toMatchObject({ accessKeyId: 'ASIA1' });
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(1);
    // Another tenant: its own session, with its own tags.
    const b = sessions.forScope({ kind: 'tenant', tenant: '230100' });
    expect(b).not.toBe(a);
    expect(await credentialsOf(b)).toMatchObject({ accessKeyId: 'ASIA2' });
    expect(sts.commandCalls(AssumeRoleCommand)[1]!.args[0].input.Tags).toContainEqual({
      Key: 'tenant',
      Value: '230100',
    });
  });

  it('renews a session five minutes before it expires, not earlier', async () => {
    const a = sessions.forScope({ kind: 'tenant', tenant: '110100' });
    await credentialsOf(a);
    now = new Date(now.getTime() + 599_000); // 301 s left
    expect(await credentialsOf(a)).toMatchObject({ accessKeyId: 'ASIA1' });
    now = new Date(now.getTime() + 2_000); // 299 s left
    expect(await credentialsOf(a)).toMatchObject({ accessKeyId: 'ASIA2' });
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(2);
  });

  it('forgets a failed assume, so the next request tries again', async () => {
    sts.on(AssumeRoleCommand).rejectsOnce(Object.assign(new Error('denied'), { name: 'AccessDenied' }));
    const a = sessions.forScope({ kind: 'tenant', tenant: '110100' });
    await expect(credentialsOf(a)).rejects.toThrow('denied');
    sts.on(AssumeRoleCommand).resolves({
      Credentials: {
        AccessKeyId: 'ASIA9',
        SecretAccessKey: 's',
        SessionToken: 't',
        Expiration: new Date(now.getTime() + 900_000),
      },
    });
    expect(await credentialsOf(a)).toMatchObject({ accessKeyId: 'ASIA9' });
  });

  it('keeps at most maxLayers layers, dropping the least recently used', () => {
    const a = sessions.forScope({ kind: 'tenant', tenant: '110100' });
    const b = sessions.forScope({ kind: 'tenant', tenant: '230100' });
    expect(sessions.forScope({ kind: 'tenant', tenant: '110100' })).toBe(a); // a is now the most recent
    sessions.forScope({ kind: 'tenant', tenant: '110101' }); // drops b
    expect(sessions.forScope({ kind: 'tenant', tenant: '110100' })).toBe(a);
    expect(sessions.forScope({ kind: 'tenant', tenant: '230100' })).not.toBe(b);
  });
});
