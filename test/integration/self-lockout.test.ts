import {
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminUpdateUserAttributesCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { stacksForBothIssuers } from '../support/both-issuers';
import type { TestStack } from '../support/stack';

/**
 * The guard that keeps a tenant admin from locking themselves out, with the identities of both
 * deployments: the embedded issuer's (`sub` is the user record's id) and Cognito's (a generated
 * `sub`; the record's id is the account's username, as the Cognito directory creates it).
 */
const both = stacksForBothIssuers();
const { cognito } = both;
let cloud: TestStack;
let local: TestStack;
beforeAll(() => {
  ({ cloud, local } = both);
});

/** hrb-admin as Cognito signs them in: the access token's `sub` is not the record's id. */
const cognitoAdmin = () =>
  cloud.issuer.sign({
    sub: '7d3f5a1e-2b9c-4e8a-9f61-0c2d4b6a8e10',
    username: 'hrb-admin',
    name: '王丽（市考核办）',
    tenant: '230100',
    roles: ['tenant_admin'],
  });

const patch = async (s: TestStack, token: string, id: string, body: Record<string, unknown>) => {
  const { version } = (await s.call('GET', `/v1/users/${id}`, { token })).body;
  return s.call('PATCH', `/v1/users/${id}`, { token, body: { version, ...body } });
};

describe.each([
  ['Cognito', () => cloud, cognitoAdmin],
  ['the embedded issuer', () => local, () => local.token('230100', 'hrb-admin')],
])('an admin signed in by %s', (_, stack, token) => {
  it('cannot remove their own admin role (409 self_lockout)', async () => {
    const r = await patch(stack(), await token(), 'hrb-admin', { roles: ['observer'] });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('self_lockout');
    expect(r.body.message).toEqual({
      zh: '不能移除自己的管理员角色。',
      en: 'You cannot remove your own admin role.',
    });
  });

  it('cannot disable their own account', async () => {
    const r = await patch(stack(), await token(), 'hrb-admin', { active: false });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('self_lockout');
    expect(r.body.message.en).toBe('You cannot disable your own account.');
    const me = await stack().call('GET', '/v1/users/hrb-admin', { token: await token() });
    expect(me.body).toMatchObject({ roles: ['tenant_admin'], active: true });
  });

  it('may still change their own name, and another user’s roles and status', async () => {
    expect((await patch(stack(), await token(), 'hrb-admin', { name: '王丽' })).status).toBe(200);
    const other = await patch(stack(), await token(), 'hrb-fgw', { active: false });
    expect(other.status).toBe(200);
    expect(other.body.active).toBe(false);
  });
});

describe('the Cognito account behind the change', () => {
  it('is disabled for another user, and left alone when the admin is refused', async () => {
    cognito.resetHistory();
    await patch(cloud, await cognitoAdmin(), 'hrb-admin', { active: false });
    expect(cognito.commandCalls(AdminDisableUserCommand)).toEqual([]);
    await patch(cloud, await cognitoAdmin(), 'hrb-jyj', { active: false });
    const disabled = cognito.commandCalls(AdminDisableUserCommand).map((c) => c.args[0].input.Username);
    expect(disabled).toEqual(['hrb-jyj']);
    expect(cognito.commandCalls(AdminUpdateUserAttributesCommand).length).toBe(1);
    expect(cognito.commandCalls(AdminEnableUserCommand)).toEqual([]);
  });
});
