import { App } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInEnvironment } from '../../infra/api/functions';
import type { HttpFunctionName } from '../../infra/api/routes';
import { deploymentProfile } from '../../infra/profile';
import { loadConfig } from '../../packages/api/src/config';
import { CHINA_CONTEXT, resourcesOf, type Synth, synth } from './synth';

/**
 * What signing out needs from the deployment (#14 item 1): Cognito's global sign-out for the
 * functions that end users' sessions, and an external issuer's logout page passed through to the
 * app's config when the context names one.
 */
const profileOf = (context: Record<string, unknown>) => deploymentProfile(new App({ context }).node);
const LOGOUT = 'https://sso.example.gov.cn/oidc/logout';

describe("an external issuer's logout page", () => {
  it('reaches the functions as OIDC_LOGOUT_URL and the console as its logout page', () => {
    const issuer = profileOf({ ...CHINA_CONTEXT, oidcLogoutUrl: LOGOUT }).externalIssuer!;
    expect(issuer.logoutUrl).toBe(LOGOUT);
    const env = signInEnvironment({ kind: 'external', issuer });
    expect(env.OIDC_LOGOUT_URL).toBe(LOGOUT);
    const cfg = loadConfig({
      ...env,
      TABLE_NAME: 'jixiao',
      BUCKET_NAME: 'b-jixiao',
      CURSOR_SECRET: 'x'.repeat(32),
    });
    expect(cfg.oidc.logout).toEqual({ url: LOGOUT, returnParam: 'post_logout_redirect_uri' });
  });

  it('is optional, and must be https like the other endpoints', () => {
    const issuer = profileOf(CHINA_CONTEXT).externalIssuer!;
    expect(issuer).not.toHaveProperty('logoutUrl');
    expect(signInEnvironment({ kind: 'external', issuer })).not.toHaveProperty('OIDC_LOGOUT_URL');
    expect(() => profileOf({ ...CHINA_CONTEXT, oidcLogoutUrl: 'http://sso.example.gov.cn/logout' })).toThrow(
      /oidcLogoutUrl/,
    );
  });
});

describe('with Cognito', () => {
  let s: Synth;
  beforeAll(() => {
    s = synth();
  });
  afterAll(() => s.cleanup());

  const cognitoActions = (name: HttpFunctionName) => {
    const role = s.idOf(s.stack.api.functions[name].role);
    return resourcesOf(s.template, 'AWS::IAM::Policy')
      .filter(([, p]) => JSON.stringify(p.Properties.Roles).includes(role))
      .flatMap(
        ([, p]) => (p.Properties.PolicyDocument as { Statement: { Action: string | string[] }[] }).Statement,
      )
      .flatMap((st) => [st.Action].flat())
      .filter((a) => a.startsWith('cognito-idp:'));
  };

  it('lets the functions that end sessions (user changes, sign-out) sign users out globally, and no other', () => {
    expect(cognitoActions('api')).toContain('cognito-idp:AdminUserGlobalSignOut');
    expect(cognitoActions('console')).toContain('cognito-idp:AdminUserGlobalSignOut');
    expect(cognitoActions('indicators')).toEqual([]);
    expect(cognitoActions('files')).toEqual([]);
  });
});
