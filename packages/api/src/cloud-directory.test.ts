import { describe, expect, it } from 'vitest';
import { buildCloudDeps } from './cloud';

// A Cognito deployment: the hosted sign-in's base URL, no pool on this function (it writes no users).
const env = {
  AWS_REGION: 'cn-north-1',
  TABLE_NAME: 'jixiao',
  BUCKET_NAME: 'jixiao-data',
  CURSOR_SECRET: 'a-cursor-secret-of-32-characters',
  TOKEN_ISSUER: 'https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_Abc123',
  TOKEN_AUDIENCE: 'client',
  AUTH_BASE_URL: 'https://jixiao.auth.cn-north-1.amazoncognito.com',
};
const caller = { sub: '7d3f5a1e-2b9c-4e8a', username: 'hrb-expert', name: '王芳', roles: [] };

describe("a cloud function's directory", () => {
  it("names a Cognito caller's record by username even where it may not write accounts", async () => {
    const { directory } = await buildCloudDeps(env);
    expect(directory.userIdOf(caller)).toBe('hrb-expert');
    expect(directory.userIdOf({ ...caller, username: undefined })).toBeUndefined();
    await expect(
      directory.upsertUser({ code: '230100', provinceCode: '230000' }, {} as never),
    ).rejects.toThrow(/does not manage sign-in accounts/);
  });

  it('where it writes accounts, names them the same way', async () => {
    const { directory } = await buildCloudDeps({ ...env, USER_POOL_ID: 'cn-north-1_Abc123' });
    expect(directory.userIdOf(caller)).toBe('hrb-expert');
  });
});
