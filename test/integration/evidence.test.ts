import { createHash } from 'node:crypto';
import { PutObjectRetentionCommand, S3Client } from '@aws-sdk/client-s3';
import { EVIDENCE_PLATFORM, storedZip } from '@jixiao/core';
import { BlobStore } from '@jixiao/data';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPdf, tinyPng } from '../../packages/local/src/demo-evidence';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Evidence on the embedded stack (dynalite + s3rver): upload → confirm → list → download, the
 * refusals (a renamed executable, an oversized file, a wrong type, a kind the tenant does not take),
 * a crash between the upload and its confirmation (and inside the confirmation), versions, discard,
 * the quota, another tenant's and another unit's ids, and the freeze at start_review.
 */
let s: TestStack;
let cycle: string;
/** An indicator of 市发改委 other than D2-1. */
let otherLeaf: string;
const tok: Record<string, string> = {};
const T = '230100';
const enc = new TextEncoder();
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const EXE = new Uint8Array([
  0x4d,
  0x5a,
  0x90,
  0x00,
  ...enc.encode('This program cannot be run in DOS mode.'),
]);

beforeAll(async () => {
  s = await startTestStack({ demoYear: true });
  for (const [k, u, t] of [
    ['admin', 'hrb-admin', T],
    ['fgw', 'hrb-fgw', T],
    ['jyj', 'hrb-jyj', T],
    ['tjj', 'hrb-tjj', T],
    ['observer', 'hrb-observer', T],
    ['bx', 'bx-admin', '230125'],
  ] as const)
    tok[k] = await s.token(t, u);
  tok.ops = await s.token(undefined, 'ops');
  cycle = (await s.call('GET', '/v1/cycles', { token: tok.admin })).body.items.find(
    (c: { year: number }) => c.year === 2025,
  ).id;
  const self = await s.call('GET', `/v1/cycles/${cycle}/self-assessments/FGW`, { token: tok.fgw });
  otherLeaf = self.body.leaves.map((l: { code: string }) => l.code).find((c: string) => c !== 'D2-1');
}, 240_000);
afterAll(() => s?.stop());

const unitBase = (unit = 'FGW') => `/v1/cycles/${cycle}/evidence/units/${unit}`;
const officeBase = () => `/v1/cycles/${cycle}/evidence/office`;

async function ticket(who: string, body: Record<string, unknown>, base = unitBase()) {
  return s.call('POST', `${base}/uploads`, { token: tok[who], body });
}

/** POSTs bytes to the presigned form as a browser would (s3rver checks no policy: the API must). */
async function post(t: { url: string; fields: Record<string, string> }, bytes: Uint8Array, type: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(t.fields)) form.append(k, v);
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const res = await fetch(t.url, { method: 'POST', body: form });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
}

const confirm = (upload: string, who = 'fgw', base = unitBase()) =>
  s.call('POST', `${base}/uploads/${upload}/confirm`, { token: tok[who] });

/** Ticket, POST, confirm: the happy path; returns the ticket and the filed document. */
async function file(name: string, bytes: Uint8Array, extra: Record<string, unknown> = { leaf: 'D2-1' }) {
  const t = await ticket('fgw', { ...extra, fileName: name, size: bytes.length });
  expect(t.status, t.text).toBe(201);
  await post(t.body, bytes, t.body.contentType);
  const c = await confirm(t.body.upload);
  expect(c.status, c.text).toBe(200);
  return { ticket: t.body, doc: c.body };
}

const objectPath = (t: { evidence: string; upload: string }, leaf = 'D2-1', unit = 'FGW') => [
  'evidence',
  cycle,
  'units',
  unit,
  leaf,
  t.evidence,
  t.upload,
];
const usage = async () => (await s.call('GET', '/v1/tenant/storage', { token: tok.admin })).body;

describe('upload → confirm → list → download', () => {
  it('files a PDF under the tenant, cycle, unit and indicator, and serves exactly its bytes back', async () => {
    const before = await usage();
    const pdf = tinyPdf('FGW evidence');
    const t = await ticket('fgw', {
      leaf: 'D2-1',
      fileName: '2025 年度项目台账.pdf',
      size: pdf.length,
      note: '台账',
    });
    expect(t.status, t.text).toBe(201);
    expect(t.body).toMatchObject({
      kind: 'pdf',
      contentType: 'application/pdf',
      size: pdf.length,
      fileField: 'file',
    });
    // The key is fixed by the server, under the tenant's prefix, keyed by cycle, unit and indicator.
    expect(t.body.fields.key).toBe(`tenants/${T}/${objectPath(t.body).join('/')}`);
    expect(t.body.fields['Content-Type']).toBe('application/pdf');
    const policy = JSON.parse(Buffer.from(t.body.fields.Policy, 'base64').toString('utf8'));
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', pdf.length, pdf.length],
        ['eq', '$Content-Type', 'application/pdf'],
        { key: t.body.fields.key },
      ]),
    );
    const expiresIn = (Date.parse(policy.expiration) - Date.now()) / 1000;
    expect(expiresIn).toBeGreaterThan(800);
    expect(expiresIn).toBeLessThanOrEqual(900);

    // Not filed until confirmed.
    await post(t.body, pdf, 'application/pdf');
    const listed0 = await s.call('GET', unitBase(), { token: tok.fgw });
    expect(listed0.body.items.some((d: { id: string }) => d.id === t.body.evidence)).toBe(false);

    const c = await confirm(t.body.upload);
    expect(c.status, c.text).toBe(200);
    expect(c.body).toMatchObject({
      id: t.body.evidence,
      unit: 'FGW',
      leaf: 'D2-1',
      title: '2025 年度项目台账',
    });
    expect(c.body.versions).toEqual([
      expect.objectContaining({
        n: 1,
        upload: t.body.upload,
        size: pdf.length,
        sha256: sha(pdf),
        note: '台账',
        kind: 'pdf',
      }),
    ]);
    expect(c.body.versions[0].by).toEqual({ id: 'hrb-fgw', name: '李强（市发改委）' });

    const list = await s.call('GET', `${unitBase()}?leaf=D2-1`, { token: tok.fgw });
    expect(list.body.canUpload).toBe(true);
    expect(list.body.items.find((d: { id: string }) => d.id === t.body.evidence)?.versions).toHaveLength(1);
    // The office reads it too; the data provider and the observer read every unit.
    for (const who of ['admin', 'tjj', 'observer']) {
      const r = await s.call('GET', unitBase(), { token: tok[who] });
      expect(r.status, who).toBe(200);
      expect(r.body.canUpload, who).toBe(false);
    }

    const link = await s.call(
      'GET',
      `${unitBase()}/${t.body.evidence}/versions/1/download?disposition=inline`,
      {
        token: tok.fgw,
      },
    );
    expect(link.status, link.text).toBe(200);
    expect(link.body).toMatchObject({ fileName: '2025 年度项目台账.pdf', contentType: 'application/pdf' });
    const got = await fetch(link.body.url);
    expect(got.status).toBe(200);
    const bytes = new Uint8Array(await got.arrayBuffer());
    expect(sha(bytes)).toBe(sha(pdf));
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toBe(
      `inline; filename="2025 ______.pdf"; filename*=UTF-8''2025%20%E5%B9%B4%E5%BA%A6%E9%A1%B9%E7%9B%AE%E5%8F%B0%E8%B4%A6.pdf`,
    );
    const url = new URL(link.body.url);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(decodeURIComponent(url.pathname)).toContain(`/tenants/${T}/evidence/${cycle}/units/FGW/D2-1/`);

    const after = await usage();
    expect(after.usedBytes - before.usedBytes).toBe(pdf.length);
    expect(after.files - before.files).toBe(1);
  });

  it('serves a file that is not previewable as an attachment even when asked inline', async () => {
    const { doc } = await file('照片.zip', storedZipOf('a.txt'));
    const link = await s.call('GET', `${unitBase()}/${doc.id}/versions/1/download?disposition=inline`, {
      token: tok.admin,
    });
    expect((await fetch(link.body.url)).headers.get('content-disposition')).toMatch(/^attachment; /);
  });
});

function storedZipOf(...names: string[]) {
  // A real zip container (stored entries) built by core's helper.
  return storedZip(names.map((name) => ({ name, data: enc.encode(name) })));
}

describe('refusals, with clear reasons, and the refused bytes removed', () => {
  async function refused(name: string, declared: number, bytes: Uint8Array, type: string) {
    const t = await ticket('fgw', { leaf: 'D2-1', fileName: name, size: declared });
    expect(t.status, t.text).toBe(201);
    await post(t.body, bytes, type);
    const c = await confirm(t.body.upload);
    // The object is gone, the upload marked refused, no document points at it.
    expect(await s.data.blobs.head(T, objectPath(t.body))).toBeUndefined();
    const again = await confirm(t.body.upload);
    expect(again.status).toBe(422);
    expect(again.body.message.zh).toContain(c.body.message.zh);
    const list = await s.call('GET', unitBase(), { token: tok.fgw });
    expect(list.body.items.some((d: { id: string }) => d.id === t.body.evidence)).toBe(false);
    return c;
  }

  it('a renamed executable (.exe called .pdf)', async () => {
    const c = await refused('工作总结.pdf', EXE.length, EXE, 'application/pdf');
    expect(c.status).toBe(422);
    expect(c.body.code).toBe('upload_rejected');
    expect(c.body.message.zh).toBe('文件内容与扩展名不符：内容为可执行程序，扩展名为 .pdf');
    expect(c.body.message.en).toBe(
      "The file's content does not match its extension: it is an executable program, named .pdf",
    );
    expect(c.body.detail).toMatchObject({ reason: 'mismatch', detected: 'executable', kind: 'pdf' });
  });

  it('an oversized file: more bytes than declared (the policy would refuse them; s3rver does not)', async () => {
    const big = tinyPdf('x'.repeat(400));
    const c = await refused('大文件.pdf', 100, big, 'application/pdf');
    expect(c.status).toBe(422);
    expect(c.body.message.zh).toBe(`上传的文件大小为 ${big.length} 字节，与申请上传时声明的 100 字节 不符`);
    expect(c.body.detail).toMatchObject({ reason: 'size', declared: 100 });
  });

  it('a wrong type: a PNG named .docx, a PDF named .xlsx', async () => {
    const png = tinyPng(4, 4, [1, 2, 3]);
    const c = await refused(
      '汇总表.docx',
      png.length,
      png,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(c.body.message.zh).toBe('文件内容与扩展名不符：内容为PNG 图片，扩展名为 .docx');
    const pdf = tinyPdf('not a workbook');
    const d = await refused(
      '统计表.xlsx',
      pdf.length,
      pdf,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(d.body.message.zh).toBe('文件内容与扩展名不符：内容为PDF 文档，扩展名为 .xlsx');
  });

  it('refuses before any ticket: unknown extension, a kind the tenant does not take, over the size limit, a leaf that does not apply', async () => {
    const exe = await ticket('fgw', { leaf: 'D2-1', fileName: 'setup.exe', size: 10 });
    expect(exe.status).toBe(422);
    expect(exe.body.errors[0]).toMatchObject({ path: 'body.fileName' });
    expect(exe.body.errors[0].zh).toMatch(/^不接受 \.exe 文件；可上传的类型：\.pdf、/);

    const st = await usage();
    const put = await s.call('PUT', '/v1/tenant/evidence-settings', {
      token: tok.admin,
      body: {
        allowedKinds: ['pdf', 'jpg', 'png'],
        maxFileBytes: 1024 * 1024,
        ...(st.version ? { version: st.version } : {}),
      },
    });
    expect(put.status, put.text).toBe(200);
    expect(put.body.settings).toEqual({ allowedKinds: ['pdf', 'jpg', 'png'], maxFileBytes: 1024 * 1024 });
    try {
      const zip = await ticket('fgw', { leaf: 'D2-1', fileName: '照片.zip', size: 10 });
      expect(zip.status).toBe(422);
      expect(zip.body.errors[0].zh).toBe(
        '本地区不接受ZIP 压缩包作为佐证材料；可上传的类型：.pdf、.jpg、.jpeg、.png',
      );
      const big = await ticket('fgw', { leaf: 'D2-1', fileName: 'a.pdf', size: 2 * 1024 * 1024 });
      expect(big.body.errors).toEqual([
        {
          path: 'body.size',
          zh: '文件大小为 2 MB，超过单个文件上限 1 MB',
          en: 'The file is 2 MB, over the per-file limit of 1 MB',
        },
      ]);
      const leaf = await ticket('fgw', { leaf: 'NOPE', fileName: 'a.pdf', size: 10 });
      expect(leaf.body.errors[0]).toMatchObject({ path: 'body.leaf', zh: '指标 NOPE 不适用于本单位' });
      const noLeaf = await ticket('fgw', { fileName: 'a.pdf', size: 10 });
      expect(noLeaf.body.errors[0].path).toBe('body.leaf');
      // A stale version is refused; the list tells the unit what it may send.
      const stale = await s.call('PUT', '/v1/tenant/evidence-settings', {
        token: tok.admin,
        body: { allowedKinds: ['pdf'], maxFileBytes: 2048, ...(st.version ? { version: st.version } : {}) },
      });
      expect(stale.status).toBe(409);
      expect((await s.call('GET', unitBase(), { token: tok.fgw })).body.settings.allowedKinds).toEqual([
        'pdf',
        'jpg',
        'png',
      ]);
    } finally {
      const now = await usage();
      await s.call('PUT', '/v1/tenant/evidence-settings', {
        token: tok.admin,
        body: {
          allowedKinds: st.settings.allowedKinds,
          maxFileBytes: st.settings.maxFileBytes,
          version: now.version,
        },
      });
    }
    const audit = await s.call('GET', '/v1/audit?limit=200', { token: tok.admin });
    expect(
      audit.body.items.filter((e: { action: string }) => e.action === 'settings.evidence').length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('refuses a zip that carries a program, and an archive named .zip that is a RAR', async () => {
    const zip = storedZipOf('说明.txt', 'tools/setup.exe');
    const c = await refused('资料.zip', zip.length, zip, 'application/zip');
    expect(c.body.message.zh).toBe('压缩包内含可执行程序或脚本（tools/setup.exe），不能作为佐证材料');
    const rar = new Uint8Array([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00, 1, 2, 3]);
    const d = await refused('资料2.zip', rar.length, rar, 'application/zip');
    expect(d.body.message.zh).toContain('内容为其他格式的压缩包');
  });
});

describe('a crash between the upload and its confirmation', () => {
  it('leaves no link; the confirmation later works; a second confirmation changes nothing', async () => {
    const before = await usage();
    const pdf = tinyPdf('crash');
    const t = await ticket('fgw', { leaf: 'D2-1', fileName: '中断.pdf', size: pdf.length });
    // Confirmed before the bytes arrived: refused as missing, and still pending.
    const early = await confirm(t.body.upload);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('upload_missing');
    await post(t.body, pdf, 'application/pdf');
    // The client "crashes": the object is there, nothing links to it, nothing is counted.
    expect(await s.data.blobs.head(T, objectPath(t.body))).toBeDefined();
    const list = await s.call('GET', unitBase(), { token: tok.admin });
    expect(list.body.items.some((d: { id: string }) => d.id === t.body.evidence)).toBe(false);
    expect((await usage()).usedBytes).toBe(before.usedBytes);

    const first = await confirm(t.body.upload);
    expect(first.status).toBe(200);
    const second = await confirm(t.body.upload);
    expect(second.body).toEqual(first.body);
    const after = await usage();
    expect(after.usedBytes - before.usedBytes).toBe(pdf.length);
    expect(after.files - before.files).toBe(1);
  });

  it('a confirmation cut short at any step is finished by the next, counted exactly once', async () => {
    const storage = s.data.evidence.storage;
    for (const step of ['count', 'settle'] as const) {
      const before = await usage();
      const pdf = tinyPdf(`cut at ${step}`);
      const t = await ticket('fgw', { leaf: 'D2-1', fileName: `中断-${step}.pdf`, size: pdf.length });
      await post(t.body, pdf, 'application/pdf');
      const real = storage[step].bind(storage);
      // The step runs, then the process "dies" before the next one.
      (storage as unknown as Record<string, unknown>)[step] = async (...args: [string, string, number]) => {
        await (real as (...a: unknown[]) => Promise<unknown>)(...args);
        throw new Error(`crash after ${step}`);
      };
      try {
        expect((await confirm(t.body.upload)).status).toBe(500);
      } finally {
        (storage as unknown as Record<string, unknown>)[step] = real;
      }
      // Already linked: the document shows it (its object is there), and discarding is refused.
      const doc = (await s.call('GET', unitBase(), { token: tok.fgw })).body.items.find(
        (d: { id: string }) => d.id === t.body.evidence,
      );
      expect(doc.versions).toHaveLength(1);
      const again = await confirm(t.body.upload);
      expect(again.status, again.text).toBe(200);
      expect(again.body.versions).toHaveLength(1);
      const after = await usage();
      expect(after.usedBytes - before.usedBytes, step).toBe(pdf.length);
      expect(after.files - before.files, step).toBe(1);
    }
  });
});

describe('versions, discard and the quota', () => {
  it('keeps every version with its own bytes; nothing is overwritten', async () => {
    const v1 = tinyPdf('version one');
    const { doc } = await file('台账.pdf', v1);
    const v2 = tinyPdf('version two, corrected');
    const t2 = await ticket('fgw', { evidence: doc.id, fileName: '台账（更正）.pdf', size: v2.length });
    expect(t2.status, t2.text).toBe(201);
    expect(t2.body.evidence).toBe(doc.id);
    await post(t2.body, v2, 'application/pdf');
    const c2 = await confirm(t2.body.upload);
    expect(c2.body.versions.map((v: { n: number; fileName: string }) => [v.n, v.fileName])).toEqual([
      [1, '台账.pdf'],
      [2, '台账（更正）.pdf'],
    ]);
    expect(c2.body.title).toBe('台账');
    for (const [n, bytes] of [
      [1, v1],
      [2, v2],
    ] as const) {
      const link = await s.call('GET', `${unitBase()}/${doc.id}/versions/${n}/download`, {
        token: tok.admin,
      });
      expect(sha(new Uint8Array(await (await fetch(link.body.url)).arrayBuffer()))).toBe(sha(bytes));
    }
    // A version for another indicator is refused; a document of another unit is not found.
    const other = await ticket('fgw', { evidence: doc.id, leaf: otherLeaf, fileName: 'x.pdf', size: 10 });
    expect(other.status).toBe(422);
    expect(other.body.errors[0].path).toBe('body.evidence');
    const missing = await s.call('GET', `${unitBase()}/${doc.id}/versions/9/download`, { token: tok.admin });
    expect(missing.status).toBe(404);
  });

  it('discards only unconfirmed uploads', async () => {
    const pdf = tinyPdf('to discard');
    const t = await ticket('fgw', { leaf: 'D2-1', fileName: '草稿.pdf', size: pdf.length });
    await post(t.body, pdf, 'application/pdf');
    const del = await s.call('DELETE', `${unitBase()}/uploads/${t.body.upload}`, { token: tok.fgw });
    expect(del.status).toBe(204);
    expect(await s.data.blobs.head(T, objectPath(t.body))).toBeUndefined();
    expect((await confirm(t.body.upload)).status).toBe(404);

    const { ticket: kept } = await file('定稿.pdf', tinyPdf('kept'));
    const refused = await s.call('DELETE', `${unitBase()}/uploads/${kept.upload}`, { token: tok.fgw });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('evidence_immutable');
    expect(await s.data.blobs.head(T, objectPath(kept))).toBeDefined();
  });

  it('cleans pending uploads past their hours when the unit next asks to upload', async () => {
    const pdf = tinyPdf('abandoned');
    const t = await ticket('fgw', { leaf: 'D2-1', fileName: '遗留.pdf', size: pdf.length });
    await post(t.body, pdf, 'application/pdf');
    const rec = await s.data.cycleRecords.get<{ version: number }>(T, cycle, 'UPLOAD', [
      'U',
      'FGW',
      t.body.upload,
    ]);
    await s.data.cycleRecords.update(
      T,
      cycle,
      'UPLOAD',
      ['U', 'FGW', t.body.upload],
      rec!.version,
      {
        pendingUntil: '2000-01-01T00:00:00.000Z',
      },
      { zh: '上传', en: 'Upload' },
    );
    const next = await ticket('fgw', { leaf: 'D2-1', fileName: '新的.pdf', size: 10 });
    expect(next.status, next.text).toBe(201);
    expect(s.logs.filter((l) => String(l.msg).startsWith('evidence sweep'))).toEqual([]);
    expect(await s.data.blobs.head(T, objectPath(t.body))).toBeUndefined();
    expect(await s.data.cycleRecords.get(T, cycle, 'UPLOAD', ['U', 'FGW', t.body.upload])).toBeUndefined();
  });

  it('refuses a ticket that would pass the quota, with the numbers', async () => {
    const st = await usage();
    // Use up all but 100 bytes of the quota (the counter moves by ADD; undone below).
    const fill = st.quotaBytes - st.usedBytes - 100;
    await s.data.evidence.storage.count(T, 'upquotafill0000001', fill);
    try {
      const t = await ticket('fgw', { leaf: 'D2-1', fileName: 'a.pdf', size: 101 });
      expect(t.status).toBe(409);
      expect(t.body.code).toBe('quota_exceeded');
      expect(t.body.message.zh).toMatch(
        /^存储空间不足：已用 .*，加上此文件（101 字节）将超过配额 20 GB。请联系考核办。$/,
      );
      expect((await ticket('fgw', { leaf: 'D2-1', fileName: 'a.pdf', size: 100 })).status).toBe(201);
      const view = await usage();
      expect(view.usedShare).toBeGreaterThan(0.99);
    } finally {
      await s.data.store.doc.update({
        TableName: s.data.store.tableName,
        Key: { pk: `T#${T}#STORAGE`, sk: 'USAGE' },
        UpdateExpression: 'ADD usedBytes :b, files :f DELETE inflight :u',
        ExpressionAttributeValues: { ':b': -fill, ':f': -1, ':u': new Set(['upquotafill0000001']) },
      });
    }
  });

  it('the operator sets quotas (audited in the tenant trail) and sees sizes, never files', async () => {
    const g = await s.call('GET', `/v1/platform/tenants/${T}/storage`, { token: tok.ops });
    expect(g.status).toBe(200);
    expect(Object.keys(g.body).sort()).toEqual(
      [
        'files',
        'platformMaxFileBytes',
        'quotaBytes',
        'settings',
        'tenant',
        'usedBytes',
        'usedShare',
        'version',
      ].sort(),
    );
    const put = await s.call('PUT', `/v1/platform/tenants/${T}/storage-quota`, {
      token: tok.ops,
      body: { quotaBytes: 50 * 1024 ** 3 },
    });
    expect(put.status).toBe(200);
    expect(put.body.quotaBytes).toBe(50 * 1024 ** 3);
    const audit = await s.call('GET', '/v1/audit?limit=200', { token: tok.admin });
    const entry = audit.body.items.find((e: { action: string }) => e.action === 'storage.quota');
    expect(entry).toMatchObject({ actor: { sub: 'ops' }, after: { quotaBytes: 50 * 1024 ** 3 } });
    await s.call('PUT', `/v1/platform/tenants/${T}/storage-quota`, {
      token: tok.ops,
      body: { quotaBytes: 20 * 1024 ** 3 },
    });
    expect((await s.call('GET', '/v1/platform/tenants/999999/storage', { token: tok.ops })).status).toBe(404);
  });
});

describe('nobody reaches evidence outside their scope', () => {
  it("another tenant's admin can neither presign, confirm, discard nor download the victim's files", async () => {
    const { ticket: t, doc } = await file('机密.pdf', tinyPdf('secret'));
    const pending = await ticket('fgw', { leaf: 'D2-1', fileName: '待确认.pdf', size: 20 });
    for (const who of ['bx', 'jyj']) {
      const calls = [
        ['POST', `${unitBase()}/uploads`, { leaf: 'D2-1', fileName: 'x.pdf', size: 10 }],
        ['POST', `${unitBase()}/uploads/${t.upload}/confirm`],
        ['POST', `${unitBase()}/uploads/${pending.body.upload}/confirm`],
        ['DELETE', `${unitBase()}/uploads/${pending.body.upload}`],
        ['GET', `${unitBase()}/${doc.id}/versions/1/download`],
        ['GET', unitBase()],
        // The victim's ids under the attacker's own unit: nothing there either.
        ['POST', `${unitBase('JYJ')}/uploads/${t.upload}/confirm`],
        ['GET', `${unitBase('JYJ')}/${doc.id}/versions/1/download`],
      ] as const;
      for (const [method, path, body] of calls) {
        const r = await s.call(method, path, { token: tok[who], ...(body ? { body } : {}) });
        expect([403, 404], `${who} ${method} ${path}: ${r.status}`).toContain(r.status);
        expect(r.text).not.toContain('tenants/230100');
      }
    }
    // The office reads a unit's evidence but does not file it; a unit does not file the office's.
    const office = await ticket('admin', { leaf: 'D2-1', fileName: 'x.pdf', size: 10 });
    expect(office.status).toBe(403);
    const unitOnOffice = await ticket('fgw', { fileName: 'x.pdf', size: 10 }, officeBase());
    expect(unitOnOffice.status).toBe(403);
    expect((await s.call('GET', officeBase(), { token: tok.fgw })).status).toBe(403);
    // The pending upload is untouched by all of it.
    expect(
      await s.data.cycleRecords.get(T, cycle, 'UPLOAD', ['U', 'FGW', pending.body.upload]),
    ).toMatchObject({
      status: 'pending',
    });
  });

  it('no key is ever built outside the tenant prefix', async () => {
    const objects = await s.data.blobs.list(T, ['evidence']);
    expect(objects.length).toBeGreaterThan(0);
    expect((await s.data.blobs.list('230125', ['evidence'])).length).toBe(0);
  });
});

describe('the freeze at start_review locks the evidence (S3 Object Lock where the bucket has it)', () => {
  const s3 = new S3Client({ region: 'cn-north-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
  const mock = mockClient(s3);
  const throttled = () =>
    Object.assign(new Error('Please reduce your request rate.'), {
      name: 'SlowDown',
      $metadata: { httpStatusCode: 503 },
    });
  let realBlobs: BlobStore;

  async function verifyPendingValues() {
    for (;;) {
      const page = await s.call('GET', `/v1/cycles/${cycle}/values?status=pending&limit=200`, {
        token: tok.admin,
      });
      if (!page.body.items.length) return;
      for (const r of page.body.items) {
        const v = await s.call('POST', `/v1/cycles/${cycle}/values/${r.unit}/${r.leaf}/verification`, {
          token: tok.admin,
          body: { version: r.version, action: 'confirm' },
        });
        expect(v.status, v.text).toBe(200);
      }
    }
  }
  const startReview = async () => {
    const c = await s.call('GET', `/v1/cycles/${cycle}`, { token: tok.admin });
    return s.call('POST', `/v1/cycles/${cycle}/transitions`, {
      token: tok.admin,
      body: { version: c.body.version, action: 'start_review' },
    });
  };
  const allVersions = async () =>
    (
      await s.data.cycleRecords.all<{ versions: { lockedAt?: string; retainUntil?: string }[] }>(
        T,
        cycle,
        'EVID',
      )
    ).flatMap((d) => d.versions);

  beforeAll(async () => {
    await verifyPendingValues();
    realBlobs = s.data.blobs;
    // As in the cloud: the bucket has Object Lock; S3 itself is a mock (s3rver has no Object Lock).
    s.deps.evidence = { objectLock: true, retentionRetry: { attempts: 3, baseDelayMs: 1 } };
    s.data.blobs = new BlobStore(s3, 'jixiao-data');
  });
  afterAll(() => {
    s.data.blobs = realBlobs;
    delete s.deps.evidence;
  });

  it('a retention S3 keeps refusing is reported (503) and the move refused, never skipped', async () => {
    mock.reset();
    mock.on(PutObjectRetentionCommand).rejects(throttled());
    const versions = (await allVersions()).length;
    const r = await startReview();
    expect(r.status).toBe(503);
    expect(r.body.code).toBe('evidence_lock_incomplete');
    expect(r.body.message.zh).toContain(`有 ${versions} 个文件版本未能设置保留期`);
    // Each version was tried three times, and none is marked locked.
    expect(mock.commandCalls(PutObjectRetentionCommand)).toHaveLength(versions * 3);
    expect((await allVersions()).every((v) => !v.lockedAt)).toBe(true);
    expect((await s.call('GET', `/v1/cycles/${cycle}`, { token: tok.admin })).body.state).toBe(
      'verification',
    );
    const audit = await s.call('GET', '/v1/audit?limit=50', { token: tok.admin });
    expect(audit.body.items.find((e: { action: string }) => e.action === 'evidence.lock')).toMatchObject({
      after: { locked: 0, failed: versions, objectLock: true },
    });
  });

  it('a throttled retention is retried; then every version is locked COMPLIANCE for ten years', async () => {
    mock.reset();
    mock.on(PutObjectRetentionCommand).rejectsOnce(throttled()).resolves({});
    const versions = (await allVersions()).length;
    const r = await startReview();
    expect(r.status, r.text).toBe(200);
    expect(r.body.state).toBe('review');
    const calls = mock.commandCalls(PutObjectRetentionCommand).map((c) => c.args[0].input);
    expect(calls).toHaveLength(versions + 1);
    for (const input of calls) {
      expect(input.Bucket).toBe('jixiao-data');
      expect(input.Key).toMatch(new RegExp(`^tenants/230100/evidence/${cycle}/(units|office)/`));
      expect(input.Retention?.Mode).toBe('COMPLIANCE');
      const years = (input.Retention!.RetainUntilDate!.getTime() - Date.now()) / (365.25 * 86400_000);
      expect(Math.abs(years - EVIDENCE_PLATFORM.retentionYears)).toBeLessThan(1.5);
    }
    const locked = await allVersions();
    expect(locked.every((v) => v.lockedAt && v.retainUntil)).toBe(true);
  });

  it('then units file nothing more; the pending uploads are gone; the office still files its papers, locked as filed', async () => {
    s.data.blobs = realBlobs;
    delete s.deps.evidence;
    const t = await ticket('fgw', { leaf: 'D2-1', fileName: 'late.pdf', size: 10 });
    expect(t.status).toBe(409);
    expect(t.body.code).toBe('evidence_frozen');
    expect(t.body.message.zh).toBe('考核周期已进入综合评议，本年度的佐证材料已锁定，不能再上传或确认文件。');
    const list = await s.call('GET', unitBase(), { token: tok.fgw });
    expect(list.body.canUpload).toBe(false);
    expect(list.body.frozen.zh).toContain('佐证材料已锁定');
    const uploads = await s.data.cycleRecords.all<{ status: string }>(T, cycle, 'UPLOAD', ['U']);
    expect(uploads.every((u) => u.status === 'confirmed')).toBe(true);

    const pdf = tinyPdf('review meeting papers');
    const o = await ticket('admin', { fileName: '评议会材料.pdf', size: pdf.length }, officeBase());
    expect(o.status, o.text).toBe(201);
    await post(o.body, pdf, 'application/pdf');
    const c = await confirm(o.body.upload, 'admin', officeBase());
    expect(c.status, c.text).toBe(200);
    expect(c.body.unit).toBeUndefined();
    expect(c.body.versions[0].lockedAt).toBeDefined();
    const link = await s.call('GET', `${officeBase()}/${c.body.id}/versions/1/download`, {
      token: tok.observer,
    });
    expect(sha(new Uint8Array(await (await fetch(link.body.url)).arrayBuffer()))).toBe(sha(pdf));
    const overview = await s.call('GET', `/v1/cycles/${cycle}/evidence`, { token: tok.admin });
    expect(overview.body.frozen).toBe(true);
    expect(overview.body.units.find((u: { unit: string }) => u.unit === 'FGW').documents).toBeGreaterThan(3);
    expect(overview.body.office.documents).toBeGreaterThanOrEqual(2);
  });
});
