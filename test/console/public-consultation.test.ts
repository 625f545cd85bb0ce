import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleStack, fieldHtml, type Session, startConsole } from './support';

/**
 * The public's pages (no sign-in): a draft plan open for comment (art. 11) and the published plans.
 * The console tier has no browser, so "a phone can use it" is read from the markup: the layout's
 * viewport, one column of cards, no navigation; and a link's tenant must be the plan's own.
 */
let s: ConsoleStack;
let fgw: Session;
let path: string;
let consultation: string;
let cycle: string;

beforeAll(async () => {
  s = await startConsole();
  const admin = await s.as('230100', 'hrb-admin');
  fgw = await s.as('230100', 'hrb-fgw');
  const created = await admin.api('POST', '/v1/cycles', {
    name: '2034 年度市直部门绩效评估',
    year: 2034,
    bindings: [{ system: 'ishrbdepartmnt', systemVersion: 1, groups: ['ECON'] }],
    calendar: {
      planDeadline: '2034-03-31',
      selfAssessment: { opens: '2035-01-05', closes: '2035-01-20' },
      verification: { opens: '2035-01-21', closes: '2035-02-10' },
      review: { opens: '2035-02-11', closes: '2035-02-28' },
      appeal: { opens: '2035-03-01', closes: '2035-03-10' },
    },
  });
  expect(created.status).toBe(201);
  cycle = created.body.id as string;
  const opened = await admin.api('POST', `/v1/cycles/${cycle}/transitions`, {
    version: created.body.version,
    action: 'open_planning',
  });
  expect(opened.status).toBe(200);
  const plan = `/v1/cycles/${cycle}/plans/FGW`;
  const leaves = (await fgw.api('GET', plan)).body.leaves as { code: string; needsNumber: boolean }[];
  const saved = await fgw.api('PUT', plan, {
    basis: '依据市政府工作报告确定年度目标。',
    items: leaves.map((l) => ({
      leaf: l.code,
      ...(l.needsNumber ? { target: 100 } : { targetText: '全面完成' }),
      basis: '上年完成情况',
      standard: '按评分标准',
      measures: '重大项目清单化管理，按月调度',
      owner: '综合处',
    })),
  });
  expect(saved.status, saved.text).toBe(200);
  const moved = await fgw.api('POST', `${plan}/transitions`, {
    version: saved.body.plan.version,
    action: 'open_consultation',
  });
  expect(moved.status, moved.text).toBe(200);
  consultation = moved.body.plan.consultation.id;
  path = moved.body.consultationPath;
});
afterAll(() => s.stop());

describe('the public consultation page', () => {
  it('renders for anyone, phone-ready: the viewport, no sign-in, no navigation, one column of cards', async () => {
    expect(path).toBe(`/console/public/230100/consultations/${consultation}`);
    const res = await s.anonymous().get(path);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(html).not.toContain('class="main"'); // no navigation
    expect(html).not.toContain('/console/sign-out');
    expect(html).toContain('<div class="public">');
    expect(html).toContain('哈尔滨市发展和改革委员会2034年度绩效计划（征求意见稿）');
    expect(html).toContain('重大项目清单化管理，按月调度');
    expect(html).toContain('正在征求意见');
    // The form: text, an optional name, an optional contact that is never published, and the trap.
    expect(fieldHtml(html, 'contact')).toContain('不公开');
    expect(html).toMatch(
      /<div class="default-submit" aria-hidden="true">[\s\S]*?name="website"[^>]*tabindex="-1"/,
    );
    expect(html).not.toMatch(/style=/);
  });

  it('in English too, on the same link', async () => {
    const html = await (await s.anonymous().get(path, { lang: 'en' })).text();
    expect(html).toContain('annual performance plan 2034 (draft for comment)');
    expect(html).toContain('Send the comment');
  });

  it('an empty comment is refused at its field, keeping what was typed', async () => {
    const res = await s.anonymous().post(path, { text: ' ', name: '市民李女士', website: '' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(fieldHtml(html, 'text')).toContain('aria-invalid="true"');
    expect(fieldHtml(html, 'name')).toContain('value="市民李女士"');
  });

  it('a comment is thanked, and waits for moderation before it shows', async () => {
    const res = await s.anonymous().post(path, { text: '建议公开重大项目清单。', contact: 'li@example.cn' });
    expect(res.status).toBe(303);
    const html = await (await s.anonymous().get(res.headers.get('location')!)).text();
    expect(html).toContain('意见已收到，经审核后公开');
    expect(html).not.toContain('建议公开重大项目清单。');
    expect(html).not.toContain('id="comment-form"');
    const shown = await s.stack.call('GET', path.replace('/console/public/', '/v1/public/'));
    expect(shown.body.comments).toEqual([]);
    expect((await fgw.api('GET', `/v1/cycles/${cycle}/plans/FGW/comments`)).body.items).toHaveLength(1);
  });

  it("another tenant's path with Harbin's link, or a malformed one, is a 404 page", async () => {
    for (const p of [
      `/console/public/230125/consultations/${consultation}`,
      `/console/public/230100/consultations/pcaaaaaaaaaaaaaaaa`,
      `/console/public/230100/consultations/not-an-id`,
      `/console/public/99/consultations/${consultation}`,
    ]) {
      const res = await s.anonymous().get(p);
      expect(res.status, p).toBe(404);
      const html = await res.text();
      expect(html).toContain('页面不存在');
      expect(html).not.toContain('name="text"');
    }
    const post = await s.anonymous().post(`/console/public/230125/consultations/${consultation}`, {
      text: '跨租户提交',
    });
    expect(post.status).toBe(404);
  });

  it('closed while someone types: the refusal and the typed text stay, to copy', async () => {
    const typing = await (await s.anonymous().get(path)).text();
    expect(typing).toContain('id="comment-form"');
    const plan = `/v1/cycles/${cycle}/plans/FGW`;
    const p = await fgw.api('GET', plan);
    const closed = await fgw.api('POST', `${plan}/transitions`, {
      version: p.body.plan.version,
      action: 'close_consultation',
    });
    expect(closed.status, closed.text).toBe(200);
    const res = await s.anonymous().post(path, { text: '建议细化季度目标。', name: '市民', website: '' });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).not.toContain('id="comment-form"');
    expect(html).toContain('征求意见已结束');
    expect(html).toMatch(/role="alert"[\s\S]*?不能再提交意见/);
    expect(html).toContain('id="f-kept-text" readonly="" rows="4">建议细化季度目标。</textarea>');
    const en = await (
      await s.anonymous().post(path, { text: 'More detail, please.', website: '' }, { lang: 'en' })
    ).text();
    expect(en).toContain('the period is not open');
    expect(en).toContain('>More detail, please.</textarea>');
  });

  it('the published plans list needs no sign-in either', async () => {
    const res = await s.anonymous().get('/console/public/230100/plans');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('已公布的年度绩效计划');
    expect((await s.anonymous().get('/console/public/230100/plans/cyaaaaaaaaaaaa/FGW')).status).toBe(404);
  });
});
