import {
  CHANGE_CAUSE_LABELS,
  INPUT_ORIGIN_LABELS,
  RESULT_STAGE_LABELS,
  RUN_KIND_LABELS,
  RUN_LEASE_MS,
  RUN_STATUS_LABELS,
  RUN_STEP_LABELS,
} from '@jixiao/core';
import { assetUrl } from '@jixiao/web/assets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoReview } from '../support/fixtures/meeting';
import { startTestStack, type TestStack } from '../support/stack';
import { formFields, unescapeHtml, withValue } from './support';

/**
 * The year-end evaluation's console pages on the demo year (the 2025 cycle in verification), driven
 * as a browser would, the batch run by the stack's own launcher: the office starts a trial from the
 * page and watches its progress (the bar, the script's JSON route, the no-script refresh), reads the
 * results by group and a unit's breakdown (sources, rules, evidence links, reasons); a second start
 * while one runs is refused in the form with the API's words; a run whose process stopped is
 * resumed from the page; determinations are recorded through their form (errors at their fields);
 * the next run is compared with the one before; in review an official run is released from the page
 * and the unit reads its released result. Observers read without forms; units see only their own.
 */
let s: TestStack;
/** The stack's clock runs this far ahead of the wall clock (to let a stopped run's lease run out). */
let ahead = 0;
let cycleId = '';
const tokens: Record<string, string> = {};
const runs: Record<string, string> = {};

type Who = 'admin' | 'observer' | 'fgw' | 'jyj' | 'expert';
const USERS: Record<Who, string> = {
  admin: 'hrb-admin',
  observer: 'hrb-observer',
  fgw: 'hrb-fgw',
  jyj: 'hrb-jyj',
  expert: 'hrb-expert',
};

const get = (who: Who, path: string, lang?: 'en') =>
  s.fetch(
    new Request(`${s.url}${path}`, {
      headers: { cookie: `jx_token=${tokens[who]}${lang ? `; jx_lang=${lang}` : ''}` },
    }),
  );
const post = (who: Who, path: string, form: [string, string][] | Record<string, string>) =>
  s.fetch(
    new Request(`${s.url}${path}`, {
      method: 'POST',
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
      headers: {
        cookie: `jx_token=${tokens[who]}`,
        'content-type': 'application/x-www-form-urlencoded',
        origin: s.url,
      },
    }),
  );
const page = async (who: Who, path: string, lang?: 'en') => {
  const res = await get(who, path, lang);
  return { status: res.status, html: unescapeHtml(await res.text()) };
};
const api = (who: Who, method: string, path: string, body?: unknown) =>
  s.call(method, path, { token: tokens[who], ...(body === undefined ? {} : { body }) });

const C = () => `/console/cycles/${cycleId}`;
const E = () => `/v1/cycles/${cycleId}/evaluation`;

/** Waits until the run is no longer running (the state machine runs in the background). */
async function finished(run: string): Promise<any> {
  for (let i = 0; i < 1200; i++) {
    const r = await api('admin', 'GET', `${E()}/runs/${run}`);
    if (r.body.status !== 'running' || r.body.stale) return r.body;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`run ${run} did not finish`);
}

beforeAll(async () => {
  s = await startTestStack({ demoYear: true, demoResults: false, now: () => new Date(Date.now() + ahead) });
  for (const [who, user] of Object.entries(USERS)) tokens[who] = await s.token('230100', user);
  const cycles = await api('admin', 'GET', '/v1/cycles');
  cycleId = cycles.body.items.find((c: { year: number }) => c.year === 2025).id;
}, 240_000);
afterAll(() => s?.stop());

describe('before any run', () => {
  it('shows the office what a run would be, and the start form', async () => {
    const { status, html } = await page('admin', `${C()}/evaluation`);
    expect(status).toBe(200);
    expect(html).toContain('id="run-readiness"');
    expect(html).toContain('data-kind="trial"');
    expect(html).toContain(RUN_KIND_LABELS.trial.zh);
    expect(html).toContain('id="run-start-form"');
    expect(html).toContain('id="runs-none"');
    expect(html).toContain('id="appeal-window"');
    expect(html).toContain('尚未发布结果');
  });

  it('lets observers read it without any form, and refuses units and experts', async () => {
    const { status, html } = await page('observer', `${C()}/evaluation`);
    expect(status).toBe(200);
    expect(html).toContain('id="run-readiness"');
    expect(html).not.toContain('id="run-start-form"');
    expect((await page('fgw', `${C()}/evaluation`)).status).toBe(403);
    expect((await page('expert', `${C()}/evaluation`)).status).toBe(403);
  });

  it('tells a unit its results are not released yet, and hides other units’ results', async () => {
    const own = await page('fgw', `${C()}/results/FGW`);
    expect(own.status).toBe(200);
    expect(own.html).toContain('id="result-not-released"');
    expect(own.html).toContain('尚未发布');
    expect((await page('fgw', `${C()}/results/JYJ`)).status).toBe(404);
  });
});

describe('a trial run started from the page', () => {
  it('starts, redirects to the run and shows its live progress', async () => {
    const form = formFields((await page('admin', `${C()}/evaluation`)).html, 'run-start-form');
    const res = await post('admin', `${C()}/evaluation/runs`, withValue(form, 'reason', '核验期间试算'));
    expect(res.status).toBe(303);
    const to = res.headers.get('location')!;
    expect(to).toMatch(new RegExp(`^${C()}/evaluation/runs/rn[a-z2-7]{12}\\?ok=started$`));
    runs.first = to.split('/').at(-1)!.split('?')[0]!;
    const { html } = await page('admin', to);
    expect(html).toContain('计算已开始');
    const live = await api('admin', 'GET', `${E()}/runs/${runs.first}`);
    if (live.body.status === 'running') {
      // Still running: the bar, the step in words, the script and the no-script refresh.
      expect(html).toContain('id="run-progress"');
      expect(html).toContain('<progress id="run-bar"');
      expect(html).toContain(`src="${assetUrl('run-progress.js')}"`);
      expect(html).toContain('<noscript><meta http-equiv="refresh" content="5"></noscript>');
    }
    const json = await get('admin', `${C()}/evaluation/runs/${runs.first}/progress`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toContain('application/json');
    const p = await json.json();
    expect(p).toMatchObject({ id: runs.first, total: expect.any(Number), percent: expect.any(Number) });
    expect(Object.values(RUN_STEP_LABELS).map((l) => l.zh)).toContain(p.stepText);
    expect(p.text).toBe(
      p.total > 0 ? `${p.scored} / ${p.total} 个单位已计分（${p.percent}%）` : '正在确定参与计算的单位……',
    );
  });

  it('shows the results by group once ready: rank, total, grade, the three stages, quotas', async () => {
    const run = await finished(runs.first!);
    expect(run.status, JSON.stringify(run.failures)).toBe('ready');
    const progress = await (await get('admin', `${C()}/evaluation/runs/${runs.first}/progress`)).json();
    expect(progress).toMatchObject({ status: 'ready', percent: 100, scored: run.total });
    const { status, html } = await page('admin', `${C()}/evaluation/runs/${runs.first}`);
    expect(status).toBe(200);
    expect(html).toContain('id="run-results"');
    expect(html).not.toContain('id="run-progress"');
    expect(html).toContain(RUN_STATUS_LABELS.ready.zh);
    for (const stage of Object.values(RESULT_STAGE_LABELS)) expect(html).toContain(stage.zh);
    expect(html).toContain('data-unit="FGW"');
    expect(html).toContain(`href="${C()}/evaluation/runs/${runs.first}/units/FGW"`);
    expect(html).toContain('相邻名次的区分依据');
    // A trial is never released: no release form.
    expect(html).not.toContain(`id="release-${runs.first}"`);
    // The list on the overview.
    const overview = (await page('admin', `${C()}/evaluation`)).html;
    expect(overview).toContain(`id="run-${runs.first}"`);
    expect(overview).toContain('第 1 次计算');
    expect(overview).toContain('核验期间试算');
  });

  it('breaks a unit’s result down to each indicator, with sources, rules, evidence and reasons', async () => {
    const { status, html } = await page('admin', `${C()}/evaluation/runs/${runs.first}/units/FGW`);
    expect(status).toBe(200);
    expect(html).toContain('id="breakdown"');
    expect(html).toContain('data-code="D1"');
    expect(html).toContain('id="leaf-D1-3"');
    // Where each input came from, in the vocabulary's words; a deduction leaf needs the office.
    expect(html).toMatch(/data-origin="(verified|supplied|corrected)"/);
    expect(html).toContain(INPUT_ORIGIN_LABELS.none.zh);
    expect(html).toContain('扣分');
    expect(html).toContain('id="unit-grade"');
    expect(html).toContain('id="unit-rank"');
    expect(html).toContain('id="unit-determination-link"');
    // Evidence behind a value links to the console's download route.
    expect(html).toMatch(new RegExp(`href="${C()}/evidence/FGW/ev[a-z2-7]+/\\d+"`));
    const en = await page('admin', `${C()}/evaluation/runs/${runs.first}/units/FGW`, 'en');
    expect(en.html).toContain('Breakdown by indicator');
    expect(en.html).toContain(INPUT_ORIGIN_LABELS.none.en);
  });

  it('lets observers read results and breakdowns, and refuses a unit', async () => {
    const results = await page('observer', `${C()}/evaluation/runs/${runs.first}`);
    expect(results.status).toBe(200);
    expect(results.html).toContain('id="run-results"');
    expect(results.html).not.toContain('data-resume=');
    expect(results.html).not.toContain('id="release-');
    const unit = await page('observer', `${C()}/evaluation/runs/${runs.first}/units/FGW`);
    expect(unit.status).toBe(200);
    expect(unit.html).toContain('id="breakdown"');
    expect((await page('fgw', `${C()}/evaluation/runs/${runs.first}/units/FGW`)).status).toBe(403);
    expect((await page('admin', `${C()}/evaluation/runs/rnaaaaaaaaaaaa`)).status).toBe(404);
    expect((await page('admin', `${C()}/evaluation/runs/not-a-run`)).status).toBe(404);
  });
});

describe('one run at a time, and resuming a stopped one', () => {
  it('refuses a second start in the form with the API’s words, then resumes the stopped run', async () => {
    const launcher = s.deps.evaluation;
    // A launcher that never runs the job: the run holds the cycle as if its process had died.
    s.deps.evaluation = { start: async () => {} };
    try {
      const started = await api('admin', 'POST', `${E()}/runs`, { reason: '进程中断的计算' });
      expect(started.status, started.text).toBe(202);
      runs.stopped = started.body.id;
      const res = await post('admin', `${C()}/evaluation/runs`, {
        _idem: 'console-second-start',
        reason: '再次发起',
      });
      expect(res.status).toBe(409);
      const html = unescapeHtml(await res.text());
      expect(html).toContain('id="run-start-error"');
      expect(html).toContain(`第 ${started.body.number} 次计算正在进行`);
      expect(html).toContain('>再次发起</textarea>');
      // The overview shows the run under way with its bar, and no resume yet.
      const live = (await page('admin', `${C()}/evaluation`)).html;
      expect(live).toContain('id="run-progress"');
      expect(live).toContain(RUN_STATUS_LABELS.running.zh);
      expect(live).not.toContain(`data-resume="${runs.stopped}"`);
    } finally {
      s.deps.evaluation = launcher;
    }
    // Past its lease the run may be resumed, from the page.
    ahead += RUN_LEASE_MS + 60_000;
    const stale = (await page('admin', `${C()}/evaluation`)).html;
    expect(stale).toContain('进程已中断');
    expect(stale).toContain(`data-resume="${runs.stopped}"`);
    const resumed = await post('admin', `${C()}/evaluation/runs/${runs.stopped}/resume`, {
      from: 'overview',
    });
    expect(resumed.status).toBe(303);
    expect(resumed.headers.get('location')).toBe(`${C()}/evaluation/runs/${runs.stopped}?ok=resumed`);
    const done = await finished(runs.stopped!);
    expect(done.status, JSON.stringify(done.failures)).toBe('ready');
    expect(done.attempts).toBe(2);
    // Resuming a finished run is refused on the page it was sent from.
    const again = await post('admin', `${C()}/evaluation/runs/${runs.stopped}/resume`, { from: 'run' });
    expect(again.status).toBe(409);
    expect(unescapeHtml(await again.text())).toContain('id="evaluation-error"');
  });
});

describe('determinations (年终认定) through their form', () => {
  it('lists the units in scope, none determined yet', async () => {
    const { status, html } = await page('admin', `${C()}/determinations`);
    expect(status).toBe(200);
    expect(html).toContain('data-unit="FGW"');
    expect(html).toContain(`href="${C()}/determinations/FGW"`);
    expect(html).toContain('尚未认定');
  });

  it('offers a field per deduction item, bonus item and veto item', async () => {
    const { status, html } = await page('admin', `${C()}/determinations/FGW`);
    expect(status).toBe(200);
    expect(html).toContain('id="determination-form"');
    // 财务管理合规性 (D1-3): 审计发现违规问题 (SJ), 违规使用财政资金 (WG); the rule's items by name.
    expect(html).toContain('id="f-leaf.D1-3.count.SJ"');
    expect(html).toContain('审计发现违规问题：发生次数');
    expect(html).toContain('id="f-leaf.D3-3.count.FY"');
    expect(html).toContain('id="f-bonus.B1"');
    expect(html).toContain('id="f-veto.V2"');
    expect(html).toContain('id="f-leaf.D2-1.exempt"');
    expect(html).not.toContain('name="version"');
  });

  it('puts the API’s problems at their fields and keeps what was typed', async () => {
    const form = formFields((await page('admin', `${C()}/determinations/FGW`)).html, 'determination-form');
    // Text where a count goes: refused at the count's field, what was typed kept.
    let typed = withValue(form, 'leaf.D3-3.count.FY', '两次');
    typed = withValue(typed, 'note', '依据市审计局年度审计报告认定。');
    const res = await post('admin', `${C()}/determinations/FGW`, typed);
    expect(res.status).toBe(422);
    const html = unescapeHtml(await res.text());
    expect(html).toContain('id="f-leaf.D3-3.count.FY-error"');
    expect(html).toContain('value="两次"');
    expect(html).toContain('依据市审计局年度审计报告认定。');
    // More bonus than the item allows: refused at the item's field.
    const over = await post('admin', `${C()}/determinations/FGW`, withValue(form, 'bonus.B1', '9'));
    expect(over.status).toBe(422);
    const overHtml = unescapeHtml(await over.text());
    expect(overHtml).toContain('id="f-bonus.B1-error"');
    expect(overHtml).toContain('value="9"');
    expect(
      (await api('admin', 'GET', `/v1/cycles/${cycleId}/determinations/FGW`)).body.determination,
    ).toBeNull();
  });

  it('saves incidents, bonus points and a veto with its note, and shows them again', async () => {
    const form = formFields((await page('admin', `${C()}/determinations/FGW`)).html, 'determination-form');
    let typed = withValue(form, 'leaf.D1-3.count.SJ', '2');
    typed = withValue(typed, 'leaf.D1-3.count.WG', '0');
    typed = withValue(typed, 'leaf.D3-3.count.FY', '0');
    typed = withValue(typed, 'leaf.D3-3.count.SS', '0');
    typed = withValue(typed, 'bonus.B2', '1');
    typed = withValue(typed, 'veto.V2.note', '领导班子成员被通报');
    typed = withValue(typed, 'note', '依据市审计局年度审计报告认定。');
    typed.push(['veto.V2', 'true']);
    const res = await post('admin', `${C()}/determinations/FGW`, typed);
    expect(res.status, unescapeHtml(await res.clone().text()).slice(0, 400)).toBe(303);
    expect(res.headers.get('location')).toBe(`${C()}/determinations/FGW?ok=updated`);
    const stored = (await api('admin', 'GET', `/v1/cycles/${cycleId}/determinations/FGW`)).body.determination;
    expect(stored).toMatchObject({
      version: 1,
      leaves: {
        'D1-3': { kind: 'incidents', counts: { SJ: 2, WG: 0 } },
        'D3-3': { kind: 'incidents', counts: { FY: 0, SS: 0 } },
      },
      bonus: { B2: 1 },
      vetoes: { V2: '领导班子成员被通报' },
      note: '依据市审计局年度审计报告认定。',
    });
    const again = (await page('admin', `${C()}/determinations/FGW`)).html;
    expect(again).toContain('name="version" value="1"');
    expect(again).toMatch(
      /id="f-leaf\.D1-3\.count\.SJ"[^>]*value="2"|value="2"[^>]*id="f-leaf\.D1-3\.count\.SJ"/,
    );
    expect(again).toMatch(/id="f-veto\.V2"[^>]*checked/);
    const list = (await page('admin', `${C()}/determinations`)).html;
    expect(list).toMatch(/data-unit="FGW" data-determined="true"/);
    // Observers read them; units may not.
    const observer = await page('observer', `${C()}/determinations/FGW`);
    expect(observer.status).toBe(200);
    expect(observer.html).toContain('id="determination-read"');
    expect(observer.html).not.toContain('id="determination-form"');
    expect(observer.html).toContain('SJ×2');
    expect((await page('fgw', `${C()}/determinations/FGW`)).status).toBe(403);
  });
});

describe('comparing a run with the one before', () => {
  it('shows the units that changed, with the changed leaves and why', async () => {
    const form = formFields((await page('admin', `${C()}/evaluation`)).html, 'run-start-form');
    const res = await post('admin', `${C()}/evaluation/runs`, withValue(form, 'reason', '认定后重新试算'));
    expect(res.status).toBe(303);
    runs.second = res.headers.get('location')!.split('/').at(-1)!.split('?')[0]!;
    expect((await finished(runs.second)).status).toBe('ready');
    const overview = (await page('admin', `${C()}/evaluation`)).html;
    expect(overview).toContain(`data-compare="${runs.second}"`);
    const { status, html } = await page('admin', `${C()}/evaluation/runs/${runs.second}/compare`);
    expect(status).toBe(200);
    expect(html).toContain('id="compare-summary"');
    expect(html).toContain('id="change-FGW"');
    expect(html).toContain('data-leaf="D1-3"');
    expect(html).toContain(CHANGE_CAUSE_LABELS.input.zh);
    // Against the first run explicitly, picked from the list.
    const picked = await page('admin', `${C()}/evaluation/runs/${runs.second}/compare?with=${runs.first}`);
    expect(picked.status).toBe(200);
    expect(picked.html).toContain(`<option value="${runs.first}" selected`);
    expect(picked.html).toContain('id="change-FGW"');
    // The first run has nothing before it: the API's reason, as a page.
    const none = await page('admin', `${C()}/evaluation/runs/${runs.first}/compare`);
    expect(none.status).toBe(409);
  });
});

describe('an official run in review, released from the page', () => {
  it('refuses to release a trial, in the page', async () => {
    const res = await post('admin', `${C()}/evaluation/runs/${runs.second}/release`, {
      from: 'run',
      version: '1',
      note: '',
    });
    expect(res.status).toBe(409);
    expect(unescapeHtml(await res.text())).toContain('id="evaluation-error"');
  });

  it('starts an official run in review, releases it, and the unit reads its result', async () => {
    await startDemoReview((method, path, body) => api('admin', method, path, body), cycleId);
    const before = (await page('admin', `${C()}/evaluation`)).html;
    expect(before).toContain('data-kind="official"');
    const form = formFields(before, 'run-start-form');
    const res = await post('admin', `${C()}/evaluation/runs`, withValue(form, 'reason', '综合评议正式计算'));
    expect(res.status).toBe(303);
    runs.official = res.headers.get('location')!.split('/').at(-1)!.split('?')[0]!;
    const run = await finished(runs.official);
    expect(run.status).toBe('ready');
    expect(run.releasable).toBe(true);

    const results = (await page('admin', `${C()}/evaluation/runs/${runs.official}`)).html;
    expect(results).toContain(`id="release-${runs.official}"`);
    const release = formFields(results, `release-${runs.official}`);
    expect(release).toContainEqual(['version', String(run.version)]);
    const stale = await post(
      'admin',
      `${C()}/evaluation/runs/${runs.official}/release`,
      withValue(release, 'version', String(run.version + 5)),
    );
    expect(stale.status).toBe(409);
    expect(unescapeHtml(await stale.text())).toContain(`id="release-${runs.official}"`);
    const ok = await post(
      'admin',
      `${C()}/evaluation/runs/${runs.official}/release`,
      withValue(release, 'note', '经评议会审议后发布'),
    );
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`${C()}/evaluation?ok=released`);
    const overview = (await page('admin', `${C()}/evaluation?ok=released`)).html;
    expect(overview).toContain('结果已发布');
    expect(overview).toContain('经评议会审议后发布');
    expect(overview).toContain(RUN_STATUS_LABELS.released.zh);

    const own = await page('fgw', `${C()}/results/FGW`);
    expect(own.status).toBe(200);
    expect(own.html).toContain('id="result-headline"');
    expect(own.html).toContain('id="breakdown"');
    expect(own.html).toContain('id="appeal-window"');
    expect(own.html).not.toContain('id="result-not-released"');
    expect((await page('fgw', `${C()}/results/JYJ`)).status).toBe(404);
    const en = await page('fgw', `${C()}/results/FGW`, 'en');
    expect(en.html).toContain('Breakdown by indicator');
    // The office reads it too; an expert does not.
    expect((await page('admin', `${C()}/results/FGW`)).status).toBe(200);
    expect((await page('expert', `${C()}/results/FGW`)).status).toBe(404);
  });

  it('a later release replaces the first: the unit sees its standing before, and may appeal in the window', async () => {
    const form = formFields((await page('admin', `${C()}/evaluation`)).html, 'run-start-form');
    const res = await post('admin', `${C()}/evaluation/runs`, withValue(form, 'reason', '评议会后重新计算'));
    expect(res.status).toBe(303);
    const second = res.headers.get('location')!.split('/').at(-1)!.split('?')[0]!;
    const run = await finished(second);
    expect(run.status).toBe('ready');
    const overview = (await page('admin', `${C()}/evaluation`)).html;
    const release = formFields(overview, `release-${second}`);
    const ok = await post('admin', `${C()}/evaluation/runs/${second}/release`, release);
    expect(ok.status).toBe(303);
    const after = (await page('admin', `${C()}/evaluation`)).html;
    expect(after).toContain(RUN_STATUS_LABELS.superseded.zh);
    expect(after).toContain('此前发布');

    // Inside the appeal window (the stack's clock moved there), the unit is offered the appeals page.
    const opens = (await api('admin', 'GET', E())).body.appealWindow.opens as string;
    ahead = Date.parse(`${opens}T04:00:00Z`) - Date.now();
    const own = (await page('fgw', `${C()}/results/FGW`)).html;
    expect(own).toContain('id="result-previous"');
    expect(own).toContain(`第 ${run.number - 1} 次计算`);
    expect(own).toContain('data-open="true"');
    expect(own).toContain(`href="${C()}/appeals"`);
  });
});
