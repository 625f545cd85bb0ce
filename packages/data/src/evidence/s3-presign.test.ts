import { describe, expect, it } from 'vitest';
import { bucketBaseUrl, presignGet } from './s3-presign';

describe('presigned GET (SigV4 query form)', () => {
  it('matches the example of the S3 documentation (Authenticating Requests: Using Query Parameters)', () => {
    const legacy = presignGet({
      baseUrl: 'https://examplebucket.s3.amazonaws.com',
      key: 'test.txt',
      region: 'us-east-1',
      credentials: {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      },
      now: new Date('2013-05-24T00:00:00Z'),
      expiresSeconds: 86400,
    });
    expect(legacy).toMatch(
      /^https:\/\/examplebucket\.s3\.amazonaws\.com\/test\.txt\?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=/,
    );
    expect(legacy.split('X-Amz-Signature=')[1]).toBe(
      'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    );
  });

  it('signs the version, the disposition and a session token, and encodes keys segment by segment', () => {
    const url = new URL(
      presignGet({
        baseUrl: bucketBaseUrl('jixiao-data', 'cn-north-1'),
        key: 'tenants/230100/evidence/a b/文件',
        region: 'cn-north-1',
        credentials: { accessKeyId: 'AK', secretAccessKey: 'SK', sessionToken: 'TOKEN' },
        now: new Date('2026-01-10T00:00:00Z'),
        expiresSeconds: 300,
        query: { versionId: 'v1', 'response-content-disposition': "attachment; filename*=UTF-8''%E6%96%87" },
      }),
    );
    expect(url.host).toBe('jixiao-data.s3.cn-north-1.amazonaws.com.cn');
    expect(url.pathname).toBe('/tenants/230100/evidence/a%20b/%E6%96%87%E4%BB%B6');
    expect(url.searchParams.get('versionId')).toBe('v1');
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe('TOKEN');
    expect(url.searchParams.get('response-content-disposition')).toBe(
      "attachment; filename*=UTF-8''%E6%96%87",
    );
    expect(bucketBaseUrl('b', 'cn-north-1', 'http://127.0.0.1:4569/')).toBe('http://127.0.0.1:4569/b');
  });
});
