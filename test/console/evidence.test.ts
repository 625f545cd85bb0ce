import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  beijingTime,
  type ConsoleStack,
  fieldHtml,
  type Session,
  startConsole,
  unescapeHtml,
} from './support';

/**
 * Evidence (佐证材料) in the console, against the real app on the embedded stack (s3rver): 市发改委
 * (hrb-fgw) opens its evidence page in a 2034 cycle, asks the console for a ticket, POSTs a PDF to
 * S3 as the page's script does, confirms, and finds it listed with who, when, size and hash; the
 * download and preview links redirect to a short-lived link; a renamed executable is refused with
 * the API's Chinese message. The office sees the overview and its own documents, changes the
 * kinds and size accepted on /console/storage; the operator sets the quota on the tenant's page.
 */
let s: ConsoleStack;
let admin: Session;
let fgw: Session;
let jyj: Session;
let ops: Session;
let cycle: string;
let leaves: { code: string; name: string; evidenceRequired: boolean }[];
const U = 'FGW';

const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
/** The start of a Windows executable ("MZ", the DOS stub), as a renamed .exe would carry. */
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, ...new Array(120).fill(0x41)]);

const page = () => `/console/cycles/${cycle}/evidence/${U}`;

/** A same-origin JSON POST, as the upload script sends it (cookie, Origin). */
async function postJson(who: Session, path: string, body?: unknown) {
  const res = await s.stack.fetch(
    new Request(`${s.url}${path}`, {
      method: 'POST',
      headers: { cookie: `jx_token=${who.token}`, origin: s.url, 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: text ? JSON.parse(text) : null,
  };
}

/** What the script does with a ticket: every field, then the file, POSTed to S3. */
async function toS3(
  ticket: { url: string; fields: Record<string, string>; contentType: string },
  bytes: Uint8Array,
  name: string,
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(ticket.fields)) form.append(k, v);
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: ticket.contentType }), name);
  const res = await fetch(ticket.url, { method: 'POST', body: form });
  return res.status;
}

/** Ticket → S3 → confirm through the console's JSON routes; the confirm's answer. */
async function upload(who: Session, list: string, req: Record<string, unknown>, bytes: Uint8Array) {
  const ticket = await postJson(who, `${list}/uploads`, { size: bytes.length, ...req });
  expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
  expect((await toS3(ticket.body, bytes, String(req.fileName))) < 300).toBe(true);
  return postJson(who, `${list}/uploads/${ticket.body.upload}/confirm`);
}

beforeAll(async () => {
  s = await startConsole();
  admin = await s.as('230100', 'hrb-admin');
  fgw = await s.as('230100', 'hrb-fgw');
  jyj = await s.as('230100', 'hrb-jyj');
  ops = await s.as(undefined, 'ops');
  const created = await admin.api('POST', '/v1/cycles', {
    name: '2034 年度市直部门绩效评估',
    year: 2034,
    kind: 'annual',
    bindings: [{ system: 'ishrbdepartmnt', systemVersion: 1, groups: ['ECON'] }],
    calendar: {
      planDeadline: '2034-03-31',
      selfAssessment: { opens: '2035-01-05', closes: '2035-01-20' },
      verification: { opens: '2035-01-21', closes: '2035-02-10' },
      review: { opens: '2035-02-11', closes: '2035-02-28' },
      appeal: { opens: '2035-03-01', closes: '2035-03-10' },
    },
  });
  expect(created.status, created.text).toBe(201);
  cycle = created.body.id;
  const moved = await admin.api('POST', `/v1/cycles/${cycle}/transitions`, {
    version: created.body.version,
    action: 'open_planning',
  });
  expect(moved.status, moved.text).toBe(200);
  leaves = (await fgw.api('GET', `/v1/cycles/${cycle}/self-assessments/${U}`)).body.leaves;
  expect(leaves.length).toBeGreaterThan(3);
});
afterAll(() => s.stop());

describe("a unit's evidence page", () => {
  it('lists every applicable indicator with an upload form its script checks before sending', async () => {
    const res = await fgw.get(page());
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('哈尔滨市发展和改革委员会佐证材料');
    for (const l of leaves) {
      expect(html).toContain(`id="leaf-${l.code}"`);
      expect(html).toContain(`data-leaf="${l.code}"`);
    }
    expect(html.match(/class="ev-upload stacked"/g)?.length).toBe(leaves.length);
    // The script's settings: the tenant's extensions and limit, where to ask, messages in Chinese.
    const config = /<div id="ev-config"[^>]*>/.exec(html)?.[0] ?? '';
    expect(config).toContain('data-exts="pdf,ofd,doc,docx');
    expect(config).toContain(`data-max="${50 * 1024 * 1024}"`);
    expect(config).toContain(`data-uploads="${page()}/uploads"`);
    expect(unescapeHtml(config)).toContain('超过每个文件 50 MB 的上限');
    expect(html).toMatch(/<script src="\/console\/assets\/evidence-upload\.[0-9a-f]{12}\.js" defer/);
    // Without JavaScript the button stays disabled and the form says why; a progress bar waits hidden.
    expect(html).toContain('上传文件需要启用浏览器的 JavaScript。');
    expect(html).toMatch(/<button class="primary" type="submit" disabled/);
    expect(html).toMatch(/<p class="ev-progress" hidden[^>]*>/);
    expect(html).toContain('<progress');
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain('尚未上传材料。');
  });

  it('uploads a PDF through the console, then lists it with who, when, size and hash', async () => {
    const leaf = leaves[0]!.code;
    const confirmed = await upload(fgw, page(), { leaf, fileName: '2034年工作总结.pdf' }, PDF);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const doc = confirmed.body;
    const v = doc.versions[0];
    const sha = createHash('sha256').update(PDF).digest('hex');
    expect(v.sha256).toBe(sha);

    const html = unescapeHtml(await (await fgw.get(`${page()}?ok=uploaded`)).text());
    expect(html).toContain('文件已上传并通过校验');
    const row = html.slice(
      html.indexOf(`id="ev-${doc.id}-v1"`),
      html.indexOf('</tr>', html.indexOf(`id="ev-${doc.id}-v1"`)),
    );
    expect(row).toContain('2034年工作总结.pdf');
    expect(row).toContain('PDF 文档');
    expect(row).toContain(`${PDF.length} 字节`);
    expect(row).toContain(`${sha.slice(0, 12)}…`);
    expect(row).toContain(`title="完整 SHA-256：${sha}"`);
    expect(row).toContain(v.by.name);
    expect(row).toContain(beijingTime(v.at, 'zh'));
    expect(row).toContain(`href="${page()}/${doc.id}/1"`);
    expect(row).toContain(`href="${page()}/${doc.id}/1?inline=1"`);
    // The indicator now offers a new version of the document.
    expect(html).toContain(`id="up-${doc.id}"`);
    expect(html).toContain(`data-evidence="${doc.id}"`);

    // Download and preview: 303 to a short-lived link whose bytes are the file's.
    const dl = await fgw.get(`${page()}/${doc.id}/1`);
    expect(dl.status).toBe(303);
    const got = await fetch(dl.headers.get('location')!);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(PDF);
    const preview = await fgw.get(`${page()}/${doc.id}/1?inline=1`);
    expect(preview.status).toBe(303);
    expect(decodeURIComponent(preview.headers.get('location')!)).toContain('inline');

    // The self-assessment and the workspace count it and link here.
    const self = await (await fgw.get(`/console/cycles/${cycle}/self-assessments/${U}`)).text();
    expect(self).toContain('佐证材料 1 份');
    expect(self).toContain(`href="${page()}#leaf-${leaf}"`);
    const ws = await (await fgw.get(`/console/cycles/${cycle}/units/${U}`)).text();
    expect(ws).toContain('id="step-evidence"');
    expect(ws).toContain('1 份材料，1 个指标已有材料');
  });

  it("refuses a renamed executable with the API's Chinese message, and lists nothing", async () => {
    const leaf = leaves[1]!.code;
    const refused = await upload(fgw, page(), { leaf, fileName: '总结.pdf' }, EXE);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body.message.zh).toMatch(/[\u4e00-\u9fff]/);
    const html = await (await fgw.get(page())).text();
    expect(html).not.toContain('data-file="总结.pdf"');
    const section = html.slice(html.indexOf(`id="leaf-${leaf}"`));
    expect(section.slice(0, section.indexOf('</section>'))).toContain('尚未上传材料。');
  });

  it('answers the script with problems it can show: bad JSON, an unknown indicator, another unit', async () => {
    const bad = await postJson(fgw, `${page()}/uploads`, '{"fileName":');
    expect(bad.status).toBe(400);
    expect(bad.body.message.zh).toContain('JSON');
    const unknown = await postJson(fgw, `${page()}/uploads`, { leaf: 'NOPE', fileName: 'a.pdf', size: 10 });
    expect([404, 422]).toContain(unknown.status);
    expect(unknown.body.message.zh).toMatch(/[\u4e00-\u9fff]/);
    // 市教育局 reaches nothing of 市发改委's: the page, a ticket, a download.
    expect((await jyj.get(page())).status).toBe(404);
    const stolen = await postJson(jyj, `${page()}/uploads`, {
      leaf: leaves[0]!.code,
      fileName: 'a.pdf',
      size: 10,
    });
    expect(stolen.status).toBe(404);
    expect((await jyj.get(`${page()}/evaaaaaaaaaaaa/1`)).status).toBe(404);
    expect((await fgw.get(`${page()}/not-an-id/1`)).status).toBe(404);
  });
});

describe("the office's evidence", () => {
  it('shows the overview per unit with documents and bytes, and its own documents with a form', async () => {
    const res = await admin.get(`/console/cycles/${cycle}/evidence`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const row = html.slice(
      html.indexOf('id="ev-unit-FGW"'),
      html.indexOf('</tr>', html.indexOf('id="ev-unit-FGW"')),
    );
    expect(row).toContain('data-documents="1"');
    expect(row).toContain(`href="${page()}"`);
    expect(html).toContain(`href="/console/cycles/${cycle}/evidence/office"`);
    expect((await fgw.get(`/console/cycles/${cycle}/evidence`)).status).toBe(403);

    const office = await admin.get(`/console/cycles/${cycle}/evidence/office`);
    expect(office.status).toBe(200);
    const oh = await office.text();
    expect(oh).toContain('id="up-office"');
    const filed = await upload(
      admin,
      `/console/cycles/${cycle}/evidence/office`,
      { fileName: '评议会材料.pdf' },
      PDF,
    );
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(await (await admin.get(`/console/cycles/${cycle}/evidence/office`)).text()).toContain(
      '评议会材料.pdf',
    );
    // The office reads the unit's page, without upload forms (a unit's own work).
    const unitAsOffice = await (await admin.get(page())).text();
    expect(unitAsOffice).toContain('2034年工作总结.pdf');
    expect(unitAsOffice).not.toContain('class="ev-upload');
  });
});

describe('storage and quotas', () => {
  it('shows the use and lets the office narrow the kinds and the per-file limit', async () => {
    const res = await admin.get('/console/storage');
    expect(res.status).toBe(200);
    const html = unescapeHtml(await res.text());
    expect(html).toContain('<meter id="ev-usage"');
    expect(html).toMatch(/已用 [\d.]+ (字节|KB)，配额 20 GB/);
    expect(fieldHtml(html, 'maxFileMb')).toContain('value="50"');

    const bad = await admin.post('/console/storage', [
      ['version', /name="version" value="(\d+)"/.exec(html)![1]!],
      ['allowedKinds', 'pdf'],
      ['maxFileMb', '100000'],
    ]);
    expect(bad.status).toBe(422);
    expect(fieldHtml(await bad.text(), 'maxFileMb')).toContain('aria-invalid="true"');

    const ok = await admin.post('/console/storage', [
      ['version', /name="version" value="(\d+)"/.exec(html)![1]!],
      ['allowedKinds', 'pdf'],
      ['allowedKinds', 'png'],
      ['maxFileMb', '10'],
    ]);
    expect(ok.status).toBe(303);
    const stored = (await admin.api('GET', '/v1/tenant/storage')).body;
    expect(stored.settings).toEqual({ allowedKinds: ['pdf', 'png'], maxFileBytes: 10 * 1024 * 1024 });
    const unitPage = unescapeHtml(await (await fgw.get(page())).text());
    expect(unitPage).toContain('data-exts="pdf,png"');
    expect(unitPage).toContain('可上传：PDF 文档、PNG 图片；每个文件不超过 10 MB。');
    // Units read the use, without the settings form.
    const asUnit = await (await fgw.get('/console/storage')).text();
    expect(asUnit).toContain('<meter id="ev-usage"');
    expect(asUnit).not.toContain('id="storage-settings"');
  });

  it("lets the platform operator see a tenant's use and set its quota in GB", async () => {
    const html = await (await ops.get('/console/tenants/230100')).text();
    expect(html).toContain('id="tenant-storage"');
    expect(fieldHtml(html, 'quotaGb')).toContain('value="20"');
    const bad = await ops.post('/console/tenants/230100/storage-quota', { quotaGb: '0.5' });
    expect(bad.status).toBe(422);
    expect(fieldHtml(await bad.text(), 'quotaGb')).toContain('aria-invalid="true"');
    const ok = await ops.post('/console/tenants/230100/storage-quota', { quotaGb: '30' });
    expect(ok.status).toBe(303);
    expect((await ops.api('GET', '/v1/platform/tenants/230100/storage')).body.quotaBytes).toBe(
      30 * 1024 ** 3,
    );
    expect((await admin.post('/console/tenants/230100/storage-quota', { quotaGb: '99' })).status).toBe(403);
  });
});
