import { UPLOAD_MAX_BYTES } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { bodyLimitOf, FORM_FACTOR, MULTIPART_ALLOWANCE } from './body-limit';

const uploads = [{ method: 'POST', path: /^\/v1\/files$/, type: 'application/pdf', maxBytes: 1234 }];
const limit = (method: string, path: string, contentType?: string) =>
  bodyLimitOf({ method, path, contentType }, 1000, uploads);

describe('each body’s limit', () => {
  it('is the upload route’s own, whatever the declared type', () => {
    expect(limit('POST', '/v1/files', 'application/json')).toBe(1234);
    expect(limit('PUT', '/v1/files', 'application/pdf')).toBe(1000);
  });

  it('is the JSON limit for everything else, forms a multiple of it, multipart an upload plus its fields', () => {
    expect(limit('POST', '/v1/units', 'application/json')).toBe(1000);
    expect(limit('POST', '/v1/units')).toBe(1000);
    expect(limit('POST', '/console/units', 'application/x-www-form-urlencoded; charset=UTF-8')).toBe(
      FORM_FACTOR * 1000,
    );
    expect(limit('POST', '/console/import', 'multipart/form-data; boundary=x')).toBe(
      UPLOAD_MAX_BYTES + MULTIPART_ALLOWANCE,
    );
  });

  it('is never more than the JSON limit for a form sent to the API (it would be refused unread anyway)', () => {
    expect(limit('POST', '/v1/units', 'multipart/form-data; boundary=x')).toBe(1000);
    expect(limit('POST', '/v1/units', 'application/x-www-form-urlencoded')).toBe(1000);
    expect(limit('POST', '/v1/public/230100/surveys/s1', 'multipart/form-data; boundary=x')).toBe(1000);
  });
});
