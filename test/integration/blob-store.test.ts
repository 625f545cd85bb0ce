import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

/** The tenant-scoped blob store against s3rver. */
let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
});
afterAll(() => s.stop());

describe('tenant-scoped blob store on s3rver', () => {
  it('stores, reads, lists and deletes under tenants/<code>/ only', async () => {
    const blobs = s.data.blobs;
    await blobs.put('230100', ['evidence', '2026', 'FGW', '投资台账.csv'], '项目,金额\nA,100\n', 'text/csv');
    await blobs.put('230125', ['evidence', '2026', 'CZJ', 'a.csv'], 'x', 'text/csv');
    const got = await blobs.get('230100', ['evidence', '2026', 'FGW', '投资台账.csv']);
    expect(new TextDecoder().decode(got)).toBe('项目,金额\nA,100\n');
    const listed = await blobs.list('230100');
    expect(listed.map((o) => o.path)).toEqual(['evidence/2026/FGW/投资台账.csv']);
    expect(await blobs.get('230125', ['evidence', '2026', 'FGW', '投资台账.csv'])).toBeUndefined();
    expect((await blobs.list('230125')).map((o) => o.path)).toEqual(['evidence/2026/CZJ/a.csv']);
    await blobs.delete('230100', ['evidence', '2026', 'FGW', '投资台账.csv']);
    expect(await blobs.head('230100', ['evidence', '2026', 'FGW', '投资台账.csv'])).toBeUndefined();
  });

  it('refuses paths that would leave the tenant prefix', async () => {
    await expect(s.data.blobs.put('230100', ['..', '230125', 'x'], 'x', 'text/plain')).rejects.toThrow(
      TypeError,
    );
    await expect(s.data.blobs.put('230100', ['a/b'], 'x', 'text/plain')).rejects.toThrow(TypeError);
    await expect(s.data.blobs.get('23010', ['x'])).rejects.toThrow(TypeError);
  });

  it('presigns an upload bound to the tenant key, type and size, and confirms only what meets them', async () => {
    const rules = { contentType: 'application/pdf', maxBytes: 1024 };
    const post = await s.data.blobs.presignUpload('230100', ['evidence', 'up.pdf'], rules);
    expect(post.fields.key).toBe('tenants/230100/evidence/up.pdf');
    expect(post.fields['Content-Type']).toBe('application/pdf');
    const form = new FormData();
    for (const [k, v] of Object.entries(post.fields)) form.append(k, v);
    form.append('file', new Blob(['%PDF-1.7 tiny'], { type: 'application/pdf' }));
    const up = await fetch(post.url, { method: 'POST', body: form });
    expect(up.status).toBeLessThan(300);
    const ok = await s.data.blobs.confirmUpload('230100', ['evidence', 'up.pdf'], rules);
    expect(ok.size).toBe(13);

    // s3rver does not enforce POST policies, so an oversize upload lands; confirm must reject and remove it.
    const big = await s.data.blobs.presignUpload('230100', ['evidence', 'big.pdf'], rules);
    const f2 = new FormData();
    for (const [k, v] of Object.entries(big.fields)) f2.append(k, v);
    f2.append('file', new Blob(['x'.repeat(4096)], { type: 'application/pdf' }));
    await fetch(big.url, { method: 'POST', body: f2 });
    await expect(s.data.blobs.confirmUpload('230100', ['evidence', 'big.pdf'], rules)).rejects.toMatchObject({
      code: 'upload_rejected',
      status: 422,
    });
    expect(await s.data.blobs.head('230100', ['evidence', 'big.pdf'])).toBeUndefined();
    await expect(
      s.data.blobs.confirmUpload('230100', ['evidence', 'never.pdf'], rules),
    ).rejects.toMatchObject({
      code: 'upload_rejected',
    });
  });
});

describe('evidence operations on s3rver', () => {
  it('presigns an exact size, reads once (hash, head, tail), links a download, removes without a versions API', async () => {
    const blobs = s.data.blobs;
    const path = ['evidence', 'cy1', 'office', 'ev1', 'up1'];
    const bytes = new TextEncoder().encode('%PDF-1.7 exactly these bytes');
    const post = await blobs.presignUpload(
      '230100',
      path,
      { contentType: 'application/pdf', minBytes: bytes.length, maxBytes: bytes.length },
      900,
    );
    const policy = JSON.parse(Buffer.from(post.fields.Policy!, 'base64').toString('utf8'));
    expect(policy.conditions).toContainEqual(['content-length-range', bytes.length, bytes.length]);
    const form = new FormData();
    for (const [k, v] of Object.entries(post.fields)) form.append(k, v);
    form.append('file', new Blob([bytes], { type: 'application/pdf' }));
    expect((await fetch(post.url, { method: 'POST', body: form })).status).toBeLessThan(300);

    const o = await blobs.inspect('230100', path, { maxBytes: bytes.length, headBytes: 5, tailBytes: 5 });
    expect(o).toMatchObject({ size: bytes.length, oversize: false });
    expect(o!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(new TextDecoder().decode(o!.head)).toBe('%PDF-');
    expect(new TextDecoder().decode(o!.tail)).toBe('bytes');
    expect((await blobs.inspect('230100', path, { maxBytes: 3 }))!.oversize).toBe(true);
    expect(await blobs.inspect('230100', ['evidence', 'none'], { maxBytes: 3 })).toBeUndefined();

    const url = await blobs.presignDownload('230100', path, {
      contentType: 'application/pdf',
      contentDisposition: "attachment; filename*=UTF-8''%E6%96%B9%E6%A1%88.pdf",
      expiresSeconds: 60,
      now: new Date(),
    });
    const got = await fetch(url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toBe(
      "attachment; filename*=UTF-8''%E6%96%B9%E6%A1%88.pdf",
    );
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);
    // An expired link is refused.
    const old = await blobs.presignDownload('230100', path, {
      contentType: 'application/pdf',
      contentDisposition: 'attachment',
      expiresSeconds: 60,
      now: new Date(Date.now() - 3600_000),
    });
    expect((await fetch(old)).status).toBe(403);

    await blobs.deleteAllVersions('230100', path);
    expect(await blobs.head('230100', path)).toBeUndefined();
  });
});
