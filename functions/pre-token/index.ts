/**
 * Cognito pre-token-generation trigger, event version V2_0. Copies the user's scope from custom
 * attributes into plain claims of both the ID and the access token, so the API reads `tenant`,
 * `roles`, `unit`, `province` and `name` the same way from Cognito as from the local dev issuer.
 */
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';

/**
 * Claim values. `@types/aws-lambda` types them as strings only, but V2_0 events accept arrays too,
 * so `roles` is a real JSON array in the token.
 */
export type Claims = Record<string, string | string[]>;

export interface TokenOverrides {
  idTokenGeneration: { claimsToAddOrOverride: Claims };
  accessTokenGeneration: { claimsToAddOrOverride: Claims };
}

export type PreTokenResult = Omit<PreTokenGenerationV2TriggerEvent, 'response'> & {
  response: { claimsAndScopeOverrideDetails: TokenOverrides };
};

/** Splits `"a, b,,c"` into `['a', 'b', 'c']`, dropping blanks and duplicates. */
export const parseRoles = (value: string | undefined): string[] => [
  ...new Set(
    (value ?? '')
      .split(',')
      .map((role) => role.trim())
      .filter((role) => role.length > 0),
  ),
];

/** Claims to add, from the user's attributes. Attributes that are absent or blank are left out. */
export const claimsFrom = (attributes: Record<string, string | undefined>): Claims => {
  const claims: Claims = {};
  const copy = (claim: string, attribute: string) => {
    const value = attributes[attribute]?.trim();
    if (value) claims[claim] = value;
  };
  copy('tenant', 'custom:tenant');
  claims.roles = parseRoles(attributes['custom:roles']);
  copy('unit', 'custom:unit');
  copy('province', 'custom:province');
  copy('name', 'name');
  return claims;
};

export const handler = async (event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenResult> => {
  const claims = claimsFrom(event.request.userAttributes);
  return {
    ...event,
    response: {
      claimsAndScopeOverrideDetails: {
        idTokenGeneration: { claimsToAddOrOverride: { ...claims } },
        accessTokenGeneration: { claimsToAddOrOverride: { ...claims } },
      },
    },
  };
};
