import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actionsFrom,
  actionTarget,
  CARRIED,
  carryOverSchema,
  daysOverdue,
  isOverdue,
  mayEditTask,
  mayReport,
  RECTIFICATION_ACTIONS,
  RECTIFICATION_STATUSES,
  type RectificationStatus,
  rectificationCreateSchema,
  rectificationPatchSchema,
  rectificationProgressSchema,
  rectificationRefused,
  rectificationSummary,
  rectificationTransitionSchema,
} from './rectification';

const TASK = {
  title: '重大项目前期手续办理滞后',
  problem: '察访核验发现 3 个重大项目的用地预审超期未办结。',
  source: 'check',
  owner: '投资处 王科长',
  deadline: '2027-06-30',
};
const day = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('a task as the office writes it (schemas)', () => {
  it('takes the least a task needs, and refuses blanks, bad days, unknown fields', () => {
    expect(rectificationCreateSchema.safeParse(TASK).success).toBe(true);
    for (const k of ['title', 'problem', 'owner'] as const) {
      const r = rectificationCreateSchema.safeParse({ ...TASK, [k]: '  ' });
      expect(r.error?.issues[0]?.path, k).toEqual([k]);
      expect(r.error?.issues[0]?.message).toMatch(/须填写.* \/ give /);
    }
    expect(rectificationCreateSchema.safeParse({ ...TASK, deadline: '2027-02-30' }).success).toBe(false);
    expect(rectificationCreateSchema.safeParse({ ...TASK, status: 'closed' }).success).toBe(false);
  });

  it('leaves carried_over to the carry-over', () => {
    const r = rectificationCreateSchema.safeParse({ ...TASK, source: 'carried_over' });
    expect(r.error?.issues[0]?.path).toEqual(['source']);
    expect(rectificationPatchSchema.safeParse({ version: 1, source: 'carried_over' }).success).toBe(false);
  });

  it('references an appeal and a run by their ids only', () => {
    expect(
      rectificationCreateSchema.safeParse({ ...TASK, appeal: 'apabcdefghijkl', run: 'rnabcdefghijkl' })
        .success,
    ).toBe(true);
    expect(rectificationCreateSchema.safeParse({ ...TASK, appeal: 'rnabcdefghijkl' }).success).toBe(false);
    expect(rectificationPatchSchema.safeParse({ version: 1, appeal: null, leaf: null }).success).toBe(true);
  });

  it('wants a reason to cancel or reopen, not to close', () => {
    expect(rectificationTransitionSchema.safeParse({ version: 1, action: 'close' }).success).toBe(true);
    for (const action of ['cancel', 'reopen'])
      expect(
        rectificationTransitionSchema.safeParse({ version: 1, action, reason: ' ' }).error?.issues[0]?.path,
      ).toEqual(['reason']);
  });

  it('lets a unit report in progress or done, with its note and documents', () => {
    const p = { version: 2, note: '已完成两个项目的用地预审。', status: 'in_progress' };
    expect(rectificationProgressSchema.parse(p)).toMatchObject({ evidence: [] });
    expect(rectificationProgressSchema.safeParse({ ...p, status: 'closed' }).success).toBe(false);
    expect(rectificationProgressSchema.safeParse({ ...p, note: '' }).success).toBe(false);
    expect(carryOverSchema.safeParse({ from: 'cyabcdefghijkl' }).success).toBe(true);
    expect(carryOverSchema.safeParse({ from: '2024' }).success).toBe(false);
  });
});

describe('overdue', () => {
  it('is past the deadline and not done, counted in whole days', () => {
    const t = { deadline: '2027-06-30', status: 'open' as const };
    expect(isOverdue(t, '2027-06-30')).toBe(false);
    expect(isOverdue(t, '2027-07-01')).toBe(true);
    expect(daysOverdue(t, '2027-07-01')).toBe(1);
    expect(daysOverdue(t, '2028-06-30')).toBe(366);
    expect(isOverdue({ ...t, status: 'done' }, '2028-01-01')).toBe(false);
    expect(daysOverdue({ ...t, status: 'closed' }, '2028-01-01')).toBe(0);
  });

  it('holds exactly for open and in-progress tasks whose deadline is before today (fast-check)', () => {
    fc.assert(
      fc.property(day, day, fc.constantFrom(...RECTIFICATION_STATUSES), (deadline, today, status) => {
        const before = Date.parse(`${deadline}T00:00:00Z`) < Date.parse(`${today}T00:00:00Z`);
        const unfinished = status === 'open' || status === 'in_progress';
        expect(isOverdue({ deadline, status }, today)).toBe(before && unfinished);
        const days = daysOverdue({ deadline, status }, today);
        expect(days > 0).toBe(before && unfinished);
      }),
    );
  });

  it('is counted in the summary beside the counts per status', () => {
    const s = rectificationSummary(
      [
        { deadline: '2027-01-01', status: 'open' },
        { deadline: '2027-01-01', status: 'in_progress' },
        { deadline: '2027-01-01', status: 'closed' },
        { deadline: '2099-01-01', status: 'open' },
      ],
      '2027-03-01',
    );
    expect(s).toEqual({
      total: 4,
      overdue: 2,
      byStatus: { open: 2, in_progress: 1, done: 0, closed: 1, cancelled: 0 },
    });
  });
});

describe('the office’s actions', () => {
  it('closes only what the unit reported done, cancels anything unfinished, reopens what ended', () => {
    expect(actionTarget('done', 'close', true)).toBe('closed');
    expect(actionTarget('in_progress', 'close', true)).toBeUndefined();
    expect(actionTarget('open', 'cancel', false)).toBe('cancelled');
    expect(actionTarget('closed', 'cancel', true)).toBeUndefined();
    expect(actionTarget('closed', 'reopen', true)).toBe('in_progress');
    expect(actionTarget('cancelled', 'reopen', false)).toBe('open');
    expect(actionTarget('open', 'reopen', false)).toBeUndefined();
    expect(actionsFrom('done', true)).toEqual(['close', 'cancel', 'reopen']);
    expect(actionsFrom('open', false)).toEqual(['cancel']);
  });

  it('never leads anywhere but a status, and never back to where it started (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RECTIFICATION_STATUSES),
        fc.constantFrom(...RECTIFICATION_ACTIONS),
        fc.boolean(),
        (from: RectificationStatus, action, reported) => {
          const to = actionTarget(from, action, reported);
          if (to === undefined) return;
          expect(RECTIFICATION_STATUSES).toContain(to);
          expect(to).not.toBe(from);
        },
      ),
    );
  });

  it('keeps closed and cancelled tasks as they are until reopened', () => {
    for (const s of ['closed', 'cancelled'] as const) {
      expect(mayReport(s)).toBe(false);
      expect(mayEditTask(s)).toBe(false);
    }
    expect(mayReport('done')).toBe(true);
    expect(CARRIED).toEqual(['open', 'in_progress', 'done']);
  });

  it('explains a refusal with the status and the action', () => {
    const e = rectificationRefused('closed', 'report');
    expect(e).toMatchObject({ status: 409, code: 'invalid_transition' });
    expect(e.zh).toBe('整改任务当前为「已销号」，不能报送整改进展。');
    expect(rectificationRefused('open', 'close').zh).toContain('确认销号');
  });
});
