import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';
import { unescapeHtml } from './support';

/**
 * Evidence when the evaluation freezes, on the demo year (the 2025 cycle in verification): 市发改委
 * files a photo (shown as a thumbnail, previewed inline); the office confirms every pending value
 * and starts the review, which freezes the year's evidence: the unit's page then offers no upload,
 * says why in the API's words, and marks each version locked; the console's ticket route answers
 * the API's 409; the overview says the evidence is frozen; the office may still file its papers.
 */
let s: TestStack;
let admin: string;
let fgw: string;
let cycle: string;
const U = 'FGW';
/** A 1×1 PNG. */
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);

const page = () => `/console/cycles/${cycle}/evidence/${U}`;

async function get(token: string, path: string) {
  const res = await s.fetch(new Request(`${s.url}${path}`, { headers: { cookie: `jx_token=${token}` } }));
  return { status: res.status, location: res.headers.get('location'), html: unescapeHtml(await res.text()) };
}

async function postJson(token: string, path: string, body: unknown = {}) {
  const res = await s.fetch(
    new Request(`${s.url}${path}`, {
      method: 'POST',
      headers: { cookie: `jx_token=${token}`, origin: s.url, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

beforeAll(async () => {
  s = await startTestStack({ demoYear: true });
  admin = await s.token('230100', 'hrb-admin');
  fgw = await s.token('230100', 'hrb-fgw');
  const cycles = await s.call('GET', '/v1/cycles', { token: admin });
  cycle = cycles.body.items.find((c: { year: number }) => c.year === 2025).id;
  // The demo year replays a whole year through the API: longer than a console page's budget.
}, 180_000);
afterAll(() => s?.stop());

describe('evidence of a cycle that freezes', () => {
  let leaf: string;
  let photo: string;

  it('shows a photo as a thumbnail and previews it inline while the cycle is open', async () => {
    leaf = (await s.call('GET', `/v1/cycles/${cycle}/self-assessments/${U}`, { token: fgw })).body.leaves[0]
      .code;
    const ticket = await postJson(fgw, `${page()}/uploads`, {
      leaf,
      fileName: '公示栏.png',
      size: PNG.length,
    });
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
    const form = new FormData();
    for (const [k, v] of Object.entries<string>(ticket.body.fields)) form.append(k, v);
    form.append('file', new Blob([PNG], { type: 'image/png' }), '公示栏.png');
    expect((await fetch(ticket.body.url, { method: 'POST', body: form })).status).toBeLessThan(300);
    const filed = await postJson(fgw, `${page()}/uploads/${ticket.body.upload}/confirm`);
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    photo = filed.body.id;

    const { html } = await get(fgw, page());
    expect(html).toContain(
      `<img src="${page()}/${photo}/1?inline=1" alt="公示栏.png" width="160" loading="lazy"`,
    );
    expect(html).toContain('class="ev-upload');
    const preview = await get(fgw, `${page()}/${photo}/1?inline=1`);
    expect(preview.status).toBe(303);
    const bytes = await fetch(preview.location!);
    expect(bytes.headers.get('content-type')).toBe('image/png');
    expect(bytes.headers.get('content-disposition')).toMatch(/^inline/);
  });

  it('offers no upload once the review starts, says why, and marks every version locked', async () => {
    // The office confirms every value still pending, then starts the review (the freeze).
    for (;;) {
      const pending = await s.call('GET', `/v1/cycles/${cycle}/values?status=pending&limit=100`, {
        token: admin,
      });
      if (pending.body.items.length === 0) break;
      for (const r of pending.body.items) {
        const done = await s.call('POST', `/v1/cycles/${cycle}/values/${r.unit}/${r.leaf}/verification`, {
          token: admin,
          body: { version: r.version, action: 'confirm' },
        });
        expect(done.status, done.text).toBe(200);
      }
    }
    const c = await s.call('GET', `/v1/cycles/${cycle}`, { token: admin });
    const moved = await s.call('POST', `/v1/cycles/${cycle}/transitions`, {
      token: admin,
      body: { version: c.body.version, action: 'start_review' },
    });
    expect(moved.status, moved.text).toBe(200);

    const list = (await s.call('GET', `/v1/cycles/${cycle}/evidence/units/${U}`, { token: fgw })).body;
    expect(list.canUpload).toBe(false);
    const { html } = await get(fgw, page());
    expect(html).toContain(`<p class="notice" id="ev-frozen" role="note">${list.frozen.zh}</p>`);
    expect(html).not.toContain('class="ev-upload');
    expect(html).not.toContain('id="ev-config"');
    // Still readable: the photo and its links.
    expect(html).toContain(`id="ev-${photo}-v1"`);
    expect(html).toContain(`href="${page()}/${photo}/1"`);
    const row = html.slice(
      html.indexOf(`id="ev-${photo}-v1"`),
      html.indexOf('</tr>', html.indexOf(`id="ev-${photo}-v1"`)),
    );
    expect(row).toContain('已锁定');
    expect(row).toMatch(/title="考核冻结时锁定，保留至 \d{4}年/);

    // The script's ticket route passes the API's refusal on, for the page to show.
    const refused = await postJson(fgw, `${page()}/uploads`, { leaf, fileName: '补充.pdf', size: 100 });
    expect(refused.status).toBe(409);
    expect(refused.body.message.zh).toMatch(/锁定/);

    const overview = await get(admin, `/console/cycles/${cycle}/evidence`);
    expect(overview.status).toBe(200);
    expect(overview.html).toContain('考核已冻结，所有材料已锁定，不能再上传。');
    // The office still files its own papers during the review (e.g. the review meeting's).
    const office = await get(admin, `/console/cycles/${cycle}/evidence/office`);
    expect(office.html).toContain('id="up-office"');
  });

  it('reads in English too', async () => {
    const res = await s.fetch(
      new Request(`${s.url}${page()}`, { headers: { cookie: `jx_token=${fgw}; jx_lang=en` } }),
    );
    const html = unescapeHtml(await res.text());
    expect(html).toContain('Evidence of 哈尔滨市发展和改革委员会');
    expect(html).toContain('Uploaded at');
    expect(html).toContain('Locked');
  });
});
