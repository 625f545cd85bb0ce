import { type RunView, runViewSchema } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { progressJson, reportPercent, showsReports } from './progress';

/** What the progress route answers the page's script: scoring and the report step, in the page's language. */

const view = (over: Partial<RunView>): RunView =>
  runViewSchema.parse({
    id: 'rnaaaaaaaaaaaa',
    cycle: 'cyaaaaaaaaaaaa',
    number: 3,
    kind: 'trial',
    trigger: 'office',
    reason: '试算',
    status: 'running',
    step: 'report',
    done: ['freeze', 'peers', 'score', 'rank', 'write'],
    scored: 23,
    total: 23,
    reported: 10,
    reportBatches: ['A01'],
    attempts: 1,
    started: { by: 'hrb-admin', at: '2026-01-10T02:00:00.000Z' },
    version: 9,
    createdAt: '2026-01-10T02:00:00.000Z',
    updatedAt: '2026-01-10T02:01:00.000Z',
    percent: 100,
    current: false,
    stale: false,
    resumable: false,
    releasable: false,
    ...over,
  });

describe('the run progress JSON', () => {
  it('carries the report step’s progress beside the scoring’s, in words of the page’s language', () => {
    const run = view({});
    expect(progressJson('zh', run)).toMatchObject({
      step: 'report',
      stepText: '生成评估报告',
      scored: 23,
      total: 23,
      percent: 100,
      text: '23 / 23 个单位已计分（100%）',
      reported: 10,
      reportPercent: 43,
      reportText: '10 / 23 个单位的评估报告已生成（43%）',
    });
    expect(progressJson('en', run)).toMatchObject({
      stepText: 'Render reports',
      reportText: '10 / 23 unit reports rendered (43%)',
    });
  });

  it('rounds down and never passes 100%; no total yet is 0%', () => {
    expect(reportPercent({ reported: 22, total: 23 })).toBe(95);
    expect(reportPercent({ reported: 30, total: 23 })).toBe(100);
    expect(reportPercent({ reported: 0, total: 0 })).toBe(0);
  });

  it('shows the report step for a running run and a run that rendered reports, not for one from before it', () => {
    expect(showsReports(view({ reported: 0 }))).toBe(true);
    expect(showsReports(view({ status: 'ready', step: 'ready', reported: 23 }))).toBe(true);
    // Released before the report step existed: done without `report`, nothing reported.
    expect(
      showsReports(
        view({
          status: 'released',
          step: 'ready',
          done: ['freeze', 'peers', 'score', 'rank', 'write', 'ready'],
          reported: 0,
        }),
      ),
    ).toBe(false);
    expect(showsReports(view({ status: 'failed', step: 'rank', reported: 0 }))).toBe(false);
  });
});
