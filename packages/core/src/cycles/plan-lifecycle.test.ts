import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { ANNUAL_PLAN_STATUS_LABELS, PLAN_ACTION_LABELS } from '../vocabulary/cycle-labels';
import {
  applyReview,
  isPlanEditable,
  latestDecisions,
  nextPlanStatus,
  type PlanFacts,
  planActionsIn,
  planReason,
} from './plan-lifecycle';
import {
  ANNUAL_PLAN_STATUSES,
  type AnnualPlanStatus,
  type ItemReview,
  PLAN_ACTIONS,
  type PlanAction,
} from './plans';

const caught = (f: () => unknown): AppError => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an AppError');
};

const ready: PlanFacts = { consultationClosed: true, commentsPending: 0, commentsUnanswered: 0, issues: [] };

/** The whole table: every status × action, null where the action is not allowed. */
const TABLE: Record<AnnualPlanStatus, Partial<Record<PlanAction, AnnualPlanStatus>>> = {
  draft: { open_consultation: 'consultation', submit: 'submitted' },
  consultation: { close_consultation: 'draft' },
  submitted: { review: 'submitted', reopen: 'returned' },
  returned: { submit: 'submitted' },
  approved: { publish: 'published', reopen: 'returned' },
  published: { reopen: 'returned' },
};

describe('nextPlanStatus', () => {
  for (const status of ANNUAL_PLAN_STATUSES)
    for (const action of PLAN_ACTIONS) {
      const next = TABLE[status][action];
      it(`${status} × ${action} → ${next ?? 'invalid_transition'}`, () => {
        if (next !== undefined) {
          expect(nextPlanStatus(status, action, ready)).toBe(next);
          expect(planActionsIn(status)).toContain(action);
          return;
        }
        expect(planActionsIn(status)).not.toContain(action);
        const e = caught(() => nextPlanStatus(status, action, ready));
        expect(e.status).toBe(409);
        expect(e.code).toBe('invalid_transition');
        expect(e.zh).toContain(`年度绩效计划当前为「${ANNUAL_PLAN_STATUS_LABELS[status].zh}」`);
        expect(e.zh).toContain(`不能执行「${PLAN_ACTION_LABELS[action].zh}」`);
        expect(e.en).toContain(`is ${ANNUAL_PLAN_STATUS_LABELS[status].en}`);
        for (const a of planActionsIn(status)) expect(e.zh).toContain(`「${PLAN_ACTION_LABELS[a].zh}」`);
        expect(e.detail).toEqual({ status, action, allowed: planActionsIn(status) });
      });
    }

  it('lists actions in the order of PLAN_ACTIONS', () => {
    expect(planActionsIn('draft')).toEqual(['open_consultation', 'submit']);
    expect(planActionsIn('approved')).toEqual(['publish', 'reopen']);
  });

  it('refuses to submit without a closed consultation (art. 11)', () => {
    for (const status of ['draft', 'returned'] as const) {
      const e = caught(() => nextPlanStatus(status, 'submit', { ...ready, consultationClosed: false }));
      expect(e.status).toBe(409);
      expect(e.code).toBe('precondition_failed');
      expect(e.zh).toBe('不能「报送审核」：年度绩效计划须先公开征求社会公众意见并结束征求（第十一条）。');
      expect(e.en).toContain('open for public comment');
      expect(e.detail.unmet).toHaveLength(1);
    }
  });

  it('refuses to submit with comments awaiting moderation or an answer', () => {
    const e = caught(() =>
      nextPlanStatus('draft', 'submit', { ...ready, commentsPending: 2, commentsUnanswered: 1 }),
    );
    expect(e.code).toBe('precondition_failed');
    expect(e.detail.unmet).toEqual([
      { zh: '还有 2 条公众意见待审核', en: '2 public comments await moderation' },
      { zh: '还有 1 条已公开的公众意见未答复', en: '1 published comment is not answered' },
    ]);
    expect(e.zh).toContain('还有 2 条公众意见待审核；还有 1 条已公开的公众意见未答复');
  });

  it('refuses to submit an incomplete plan, quoting the first gaps and keeping all', () => {
    const issues = Array.from({ length: 5 }, (_, i) => ({ zh: `问题${i}`, en: `gap ${i}` }));
    const e = caught(() => nextPlanStatus('draft', 'submit', { ...ready, issues }));
    expect(e.code).toBe('precondition_failed');
    expect(e.detail.unmet).toEqual([
      {
        zh: '计划还有 5 处需完善：问题0；问题1；问题2；等',
        en: 'the plan has 5 gaps: gap 0; gap 1; gap 2; and 2 more',
      },
    ]);
    expect(e.detail.issues).toEqual(issues);
    const one = caught(() => nextPlanStatus('draft', 'submit', { ...ready, issues: issues.slice(0, 1) }));
    expect((one.detail.unmet as { en: string }[])[0]!.en).toBe('the plan has 1 gap: gap 0');
  });

  it('lists every unmet fact at once', () => {
    const e = caught(() =>
      nextPlanStatus('returned', 'submit', {
        consultationClosed: false,
        commentsPending: 1,
        commentsUnanswered: 3,
        issues: [{ zh: '缺少依据', en: 'no basis' }],
      }),
    );
    expect(e.detail.unmet).toHaveLength(4);
    expect(e.en).toMatch(
      /^Cannot submit the plan: .*awaits moderation.*3 published comments are not answered.*no basis\.$/,
    );
  });

  it('reads no facts for other actions', () => {
    const bad: PlanFacts = {
      consultationClosed: false,
      commentsPending: 9,
      commentsUnanswered: 9,
      issues: [{ zh: 'x', en: 'x' }],
    };
    expect(nextPlanStatus('draft', 'open_consultation', bad)).toBe('consultation');
    expect(nextPlanStatus('approved', 'publish', bad)).toBe('published');
    expect(nextPlanStatus('published', 'reopen', bad)).toBe('returned');
  });
});

describe('isPlanEditable and planReason', () => {
  it('lets the unit edit only a draft or a returned plan', () => {
    expect(ANNUAL_PLAN_STATUSES.filter(isPlanEditable)).toEqual(['draft', 'returned']);
  });
  it('wants a reason to reopen, trimmed', () => {
    expect(planReason('reopen', '  指标调整 ')).toBe('指标调整');
    expect(planReason('submit', undefined)).toBeUndefined();
    expect(planReason('publish', ' ')).toBeUndefined();
    const e = caught(() => planReason('reopen', '  ', 'body.reason'));
    expect(e.status).toBe(422);
    expect(e.code).toBe('validation_failed');
    expect(e.fields).toEqual([
      {
        path: 'body.reason',
        zh: '退回重新修改须说明理由',
        en: 'Reopening a plan for changes needs a reason',
      },
    ]);
  });
});

describe('applyReview', () => {
  const leaves = ['C1', 'C2', 'C3'];
  const plan = { reviews: [] as ItemReview[], round: 1 };
  const at = '2025-04-01T08:00:00Z';

  it('approves when every leaf is approved this round', () => {
    const r = applyReview(
      plan,
      leaves.map((leaf) => ({ leaf, decision: 'approved' as const })),
      leaves,
      'u1',
      at,
    );
    expect(r.status).toBe('approved');
    expect(r.reviews).toEqual(leaves.map((leaf) => ({ leaf, decision: 'approved', round: 1, by: 'u1', at })));
  });

  it('stays submitted while some leaves are undecided, and counts earlier calls of the round', () => {
    const first = applyReview(plan, [{ leaf: 'C1', decision: 'approved' }], leaves, 'u1', at);
    expect(first.status).toBe('submitted');
    const second = applyReview(
      { reviews: first.reviews, round: 1 },
      [
        { leaf: 'C2', decision: 'approved' },
        { leaf: 'C3', decision: 'approved', comment: ' 好 ' },
      ],
      leaves,
      'u2',
      at,
    );
    expect(second.status).toBe('approved');
    expect(second.reviews).toHaveLength(3);
    expect(second.reviews[2]).toEqual({
      leaf: 'C3',
      decision: 'approved',
      comment: '好',
      round: 1,
      by: 'u2',
      at,
    });
  });

  it('returns when any leaf is returned, whatever the others', () => {
    const r = applyReview(
      plan,
      [{ leaf: 'C2', decision: 'returned', comment: '目标偏低' }],
      leaves,
      'u1',
      at,
    );
    expect(r.status).toBe('returned');
    expect(r.reviews[0]).toMatchObject({ leaf: 'C2', decision: 'returned', comment: '目标偏低', round: 1 });
  });

  it('reads only the latest decision of the current round', () => {
    const earlier: ItemReview[] = [
      { leaf: 'C1', decision: 'returned', comment: '改', round: 1, by: 'u1', at },
      { leaf: 'C2', decision: 'approved', round: 1, by: 'u1', at },
      { leaf: 'C3', decision: 'approved', round: 1, by: 'u1', at },
    ];
    // Round 2: round-1 approvals do not carry over.
    const r2 = applyReview(
      { reviews: earlier, round: 2 },
      [{ leaf: 'C1', decision: 'approved' }],
      leaves,
      'u1',
      at,
    );
    expect(r2.status).toBe('submitted');
    expect(r2.reviews.at(-1)!.round).toBe(2);
    // Within a round, a later approval replaces an earlier return.
    const changed = applyReview(
      { reviews: earlier, round: 1 },
      [{ leaf: 'C1', decision: 'approved' }],
      leaves,
      'u1',
      at,
    );
    expect(changed.status).toBe('approved');
    expect(latestDecisions(changed.reviews, 1).get('C1')).toBe('approved');
  });

  it('refuses decisions on leaves outside the plan with a 422 naming each', () => {
    const e = caught(() =>
      applyReview(
        plan,
        [
          { leaf: 'C1', decision: 'approved' },
          { leaf: 'X9', decision: 'returned', comment: 'x' },
        ],
        leaves,
        'u1',
        at,
        'body.decisions',
      ),
    );
    expect(e.status).toBe(422);
    expect(e.code).toBe('validation_failed');
    expect(e.fields).toEqual([
      {
        path: 'body.decisions.1.leaf',
        zh: '指标 X9 不在该单位的年度绩效计划中，不能退回',
        en: "Indicator X9 is not in this unit's annual plan, so it cannot be returned",
      },
    ]);
  });

  it('refuses a review unless the plan is submitted, when its status is given', () => {
    const e = caught(() =>
      applyReview({ ...plan, status: 'approved' }, [{ leaf: 'C1', decision: 'approved' }], leaves, 'u', at),
    );
    expect(e.code).toBe('invalid_transition');
    expect(e.zh).toContain('「已批准」');
    expect(
      applyReview({ ...plan, status: 'submitted' }, [{ leaf: 'C1', decision: 'approved' }], leaves, 'u', at)
        .status,
    ).toBe('submitted');
  });

  it('is approved iff all leaves approved, returned iff any returned (property)', () => {
    const decision = fc.constantFrom('approved' as const, 'returned' as const);
    fc.assert(
      fc.property(
        fc.array(fc.record({ leaf: fc.constantFrom(...leaves), decision }), { minLength: 1, maxLength: 8 }),
        (ds) => {
          const decisions = ds.map((d) => (d.decision === 'returned' ? { ...d, comment: '改' } : d));
          const { status, reviews } = applyReview(plan, decisions, leaves, 'u', at);
          const last = new Map(decisions.map((d) => [d.leaf, d.decision]));
          const values = leaves.map((l) => last.get(l));
          expect(reviews).toHaveLength(decisions.length);
          expect(status).toBe(
            values.includes('returned')
              ? 'returned'
              : values.every((v) => v === 'approved')
                ? 'approved'
                : 'submitted',
          );
        },
      ),
    );
  });
});
