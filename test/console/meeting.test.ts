import { shanghaiDay } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleStack, formFields, type Session, startConsole } from './support';

/**
 * The review meeting's page, driven as a browser would: the office records the meeting through the
 * editor (errors at their cells, typed rows kept), observers read it, a unit sees only its own
 * decision, and the office concludes it with a confirmation, after which the page is read-only.
 * The year's steps are tested over the API (test/integration/meeting.test.ts); here the cycle is put
 * in verification, then review, directly in the data layer, so the page is all this file depends on.
 */
let s: ConsoleStack;
let admin: Session;
let observer: Session;
let fgw: Session;
let expert: Session;
let cycleId: string;
let page: string;

beforeAll(async () => {
  s = await startConsole();
  admin = await s.as('230100', 'hrb-admin');
  observer = await s.as('230100', 'hrb-observer');
  fgw = await s.as('230100', 'hrb-fgw');
  expert = await s.as('230100', 'hrb-expert');
  const c = await admin.api('POST', '/v1/cycles', {
    name: '2036 年度评议会控制台测试',
    year: 2036,
    bindings: [{ system: 'ishrbdepartmnt', systemVersion: 1, groups: ['ECON'] }],
    calendar: {
      planDeadline: '2036-03-31',
      selfAssessment: { opens: '2037-01-05', closes: '2037-01-20' },
      verification: { opens: '2037-01-21', closes: '2037-02-10' },
      review: { opens: '2037-02-11', closes: '2037-02-28' },
      appeal: { opens: '2037-03-01', closes: '2037-03-10' },
    },
  });
  expect(c.status).toBe(201);
  cycleId = c.body.id;
  await setState('verification');
  page = `/console/cycles/${cycleId}/review-meeting`;
});
afterAll(() => s.stop());

async function setState(state: 'verification' | 'review') {
  const cur = await s.stack.data.cycles.getOr404('230100', cycleId);
  await s.stack.data.cycles.update('230100', cycleId, cur.version, { state });
}
const html = async (who: Session, path = page, lang?: 'zh' | 'en') => {
  const res = await who.get(path, lang ? { lang } : {});
  return { status: res.status, html: await res.text() };
};

const GOOD: Record<string, string> = {
  title: '2036 年度绩效评估评议会',
  day: shanghaiDay(new Date()),
  place: '市政府第一会议室',
  'member.0.name': '陈志远',
  'member.0.organisation': '市政府分管领导',
  'member.0.role': 'chair',
  'member.1.name': '孙明',
  'member.1.organisation': '市考核办',
  'member.1.role': 'member',
  'member.2.name': '李红梅',
  'member.2.organisation': '市人大代表',
  'member.2.role': 'member',
  'document.0.title': '评估结果初稿',
  'document.0.reference': '市考核办汇总稿',
  'decision.0.unit': 'FGW',
  'decision.0.decision': '同意考核结果，予以加分',
  'decision.0.points': '1.5',
  'decision.0.reason': '重大项目稳投资任务超额完成',
  minutes: '会议审议了评估结果初稿，同意对市发改委加 1.5 分。',
};

describe('recording the meeting', () => {
  it('offers the office an open editor while nothing is recorded', async () => {
    const { status, html: h } = await html(admin);
    expect(status).toBe(200);
    expect(h).toContain('id="meeting-none"');
    expect(h).toContain('id="meeting-form"');
    expect(h).toContain('id="f-member.2.name"');
    expect(h).toContain('id="f-decision.2.unit"');
    expect(h).toContain('哈尔滨市发展和改革委员会（FGW）');
    expect(h).not.toContain('name="version"');
  });

  it('puts the API’s problems at their cells and keeps what was typed', async () => {
    const bad = await admin.post(page, { ...GOOD, 'decision.0.points': '25', 'decision.0.reason': '太短' });
    expect(bad.status).toBe(422);
    const h = await bad.text();
    expect(h).toContain('id="f-decision.0.points-error"');
    expect(h).toContain('id="f-decision.0.reason-error"');
    expect(h).toContain('value="太短"');
    expect(h).toContain('value="陈志远"');
    const twice = await admin.post(page, {
      ...GOOD,
      'decision.1.unit': 'FGW',
      'decision.1.decision': '再议',
    });
    expect(twice.status).toBe(422);
    expect(await twice.text()).toContain('id="f-decision.1.unit-error"');
  });

  it('saves the record and shows members, documents, decisions with adjustments and minutes', async () => {
    const res = await admin.post(page, GOOD);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${page}?ok=updated`);
    const { html: h } = await html(admin);
    expect(h).toContain('id="meeting-members"');
    expect(h).toContain('主持人');
    expect(h).toContain('市人大代表');
    expect(h).toContain('评估结果初稿');
    expect(h).toContain('+1.5 分');
    expect(h).toContain('重大项目稳投资任务超额完成');
    expect(h).toContain('id="meeting-minutes"');
    expect(h).toContain('筹备中');
    // The editor holds the stored rows and blank ones to add to; concluding waits for the review step.
    expect(h).toContain('name="version" value="1"');
    expect(h).toContain('id="f-member.5.name"');
    expect(h).not.toContain('id="meeting-conclude-form"');
  });

  it('shows the page in English', async () => {
    const { html: h } = await html(admin, page, 'en');
    expect(h).toContain('Review meeting');
    expect(h).toContain('+1.5 points');
    expect(h).toContain('Chair');
  });
});

describe('who sees what', () => {
  it('lets observers read the record, without the editor', async () => {
    const { status, html: h } = await html(observer);
    expect(status).toBe(200);
    expect(h).toContain('+1.5 分');
    expect(h).not.toContain('id="meeting-form"');
  });

  it('shows a unit only that its decision is pending, nothing of the record', async () => {
    const { status, html: h } = await html(fgw);
    expect(status).toBe(200);
    expect(h).toContain('id="meeting-unit"');
    expect(h).toContain('评议会尚未形成结论');
    expect(h).not.toContain('重大项目稳投资任务超额完成');
    expect(h).not.toContain('陈志远');
  });

  it('refuses an expert', async () => {
    expect((await html(expert)).status).toBe(403);
  });
});

describe('concluding', () => {
  it('asks for the confirmation, then concludes and locks the page', async () => {
    await setState('review');
    const { html: h } = await html(admin);
    expect(h).toContain('id="meeting-conclude-form"');
    const form = formFields(h, 'meeting-conclude-form');
    const unconfirmed = await admin.post(`${page}/conclude`, form);
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.text()).toContain('id="f-confirm-error"');
    const done = await admin.post(`${page}/conclude`, [...form, ['confirm', 'true']]);
    expect(done.status).toBe(303);
    const after = (await html(admin)).html;
    expect(after).toContain('id="meeting-locked"');
    expect(after).toContain('已形成结论');
    expect(after).not.toContain('id="meeting-form"');
    expect(after).not.toContain('id="meeting-conclude-form"');
  });

  it('refuses a save once concluded, saying why', async () => {
    const res = await admin.post(page, { ...GOOD, version: '3' });
    expect(res.status).toBe(409);
    const h = await res.text();
    expect(h).toContain('id="meeting-error"');
    expect(h).toContain('不能再修改');
  });

  it('shows the unit its decision and adjustment', async () => {
    const { html: h } = await html(fgw);
    expect(h).toContain('id="meeting-decision"');
    expect(h).toContain('同意考核结果，予以加分');
    expect(h).toContain('+1.5 分');
  });
});
