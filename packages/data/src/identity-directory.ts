import type { AttributeType, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Identity, User } from '@jixiao/core';
import { lazy } from './lazy';

/**
 * The Cognito SDK module, loaded on first use: only user writes need it, and on Lambda it is one of
 * the slowest modules to load at a cold start.
 */
const cognitoSdk = () => import('@aws-sdk/client-cognito-identity-provider');

/**
 * The sign-in accounts behind tenant users. The table is the source of truth for who a user is
 * and what they may do; the directory mirrors it into the identity provider so that the user can
 * sign in and their token carries the same tenant, roles and unit.
 */
export interface IdentityDirectory {
  /** Creates the account if missing, else brings its attributes and enabled state up to date. */
  upsertUser(tenant: { code: string; provinceCode: string }, user: User): Promise<void>;
  /**
   * The id of the user record a verified caller signs in as (undefined: none known). The directory
   * names the accounts, so only it knows which claim carries the record's id.
   */
  userIdOf(identity: Identity): string | undefined;
  /**
   * Ends the account's sessions at the issuer, where it has a way to (Cognito: its refresh tokens
   * stop working). Absent: the issuer keeps nothing we can end (the embedded issuer; an external
   * one, whose sign-out is the browser's visit to its logout page). Our own refusal of the user's
   * older tokens does not depend on it (see the API's session guard).
   */
  signOut?(userId: string): Promise<void>;
}

/**
 * The embedded stack's issuer reads users straight from the table, so there is nothing to mirror,
 * and it signs the record's id as `sub`.
 */
export const tableBackedDirectory: IdentityDirectory = {
  upsertUser: async () => {},
  userIdOf: (identity) => identity.sub,
};

/** Mainland mobile numbers as E.164, which Cognito requires. */
const e164 = (phone: string) => (phone.startsWith('+') ? phone : `+86${phone}`);

/**
 * Cognito generates each account's `sub`; `upsertUser` creates the account with the record's id as
 * its username, which the pool's tokens carry as `username` (access) or `cognito:username` (ID).
 */
const cognitoUserIdOf = (identity: Identity) => identity.username;

/**
 * For a function that serves callers but may not write sign-in accounts (it has no pool
 * permissions): it still knows which claim names a caller's record, from who signs the tokens
 * (Cognito: `username`; an external issuer, like the embedded one: `sub`). Writing refuses.
 */
export const callersOnlyDirectory = (issuer: 'cognito' | 'external'): IdentityDirectory => ({
  upsertUser: async () => {
    throw new Error('this function does not manage sign-in accounts (no USER_POOL_ID)');
  },
  userIdOf: issuer === 'cognito' ? cognitoUserIdOf : tableBackedDirectory.userIdOf,
});

export function createCognitoDirectory(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
): IdentityDirectory {
  return {
    userIdOf: cognitoUserIdOf,
    async signOut(userId) {
      const { AdminUserGlobalSignOutCommand } = await cognitoSdk();
      try {
        await client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: userId }));
      } catch (e) {
        // No account (e.g. created before the pool): nothing to end.
        if ((e as { name?: string }).name !== 'UserNotFoundException') throw e;
      }
    },
    async upsertUser(tenant, user) {
      const {
        AdminCreateUserCommand,
        AdminDeleteUserAttributesCommand,
        AdminDisableUserCommand,
        AdminEnableUserCommand,
        AdminGetUserCommand,
        AdminUpdateUserAttributesCommand,
      } = await cognitoSdk();
      const wanted: Record<string, string | undefined> = {
        name: user.name,
        email: user.email,
        phone_number: user.phone ? e164(user.phone) : undefined,
        'custom:tenant': tenant.code,
        'custom:roles': user.roles.join(','),
        'custom:unit': user.unit,
        'custom:province': user.roles.includes('provincial_analyst') ? tenant.provinceCode : undefined,
      };
      const present: AttributeType[] = Object.entries(wanted)
        .filter((e): e is [string, string] => e[1] !== undefined)
        .map(([Name, Value]) => ({ Name, Value }));
      if (user.email) present.push({ Name: 'email_verified', Value: 'true' });
      const absent = Object.entries(wanted)
        .filter(([, v]) => v === undefined)
        .map(([k]) => k);

      const exists = await client
        .send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: user.id }))
        .then(() => true)
        .catch((e: { name?: string }) => {
          if (e.name === 'UserNotFoundException') return false;
          throw e;
        });
      if (!exists) {
        await client.send(
          new AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username: user.id,
            UserAttributes: present,
            DesiredDeliveryMediums: user.email ? ['EMAIL'] : user.phone ? ['SMS'] : undefined,
          }),
        );
      } else {
        await client.send(
          new AdminUpdateUserAttributesCommand({
            UserPoolId: userPoolId,
            Username: user.id,
            UserAttributes: present,
          }),
        );
        if (absent.length) {
          await client.send(
            new AdminDeleteUserAttributesCommand({
              UserPoolId: userPoolId,
              Username: user.id,
              UserAttributeNames: absent,
            }),
          );
        }
      }
      await client.send(
        user.active
          ? new AdminEnableUserCommand({ UserPoolId: userPoolId, Username: user.id })
          : new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: user.id }),
      );
    },
  };
}

/** The Cognito directory of a user pool, with its client made on first use (see `cognitoSdk`). */
export function lazyCognitoDirectory(region: string, userPoolId: string): IdentityDirectory {
  const directory = lazy(() =>
    cognitoSdk().then(({ CognitoIdentityProviderClient }) =>
      createCognitoDirectory(new CognitoIdentityProviderClient({ region }), userPoolId),
    ),
  );
  return {
    async upsertUser(tenant, user) {
      return (await directory()).upsertUser(tenant, user);
    },
    async signOut(userId) {
      return (await directory()).signOut?.(userId);
    },
    userIdOf: cognitoUserIdOf,
  };
}
