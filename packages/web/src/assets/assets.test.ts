import { runInNewContext } from 'node:vm';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { assetFile, assetUrl, serveAsset } from '.';
import { RUN_PROGRESS_JS } from './run-progress.js.ts';

const app = new Hono().get('/console/assets/:file', serveAsset);

describe('static assets', () => {
  it('are linked by a content-hashed name under /console/assets', () => {
    expect(assetFile('console.css')).toMatch(/^console\.[0-9a-f]{12}\.css$/);
    expect(assetUrl('editor-sums.js')).toMatch(/^\/console\/assets\/editor-sums\.[0-9a-f]{12}\.js$/);
  });

  it('are served with their type and cached for a year as immutable', async () => {
    const css = await app.request(assetUrl('console.css'));
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await css.text()).toContain('header.top');
    const js = await app.request(assetUrl('editor-sums.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toContain("getElementById('is-editor')");
    const icon = await app.request(assetUrl('favicon.svg'));
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it('answers 404, not cached, for an unknown or outdated name', async () => {
    for (const name of ['console.css', 'console.000000000000.css', 'nope.js']) {
      const res = await app.request(`/console/assets/${name}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });
});

describe('the evaluation progress script', () => {
  /** A page with a running run, as far as the script looks at it, and what it did to the page. */
  function fakePage(answers: Record<string, unknown>[]) {
    const el = (attrs: Record<string, string> = {}) => ({
      attrs: { ...attrs } as Record<string, string>,
      textContent: '',
      hidden: true,
      children: [] as unknown[],
      max: 0,
      value: -1,
      getAttribute(name: string) {
        return this.attrs[name] ?? null;
      },
      setAttribute(name: string, v: string) {
        this.attrs[name] = v;
      },
      removeAttribute(name: string) {
        delete this.attrs[name];
        this.value = -1;
      },
      appendChild(c: unknown) {
        this.children.push(c);
      },
      querySelector(sel: string) {
        return parts[sel] ?? null;
      },
    });
    const box = el({ 'data-url': '/console/cycles/cy/evaluation/runs/rn/progress' });
    const bar = el();
    const reportBar = el();
    const failures = el();
    const parts: Record<string, ReturnType<typeof el>> = {
      '[data-run-count]': el(),
      '[data-run-report-count]': el(),
      '[data-run-step]': el(),
      '[data-run-failures]': el(),
    };
    const ids: Record<string, unknown> = {
      'run-progress': box,
      'run-bar': bar,
      'run-report-bar': reportBar,
      'run-failures': failures,
    };
    const events: unknown[] = [];
    const timers: (() => void)[] = [];
    const fetched: string[] = [];
    const replaced: string[] = [];
    const context = {
      document: {
        getElementById: (id: string) => ids[id] ?? null,
        createElement: () => el(),
        dispatchEvent: (e: { detail: unknown }) => events.push(e.detail),
      },
      CustomEvent: class {
        constructor(
          public type: string,
          public init: { detail: unknown },
        ) {}
        get detail() {
          return this.init.detail;
        }
      },
      window: {
        setTimeout: (f: () => void) => timers.push(f),
        location: {
          href: 'http://console.test/console/cycles/cy/evaluation/runs/rn?ok=started',
          replace: (u: string) => replaced.push(u),
        },
      },
      URL,
      fetch: (url: string) => {
        fetched.push(url);
        const body = answers.shift();
        return Promise.resolve({ ok: !!body, json: () => Promise.resolve(body) });
      },
    };
    runInNewContext(RUN_PROGRESS_JS, context);
    /** Runs the next timer and lets its fetch settle. */
    const tick = async () => {
      timers.shift()?.();
      for (let i = 0; i < 10; i++) await Promise.resolve();
    };
    return { box, bar, reportBar, parts, failures, events, timers, fetched, replaced, tick };
  }

  const progress = (p: Partial<Record<string, unknown>>) => ({
    status: 'running',
    stale: false,
    step: 'score',
    stepText: '逐单位计分',
    scored: 0,
    total: 0,
    percent: 0,
    text: '',
    reported: 0,
    reportPercent: 0,
    reportText: '',
    failures: [],
    ...p,
  });

  it('updates the bar, the count and the step in place, then reloads without the flash when the run ends', async () => {
    const page = fakePage([
      progress({ step: 'freeze', stepText: '冻结数据并生成快照', text: '正在确定参与计算的单位……' }),
      progress({ scored: 10, total: 23, percent: 43, text: '10 / 23 个单位已计分（43%）' }),
      progress({
        status: 'ready',
        step: 'ready',
        stepText: '提交考核办审核',
        scored: 23,
        total: 23,
        percent: 100,
      }),
    ]);
    await page.tick();
    expect(page.fetched).toEqual(['/console/cycles/cy/evaluation/runs/rn/progress']);
    expect(page.bar.value).toBe(-1); // indeterminate: no value while the total is unknown
    expect(page.parts['[data-run-step]']!.textContent).toBe('冻结数据并生成快照');
    await page.tick();
    expect([page.bar.max, page.bar.value]).toEqual([23, 10]);
    expect(page.parts['[data-run-count]']!.textContent).toBe('10 / 23 个单位已计分（43%）');
    expect(page.box.attrs['data-percent']).toBe('43');
    expect(page.replaced).toEqual([]);
    await page.tick();
    expect(page.bar.value).toBe(23);
    expect(page.events.map((e) => (e as { percent: number }).percent)).toEqual([0, 43, 100]);
    expect(page.replaced).toEqual(['/console/cycles/cy/evaluation/runs/rn']);
    expect(page.timers).toEqual([]); // no more polling once the run ended
  });

  it('fills in the report step’s bar and words as the reports are rendered', async () => {
    const page = fakePage([
      progress({ scored: 23, total: 23, percent: 100, reportText: '0 / 23 个单位的评估报告已生成（0%）' }),
      progress({
        step: 'report',
        stepText: '生成评估报告',
        scored: 23,
        total: 23,
        percent: 100,
        reported: 10,
        reportPercent: 43,
        reportText: '10 / 23 个单位的评估报告已生成（43%）',
      }),
    ]);
    await page.tick();
    expect([page.reportBar.max, page.reportBar.value]).toEqual([23, 0]);
    await page.tick();
    expect([page.reportBar.max, page.reportBar.value]).toEqual([23, 10]);
    expect(page.parts['[data-run-report-count]']!.textContent).toBe('10 / 23 个单位的评估报告已生成（43%）');
    expect(page.parts['[data-run-step]']!.textContent).toBe('生成评估报告');
    // The scoring bar stays full.
    expect([page.bar.max, page.bar.value]).toEqual([23, 23]);
  });

  it('shows failures as they come, keeps polling after a failed request, and stops for a stale run', async () => {
    const page = fakePage([
      progress({ failures: ['逐单位计分：数据库繁忙（Throttled，2026年1月5日 10:00）'] }),
      undefined as unknown as Record<string, unknown>,
      progress({ stale: true }),
    ]);
    await page.tick();
    expect(page.failures.hidden).toBe(false);
    expect(page.parts['[data-run-failures]']!.children).toHaveLength(1);
    await page.tick();
    expect(page.timers).toHaveLength(1);
    await page.tick();
    expect(page.replaced).toHaveLength(1);
  });
});
