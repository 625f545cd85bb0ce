import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { claimsFrom, handler, parseRoles } from './index';

const event = (userAttributes: Record<string, string>): PreTokenGenerationV2TriggerEvent => ({
  version: '2',
  triggerSource: 'TokenGeneration_HostedAuth',
  region: 'cn-north-1',
  userPoolId: 'cn-north-1_example',
  userName: 'zhang.san',
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client-id' },
  request: {
    userAttributes,
    groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [] },
    scopes: [],
  },
  response: { claimsAndScopeOverrideDetails: {} },
});

describe('parseRoles', () => {
  it('splits on commas, trims, drops blanks and duplicates', () => {
    expect(parseRoles(' unit_admin, reviewer,,unit_admin ,')).toEqual(['unit_admin', 'reviewer']);
  });

  it('gives an empty list for a missing or blank attribute', () => {
    expect(parseRoles(undefined)).toEqual([]);
    expect(parseRoles('  ')).toEqual([]);
  });
});

describe('claimsFrom', () => {
  it('leaves out absent and blank attributes but always sets roles', () => {
    expect(claimsFrom({ 'custom:tenant': '230100', 'custom:unit': '  ' })).toEqual({
      tenant: '230100',
      roles: [],
    });
  });
});

describe('handler', () => {
  it('copies tenant, roles, unit, province and name into ID and access token claims', async () => {
    const result = await handler(
      event({
        sub: 'a1b2',
        name: '张三',
        'custom:tenant': '230100',
        'custom:roles': 'unit_admin,reviewer',
        'custom:unit': 'U001',
        'custom:province': '230000',
        email: 'zhang@example.gov.cn',
      }),
    );
    const expected = {
      tenant: '230100',
      roles: ['unit_admin', 'reviewer'],
      unit: 'U001',
      province: '230000',
      name: '张三',
    };
    const details = result.response.claimsAndScopeOverrideDetails;
    expect(details.idTokenGeneration.claimsToAddOrOverride).toEqual(expected);
    expect(details.accessTokenGeneration.claimsToAddOrOverride).toEqual(expected);
  });

  it('does not copy other attributes, and keeps the rest of the event', async () => {
    const input = event({
      'custom:tenant': '230100',
      email: 'x@example.gov.cn',
      phone_number: '+8613800000000',
    });
    const result = await handler(input);
    const claims = result.response.claimsAndScopeOverrideDetails.accessTokenGeneration.claimsToAddOrOverride;
    expect(Object.keys(claims).sort()).toEqual(['roles', 'tenant']);
    expect(result.userPoolId).toBe(input.userPoolId);
    expect(result.request).toEqual(input.request);
  });

  it('gives each token its own claims object', async () => {
    const result = await handler(event({ 'custom:tenant': '230100' }));
    const { idTokenGeneration, accessTokenGeneration } = result.response.claimsAndScopeOverrideDetails;
    expect(idTokenGeneration.claimsToAddOrOverride).not.toBe(accessTokenGeneration.claimsToAddOrOverride);
  });
});
