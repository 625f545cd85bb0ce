import { loadConfig } from '@jixiao/api';
import { describe, expect, it } from 'vitest';
import { signOutDestination } from './sign-in-flow';

/**
 * Where the browser goes after the console signs out, from the deployment's configuration: the
 * issuer's logout page (Cognito's hosted UI, or an external issuer's `end_session_endpoint`), and
 * from there back to the console; without a logout page, the console's sign-in page.
 */
const base = {
  AWS_REGION: 'cn-north-1',
  TABLE_NAME: 'jixiao',
  BUCKET_NAME: 'jixiao-data',
  CURSOR_SECRET: 'a-cursor-secret-of-32-characters',
};
const cognito = {
  ...base,
  TOKEN_ISSUER: 'https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_Abc123',
  TOKEN_AUDIENCE: 'client-1',
  AUTH_BASE_URL: 'https://jixiao.auth.cn-north-1.amazoncognito.com/',
};
const external = {
  ...base,
  TOKEN_ISSUER: 'https://sso.example.gov.cn/oidc',
  TOKEN_AUDIENCE: 'jixiao-console',
  OIDC_AUTHORIZE_URL: 'https://sso.example.gov.cn/oidc/authorize',
  OIDC_TOKEN_URL: 'https://sso.example.gov.cn/oidc/token',
  EXTERNAL_ACCOUNTS: 'true',
};
const REQUEST = 'https://jixiao.example.gov.cn/console/sign-out';

describe('the destination after signing out', () => {
  it("is Cognito's hosted-UI logout, with the client and the console's registered logout URL", () => {
    const to = new URL(signOutDestination(REQUEST, loadConfig(cognito).oidc, '/console/sign-in'));
    expect(`${to.origin}${to.pathname}`).toBe('https://jixiao.auth.cn-north-1.amazoncognito.com/logout');
    expect([...to.searchParams]).toEqual([
      ['client_id', 'client-1'],
      ['logout_uri', 'https://jixiao.example.gov.cn/console'],
    ]);
  });

  it("is an external issuer's end_session_endpoint, the OpenID way, when one is configured", () => {
    const cfg = loadConfig({
      ...external,
      OIDC_LOGOUT_URL: 'https://sso.example.gov.cn/oidc/logout?realm=hlj',
    });
    const to = new URL(signOutDestination(REQUEST, cfg.oidc, '/console/sign-in'));
    expect(`${to.origin}${to.pathname}`).toBe('https://sso.example.gov.cn/oidc/logout');
    expect(Object.fromEntries(to.searchParams)).toEqual({
      realm: 'hlj',
      client_id: 'jixiao-console',
      post_logout_redirect_uri: 'https://jixiao.example.gov.cn/console',
    });
  });

  it('is the sign-in page when the external issuer has no logout page', () => {
    const cfg = loadConfig(external);
    expect(cfg.oidc.logout).toBeUndefined();
    expect(signOutDestination(REQUEST, cfg.oidc, '/console/sign-in')).toBe('/console/sign-in');
  });

  it('refuses a logout page that is not a URL, like every setting', () => {
    expect(() => loadConfig({ ...external, OIDC_LOGOUT_URL: 'not a url' })).toThrow(/OIDC_LOGOUT_URL/);
  });
});
