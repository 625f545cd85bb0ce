import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoDirectory } from '@jixiao/data';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll } from 'vitest';
import { startTestStack, type TestStack } from './stack';

/**
 * Two stacks for a suite that must hold with the identities of both deployments: `cloud` with the
 * Cognito directory (its admin API mocked: `cognito`), whose tokens carry a generated `sub` and the
 * record's id as `username`; `local` with the embedded issuer's (`sub` is the record's id).
 * Registers its own hooks; the stacks are there from the suite's first `beforeAll` on.
 */
export function stacksForBothIssuers() {
  const cognito = mockClient(CognitoIdentityProviderClient);
  cognito.on(AdminGetUserCommand).resolves({ Username: 'existing' });
  const both = { cognito } as { cognito: typeof cognito; cloud: TestStack; local: TestStack };
  beforeAll(async () => {
    const client = new CognitoIdentityProviderClient({
      region: 'cn-north-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    [both.cloud, both.local] = await Promise.all([
      startTestStack({ directory: createCognitoDirectory(client, 'cn-north-1_Test') }),
      startTestStack(),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([both.cloud?.stop(), both.local?.stop()]);
    cognito.restore();
  });
  return both;
}
