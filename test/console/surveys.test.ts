import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';
import { formFields, unescapeHtml } from './support';

/**
 * The survey pages on the demo year (its cycle is in verification): the office drafts a
 * questionnaire from the form (the satisfaction leaf's groups offered as the example), is told
 * which groups differ from the rule, opens it, issues invitations and prints QR slips; the public
 * answers on the page a slip links to (no sign-in) and is thanked; a used slip says so; the office
 * sees the results with their flags; an observer reads results but never the slips.
 */
let s: TestStack;
let admin: string;
let observer: string;
let cycleId = '';
let surveyHref = '';
let token = '';

const page = (path: string, tok?: string) =>
  s.fetch(new Request(`${s.url}${path}`, { headers: tok ? { cookie: `jx_token=${tok}` } : {} }));
const post = (path: string, form: [string, string][] | Record<string, string>, tok?: string) => {
  const body = new URLSearchParams(Array.isArray(form) ? form : Object.entries(form)).toString();
  return s.fetch(
    new Request(`${s.url}${path}`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: s.url,
        ...(tok ? { cookie: `jx_token=${tok}` } : {}),
      },
      redirect: 'manual',
    }),
  );
};

beforeAll(async () => {
  s = await startTestStack({ demoYear: true });
  admin = await s.token('230100', 'hrb-admin');
  observer = await s.token('230100', 'hrb-observer');
  const cycles = await s.call('GET', '/v1/cycles', { token: admin });
  cycleId = cycles.body.items.find((c: { year: number }) => c.year === 2025).id;
}, 240_000);
afterAll(() => s?.stop());

describe('the survey pages', () => {
  it('drafts from the form, with the leaf rule’s groups as the example and mismatches named', async () => {
    const list = await page(`/console/cycles/${cycleId}/surveys`, admin);
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('2025 年度市直部门满意度测评');
    const blank = await page(`/console/cycles/${cycleId}/surveys/new`, admin);
    const html = await blank.text();
    expect(html).toContain('value="clients"');
    expect(html).toContain('value="0.5"');
    const fields = formFields(html, 'survey-form').filter(([k]) => k !== 'units' && k !== 'title');
    const form: [string, string][] = [
      ...fields.map(([k, v]): [string, string] => [k, k === 'groups.0.weight' ? '0.6' : v]),
      ['title', '窗口服务满意度回访'],
      ['units', 'FGW'],
      ['units', 'JYJ'],
    ];
    const refused = await post(`/console/cycles/${cycleId}/surveys/new`, form, admin);
    expect(refused.status).toBe(422);
    const text = unescapeHtml(await refused.text());
    expect(text).toContain('群体 clients 的权重为 0.6，评分办法为 0.5');
    const fixed = form.map(([k, v]): [string, string] => [k, k === 'groups.0.weight' ? '0.5' : v]);
    const created = await post(`/console/cycles/${cycleId}/surveys/new`, fixed, admin);
    expect(created.status).toBe(303);
    surveyHref = created.headers.get('location')!.split('?')[0]!;
    expect(surveyHref).toMatch(/\/surveys\/sv[a-z2-7]{12}$/);
  });

  it('opens the survey, shows the open link’s QR code and prints a slip per invitation', async () => {
    const detail = await (await page(surveyHref, admin)).text();
    const version = /name="version" value="(\d+)"/.exec(detail)![1]!;
    expect((await post(`${surveyHref}/transition`, { version, action: 'open' }, admin)).status).toBe(303);
    const opened = await (await page(surveyHref, admin)).text();
    expect(opened).toContain('data-status="open"');
    expect(opened).toMatch(/<img src="data:image\/svg\+xml;base64,/);
    const issued = await post(
      `${surveyHref}/invitations`,
      { group: 'clients', unit: 'FGW', count: '2' },
      admin,
    );
    expect(issued.status).toBe(303);
    const slips = await (await page(issued.headers.get('location')!, admin)).text();
    const tokens = [...slips.matchAll(/data-token="(iv[a-z2-7]{26})"/g)].map((m) => m[1]!);
    expect(tokens).toHaveLength(2);
    token = tokens[0]!;
    // The link under the QR code is the absolute public page (the request's origin).
    expect(unescapeHtml(slips)).toContain(`${s.url}/console/public/230100/surveys/${cycleId}/`);
    expect(slips.match(/<img src="data:image\/svg\+xml;base64,/g)).toHaveLength(2);
  });

  it('lets the public answer the slip’s link without signing in, once', async () => {
    const link = `/console/public/230100/surveys/${cycleId}/${surveyHref.split('/').pop()}?t=${token}`;
    const q = await page(link);
    expect(q.status).toBe(200);
    const html = await q.text();
    expect(html).toContain('name="r.FGW.q1"');
    expect(html).not.toContain('name="r.JYJ.q1"');
    const answer = [...formFields(html, 'survey-answer'), ['r.FGW.q1', 'very_satisfied'] as [string, string]];
    const sent = await post(link, answer);
    expect(sent.status).toBe(303);
    const thanks = await page(sent.headers.get('location')!);
    expect(await thanks.text()).toContain('id="thanks"');
    const again = await page(link);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('只能作答一次');
  });

  it('shows the results with counts, and keeps the slips from an observer', async () => {
    const results = await page(`${surveyHref}/results`, admin);
    expect(results.status).toBe(200);
    const html = await results.text();
    expect(html).toContain('data-unit="FGW"');
    expect(html).toContain('data-below="true"');
    const seen = await page(`${surveyHref}/results`, observer);
    expect(seen.status).toBe(200);
    expect(await seen.text()).not.toContain('name="decision"');
    expect((await page(`${surveyHref}/slips`, observer)).status).toBe(403);
  });
});
