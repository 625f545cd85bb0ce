import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { CYCLE_ACTION_LABELS, CYCLE_STATE_LABELS } from '../vocabulary/cycle-labels';
import { CYCLE_ACTIONS, CYCLE_STATES, type CycleAction, type CycleState } from './model';
import {
  type CycleFacts,
  cycleActionsIn,
  nextCycleState,
  REOPENS,
  reopenCycle,
  reopenTargets,
  unmetPreconditions,
} from './states';

const caught = (f: () => unknown): AppError => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an AppError');
};

/** Facts under which every forward action is allowed. */
const ok: CycleFacts = {
  today: '2026-01-20',
  unapprovedBindings: [],
  units: 3,
  plansApproved: 3,
  selfSubmitted: 3,
  valuesPending: 0,
  selfAssessmentCloses: '2026-01-10',
  calendarProblems: [],
};

const FORWARD: Record<CycleState, CycleAction | null> = {
  draft: 'open_planning',
  planning: 'start_monitoring',
  monitoring: 'open_self_assessment',
  self_assessment: 'start_verification',
  verification: 'start_review',
  review: 'close',
  closed: null,
};

describe('nextCycleState: forward actions', () => {
  for (const state of CYCLE_STATES)
    for (const action of CYCLE_ACTIONS) {
      const allowed = FORWARD[state] === action;
      it(`${state} × ${action} → ${allowed ? CYCLE_STATES[CYCLE_STATES.indexOf(state) + 1] : 'invalid_transition'}`, () => {
        if (allowed) {
          expect(nextCycleState(state, action, ok)).toBe(CYCLE_STATES[CYCLE_STATES.indexOf(state) + 1]);
          return;
        }
        const e = caught(() => nextCycleState(state, action, ok));
        expect(e.status).toBe(409);
        expect(e.code).toBe('invalid_transition');
        expect(e.zh).toContain(
          `考核周期当前为「${CYCLE_STATE_LABELS[state].zh}」，不能执行「${CYCLE_ACTION_LABELS[action].zh}」`,
        );
        expect(e.en).toContain(
          `The cycle is in ${CYCLE_STATE_LABELS[state].en}; "${CYCLE_ACTION_LABELS[action].en}" is not possible`,
        );
        expect(e.detail).toEqual({ state, action, allowed: cycleActionsIn(state) });
        if (state === 'closed') expect(e.zh).toContain('当前可执行：「重新开放环节」');
      });
    }

  it('lists the forward action, then reopen once planning is behind', () => {
    expect(cycleActionsIn('draft')).toEqual(['open_planning']);
    expect(cycleActionsIn('planning')).toEqual(['start_monitoring']);
    expect(cycleActionsIn('monitoring')).toEqual(['open_self_assessment', 'reopen']);
    expect(cycleActionsIn('review')).toEqual(['close', 'reopen']);
    expect(cycleActionsIn('closed')).toEqual(['reopen']);
  });

  it('walks the whole cycle from draft to closed', () => {
    let s: CycleState = 'draft';
    for (const action of CYCLE_ACTIONS.filter((a) => a !== 'reopen')) s = nextCycleState(s, action, ok);
    expect(s).toBe('closed');
  });
});

describe('nextCycleState: preconditions', () => {
  const refused = (state: CycleState, action: CycleAction, facts: Partial<CycleFacts>) => {
    const e = caught(() => nextCycleState(state, action, { ...ok, ...facts }));
    expect(e.status).toBe(409);
    expect(e.code).toBe('precondition_failed');
    expect(e.zh.startsWith(`不能「${CYCLE_ACTION_LABELS[action].zh}」：`)).toBe(true);
    expect(e.en.startsWith(`Cannot ${CYCLE_ACTION_LABELS[action].en.toLowerCase()}: `)).toBe(true);
    expect(e.detail).toMatchObject({ state, action });
    return e;
  };

  it('open_planning: a unit group with units bound', () => {
    const e = refused('draft', 'open_planning', { units: 0 });
    expect(e.detail.unmet).toEqual([
      {
        zh: '尚未绑定已备案的指标体系和单位分组（范围内没有单位）',
        en: 'No approved indicator system is bound to a unit group with units',
      },
    ]);
  });
  it('open_planning: bound versions approved', () => {
    const e = refused('draft', 'open_planning', {
      unapprovedBindings: ['isabcdefghijkl@2', 'ismnopqrstuvwx@1'],
    });
    expect(e.zh).toBe(
      '不能「启动绩效计划制定」：绑定的指标体系版本未备案：isabcdefghijkl@2、ismnopqrstuvwx@1。',
    );
    expect(e.en).toBe(
      'Cannot open planning: Bound system versions are not approved: isabcdefghijkl@2, ismnopqrstuvwx@1.',
    );
  });
  it('open_planning: a sound calendar, every problem listed with the others', () => {
    const calendarProblems = [
      { zh: '甲', en: 'a' },
      { zh: '乙', en: 'b' },
    ];
    const e = refused('draft', 'open_planning', { calendarProblems, units: 0 });
    expect(e.detail.unmet).toHaveLength(3);
    expect(e.zh).toBe(
      '不能「启动绩效计划制定」：尚未绑定已备案的指标体系和单位分组（范围内没有单位）；甲；乙。',
    );
  });
  it('start_monitoring: every plan approved', () => {
    const e = refused('planning', 'start_monitoring', { plansApproved: 1 });
    expect(e.zh).toContain('还有 2 个单位的年度绩效计划未经批准（共 3 个）');
    expect(e.en).toContain('2 of 3 unit(s) have no approved annual plan yet');
  });
  it('start_verification: every self-assessment in, or the window closed', () => {
    const e = refused('self_assessment', 'start_verification', { selfSubmitted: 2, today: '2026-01-10' });
    expect(e.zh).toContain('自我测评截止日（2026-01-10）前还有 1 个单位未提交');
    expect(e.en).toContain('1 unit(s) have not submitted, and the self-assessment window closes 2026-01-10');
    expect(
      nextCycleState('self_assessment', 'start_verification', {
        ...ok,
        selfSubmitted: 2,
        today: '2026-01-11',
      }),
    ).toBe('verification');
  });
  it('start_review: no value pending verification', () => {
    const e = refused('verification', 'start_review', { valuesPending: 4 });
    expect(e.detail.unmet).toEqual([
      { zh: '还有 4 项指标数据待核验', en: '4 value(s) still await verification' },
    ]);
  });
  it('open_self_assessment and close read no facts', () => {
    const bad: CycleFacts = {
      ...ok,
      units: 9,
      plansApproved: 0,
      selfSubmitted: 0,
      valuesPending: 9,
      today: '2000-01-01',
    };
    expect(nextCycleState('monitoring', 'open_self_assessment', bad)).toBe('self_assessment');
    expect(nextCycleState('review', 'close', bad)).toBe('closed');
    expect(unmetPreconditions('open_self_assessment', bad)).toEqual([]);
    expect(unmetPreconditions('close', bad)).toEqual([]);
  });
  it('checks the state before the facts', () => {
    const e = caught(() => nextCycleState('monitoring', 'start_monitoring', { ...ok, plansApproved: 0 }));
    expect(e.code).toBe('invalid_transition');
  });
});

describe('reopen', () => {
  it('targets every step already passed but draft', () => {
    expect(reopenTargets('draft')).toEqual([]);
    expect(reopenTargets('planning')).toEqual([]);
    expect(reopenTargets('monitoring')).toEqual(['planning']);
    expect(reopenTargets('closed')).toEqual([
      'planning',
      'monitoring',
      'self_assessment',
      'verification',
      'review',
    ]);
  });
  it('is not a forward action', () => {
    for (const state of CYCLE_STATES)
      expect(caught(() => nextCycleState(state, 'reopen', ok)).code).toBe('invalid_transition');
  });
  it('moves to any target and refuses anything else with 409', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CYCLE_STATES), fc.constantFrom(...CYCLE_STATES), (state, to) => {
        if (reopenTargets(state).includes(to)) {
          expect(reopenCycle(state, to)).toBe(to);
          return;
        }
        const e = caught(() => reopenCycle(state, to));
        expect(e.status).toBe(409);
        expect(e.code).toBe('invalid_transition');
        expect(e.zh).toContain(`不能重新开放「${CYCLE_STATE_LABELS[to].zh}」`);
        expect(e.detail).toEqual({ state, to, allowed: reopenTargets(state) });
      }),
    );
  });
  it('says what reopening each target lets units do again', () => {
    for (const s of reopenTargets('closed')) expect(REOPENS[s].zh.length).toBeGreaterThan(0);
  });
});
