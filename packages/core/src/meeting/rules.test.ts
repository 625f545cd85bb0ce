import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEETING_ROLE_LABELS, MEETING_STATUS_LABELS } from '../vocabulary/meeting-labels';
import {
  adjustmentPointsSchema,
  hasTwoDecimals,
  MEETING_ROLES,
  MEETING_STATUSES,
  type Meeting,
  type MeetingDecision,
  type MeetingMember,
  meetingDocumentSchema,
  meetingPutSchema,
} from './model';
import {
  adjustmentChanges,
  adjustmentNote,
  assertConcludable,
  assertEditable,
  concludeUnmet,
  meetingAdjustments,
  meetingIssues,
} from './rules';

const member = (name: string, role: MeetingMember['role']): MeetingMember => ({
  name,
  organisation: '市考核办',
  role,
});
const QUORATE = [member('张市长', 'chair'), member('王丽', 'member'), member('赵教授', 'member')];
const decision = (unit: string, points?: number, reason = '重点任务超额完成'): MeetingDecision => ({
  unit,
  decision: '同意考核结果',
  ...(points === undefined ? {} : { adjustment: { points, reason } }),
});
const meeting = (over: Partial<Meeting> = {}): Meeting => ({
  cycle: 'cyaaaaaaaaaaaa',
  title: '评议会',
  day: '2026-12-28',
  place: '市政府第一会议室',
  members: QUORATE,
  documents: [],
  decisions: [],
  minutes: '会议听取了考核办关于评估结果初稿的汇报。',
  status: 'draft',
  version: 1,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  ...over,
});

describe('the meeting record (schema)', () => {
  const base = { title: '哈尔滨市 2025 年度绩效评估评议会', day: '2026-12-28' };

  it('takes the least a meeting needs, with empty lists and minutes', () => {
    const r = meetingPutSchema.parse(base);
    expect(r).toMatchObject({ place: '', members: [], documents: [], decisions: [], minutes: '' });
  });

  it('refuses a missing title, a bad day, an unknown role and unknown fields', () => {
    expect(meetingPutSchema.safeParse({ day: '2026-12-28' }).success).toBe(false);
    expect(meetingPutSchema.safeParse({ ...base, day: '2026-02-30' }).success).toBe(false);
    expect(meetingPutSchema.safeParse({ ...base, members: [{ name: 'x', role: 'king' }] }).success).toBe(
      false,
    );
    expect(meetingPutSchema.safeParse({ ...base, chairman: 'x' }).success).toBe(false);
  });

  it('bounds the minutes at 20,000 characters', () => {
    expect(meetingPutSchema.safeParse({ ...base, minutes: '纪'.repeat(20000) }).success).toBe(true);
    expect(meetingPutSchema.safeParse({ ...base, minutes: '纪'.repeat(20001) }).success).toBe(false);
  });

  it('takes a document by evidence id or by reference, not both, and checks the id', () => {
    expect(meetingDocumentSchema.safeParse({ title: '方案', evidence: 'evabcdefghijkl' }).success).toBe(true);
    expect(meetingDocumentSchema.safeParse({ title: '方案', reference: '哈绩效办〔2025〕1号' }).success).toBe(
      true,
    );
    expect(meetingDocumentSchema.safeParse({ title: '方案', evidence: 'up123' }).success).toBe(false);
    const both = meetingDocumentSchema.safeParse({
      title: '方案',
      evidence: 'evabcdefghijkl',
      reference: 'x',
    });
    expect(both.success).toBe(false);
    expect(both.error?.issues[0]?.path).toEqual(['reference']);
  });

  it('bounds adjustments: −20..+20, never 0, at most two decimals; a reason of at least 5 characters', () => {
    for (const ok of [-20, 20, 0.01, -1.5, 2.25])
      expect(adjustmentPointsSchema.safeParse(ok).success).toBe(true);
    for (const bad of [0, 20.01, -21, 1.005, Number.NaN, Number.POSITIVE_INFINITY])
      expect(adjustmentPointsSchema.safeParse(bad).success, String(bad)).toBe(false);
    const d = (reason: string) =>
      meetingPutSchema.safeParse({
        ...base,
        decisions: [{ unit: 'FGW', decision: '同意', adjustment: { points: 1, reason } }],
      });
    expect(d('理由不足').success).toBe(false);
    expect(d('   理由足够长了   ').success).toBe(true);
  });

  it('accepts exactly the hundredths (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2000, max: 2000 }).filter((n) => n !== 0),
        (h) => {
          expect(adjustmentPointsSchema.safeParse(h / 100).success).toBe(true);
          expect(hasTwoDecimals(h / 100 + 0.003)).toBe(false);
        },
      ),
    );
  });
});

describe('what a save may hold', () => {
  const units = new Set(['FGW', 'JYJ']);

  it('names a decision for a unit outside the cycle and a second one for the same unit', () => {
    const issues = meetingIssues(
      { members: [], decisions: [decision('FGW'), decision('XXX'), decision('FGW', 1)] },
      units,
    );
    expect(issues.map((i) => i.path)).toEqual(['decisions.1.unit', 'decisions.2.unit']);
    expect(issues[1]!.zh).toContain('重复');
  });

  it('allows one chair only', () => {
    const issues = meetingIssues(
      { members: [...QUORATE, member('李副市长', 'chair')], decisions: [] },
      units,
    );
    expect(issues).toEqual([expect.objectContaining({ path: 'members.3.role' })]);
  });

  it('finds nothing wrong in a sound record (fast-check: distinct units of the cycle)', () => {
    fc.assert(
      fc.property(fc.subarray(['FGW', 'JYJ', 'CZJ', 'GAJ']), (codes) => {
        const all = new Set(['FGW', 'JYJ', 'CZJ', 'GAJ']);
        expect(meetingIssues({ members: QUORATE, decisions: codes.map((c) => decision(c)) }, all)).toEqual(
          [],
        );
      }),
    );
  });
});

describe('concluding', () => {
  it('needs a chair, a quorum of voting members, the minutes and the day come', () => {
    expect(concludeUnmet(meeting(), '2026-12-28')).toEqual([]);
    const unmet = concludeUnmet(
      meeting({
        members: [member('王丽', 'member'), member('刘', 'secretary'), member('陈', 'observer')],
        minutes: '  ',
        day: '2026-12-29',
      }),
      '2026-12-28',
    );
    expect(unmet.map((u) => u.en)).toEqual([
      'The meeting has no chair',
      'Fewer than 3 voting members, chair included (1)',
      'The minutes are empty',
      "The meeting's day 2026-12-29 has not come yet",
    ]);
    expect(() => assertConcludable(meeting({ minutes: '' }), '2026-12-28')).toThrow(/minutes/);
  });

  it('locks a concluded meeting', () => {
    expect(() => assertEditable(undefined)).not.toThrow();
    expect(() => assertEditable(meeting())).not.toThrow();
    expect(() => assertEditable(meeting({ status: 'concluded' }))).toThrow(
      expect.objectContaining({ status: 409, code: 'meeting_concluded' }),
    );
  });
});

describe('the adjustments handed to the results', () => {
  const decisions = [decision('FGW', 2), decision('JYJ'), decision('CZJ', -1.5, '重大项目进度滞后')];

  it('come only from a concluded meeting', () => {
    expect(meetingAdjustments(undefined).size).toBe(0);
    expect(meetingAdjustments(meeting({ decisions })).size).toBe(0);
    const m = meetingAdjustments(meeting({ decisions, status: 'concluded' }));
    expect([...m]).toEqual([
      ['FGW', { points: 2, reason: '重点任务超额完成' }],
      ['CZJ', { points: -1.5, reason: '重大项目进度滞后' }],
    ]);
  });

  it('hold one bounded entry per unit with an adjustment (fast-check)', () => {
    const arb = fc.array(
      fc.record({
        unit: fc.constantFrom('A', 'B', 'C', 'D'),
        points: fc.option(fc.integer({ min: -2000, max: 2000 }).filter((n) => n !== 0)),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const ds = rows.map((r) => decision(r.unit, r.points === null ? undefined : r.points / 100));
        const m = meetingAdjustments(meeting({ decisions: ds, status: 'concluded' }));
        const withAdj = new Set(ds.filter((d) => d.adjustment).map((d) => d.unit));
        expect(new Set(m.keys())).toEqual(withAdj);
        for (const a of m.values()) expect(Math.abs(a.points)).toBeLessThanOrEqual(20);
      }),
    );
  });

  it('are compared save to save for the audit trail, naming unit, points and reason', () => {
    const changes = adjustmentChanges(
      [decision('FGW', 2), decision('JYJ', 1)],
      [decision('FGW', 3), decision('JYJ', 1), decision('CZJ', -1, '重大项目进度滞后')],
    );
    expect(changes.map((c) => c.unit)).toEqual(['CZJ', 'FGW']);
    expect(adjustmentNote(changes[1]!)).toBe('FGW：评分调整 +3 分，理由：重点任务超额完成');
    const removed = adjustmentChanges([decision('FGW', 2)], [decision('FGW')]);
    expect(removed).toEqual([
      { unit: 'FGW', before: { points: 2, reason: '重点任务超额完成' }, after: null },
    ]);
    expect(adjustmentNote(removed[0]!)).toContain('撤销');
  });
});

describe('labels', () => {
  it('label every role and status in both languages', () => {
    for (const r of MEETING_ROLES) expect(MEETING_ROLE_LABELS[r].zh).toMatch(/[\u4e00-\u9fff]/);
    for (const s of MEETING_STATUSES) expect(MEETING_STATUS_LABELS[s].en).toMatch(/[A-Z]/);
  });
});
