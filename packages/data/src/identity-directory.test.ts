import {
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { User } from '@jixiao/core';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  callersOnlyDirectory,
  createCognitoDirectory,
  lazyCognitoDirectory,
  tableBackedDirectory,
} from './identity-directory';

const cognito = mockClient(CognitoIdentityProviderClient);
afterEach(() => cognito.reset());

const HARBIN = { code: '230100', provinceCode: '230000' };
const user = (extra: Partial<User> = {}): User => ({
  id: 'uabcdefghijklmnop',
  name: '李强',
  roles: ['unit_user'],
  unit: 'FGW',
  phone: '13900000001',
  active: true,
  version: 1,
  createdAt: '2026-11-27T00:00:00.000Z',
  updatedAt: '2026-11-27T00:00:00.000Z',
  ...extra,
});
const dir = () =>
  createCognitoDirectory(new CognitoIdentityProviderClient({ region: 'cn-north-1' }), 'cn-north-1_Abc123');
const notFound = Object.assign(new Error('User does not exist.'), { name: 'UserNotFoundException' });

describe('Cognito identity directory', () => {
  it('creates a missing account with the tenant, roles and unit as attributes, and enables it', async () => {
    cognito.on(AdminGetUserCommand).rejects(notFound);
    await dir().upsertUser(HARBIN, user());
    const create = cognito.commandCalls(AdminCreateUserCommand)[0]!.args[0].input;
    expect(create.Username).toBe('uabcdefghijklmnop');
    expect(create.DesiredDeliveryMediums).toEqual(['SMS']);
    expect(Object.fromEntries(create.UserAttributes!.map((a) => [a.Name, a.Value]))).toEqual({
      name: '李强',
      phone_number: '+8613900000001',
      'custom:tenant': '230100',
      'custom:roles': 'unit_user',
      'custom:unit': 'FGW',
    });
    expect(cognito.commandCalls(AdminEnableUserCommand)).toHaveLength(1);
  });

  it('updates an existing account, removes cleared attributes, and disables an inactive user', async () => {
    cognito.on(AdminGetUserCommand).resolves({ Username: 'uabcdefghijklmnop' });
    await dir().upsertUser(
      HARBIN,
      user({ unit: undefined, phone: undefined, roles: ['expert'], email: 'a@b.cn', active: false }),
    );
    const update = cognito.commandCalls(AdminUpdateUserAttributesCommand)[0]!.args[0].input;
    expect(update.UserAttributes).toContainEqual({ Name: 'custom:roles', Value: 'expert' });
    expect(update.UserAttributes).toContainEqual({ Name: 'email_verified', Value: 'true' });
    const removed = cognito.commandCalls(AdminDeleteUserAttributesCommand)[0]!.args[0].input
      .UserAttributeNames;
    expect(removed).toEqual(expect.arrayContaining(['phone_number', 'custom:unit', 'custom:province']));
    expect(cognito.commandCalls(AdminDisableUserCommand)).toHaveLength(1);
    expect(cognito.commandCalls(AdminCreateUserCommand)).toHaveLength(0);
  });

  it("gives a provincial analyst the tenant's province", async () => {
    cognito.on(AdminGetUserCommand).rejects(notFound);
    await dir().upsertUser(
      { code: '230000', provinceCode: '230000' },
      user({ roles: ['provincial_analyst'], unit: undefined }),
    );
    const attrs = cognito.commandCalls(AdminCreateUserCommand)[0]!.args[0].input.UserAttributes!;
    expect(attrs).toContainEqual({ Name: 'custom:province', Value: '230000' });
  });

  it('passes other failures on, for the API to map (throttling → 503)', async () => {
    cognito
      .on(AdminGetUserCommand)
      .rejects(Object.assign(new Error('slow down'), { name: 'TooManyRequestsException' }));
    await expect(dir().upsertUser(HARBIN, user())).rejects.toMatchObject({
      name: 'TooManyRequestsException',
    });
  });
});

describe('which user record a caller is', () => {
  const caller = {
    sub: '7d3f5a1e-2b9c-4e8a-9f61-0c2d4b6a8e10',
    name: '李强',
    roles: ['tenant_admin' as const],
  };

  it('is the account username under Cognito, the name upsertUser creates the account with', async () => {
    cognito.on(AdminGetUserCommand).rejects(notFound);
    await dir().upsertUser(HARBIN, user());
    const created = cognito.commandCalls(AdminCreateUserCommand)[0]!.args[0].input.Username;
    expect(dir().userIdOf({ ...caller, username: created! })).toBe('uabcdefghijklmnop');
    expect(
      lazyCognitoDirectory('cn-north-1', 'cn-north-1_Abc123').userIdOf({ ...caller, username: created! }),
    ).toBe('uabcdefghijklmnop');
    // Cognito's generated sub names no record, and a token without a username names none.
    expect(dir().userIdOf(caller)).toBeUndefined();
  });

  it("is the token's sub with the embedded issuer, which signs the record's id", () => {
    expect(tableBackedDirectory.userIdOf({ ...caller, sub: 'hrb-admin' })).toBe('hrb-admin');
  });

  it('is known to a function that may not write accounts, from who signs its tokens', async () => {
    const viaCognito = callersOnlyDirectory('cognito');
    expect(viaCognito.userIdOf({ ...caller, username: 'uabcdefghijklmnop' })).toBe('uabcdefghijklmnop');
    expect(viaCognito.userIdOf(caller)).toBeUndefined();
    expect(callersOnlyDirectory('external').userIdOf({ ...caller, sub: 'hrb-admin' })).toBe('hrb-admin');
    await expect(viaCognito.upsertUser(HARBIN, user())).rejects.toThrow(/does not manage sign-in accounts/);
    expect(cognito.commandCalls(AdminCreateUserCommand)).toHaveLength(0);
  });
});
