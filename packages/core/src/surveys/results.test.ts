import { describe, expect, it } from 'vitest';
import type { Leaf, LikertLevel } from '../indicators/model';
import { rule } from '../indicators/templates/build';
import type { SurveyAnswer } from './model';
import { type IntegrityDecisionRecord, surveyResults } from './results';

const GROUPS: [string, string, number][] = [
  ['clients', '服务对象', 0.5],
  ['deputies', '人大代表政协委员', 0.2],
  ['public', '社会公众', 0.3],
];
const leaf = {
  code: 'D3-2',
  name: '社会满意度',
  weight: 10,
  type: 'quantitative',
  source: 'survey',
  direction: 'higher',
  evidence: { required: false },
  rule: rule.satisfaction(GROUPS, 3),
} as unknown as Leaf;
const survey = {
  groups: GROUPS.map(([key, label, weight]) => ({ key, label, weight, openLink: key === 'public' })),
  units: ['FGW', 'JYJ'],
  questions: [
    { code: 'q1', text: '总体评价', kind: 'likert' as const, leaf: 'D3-2' },
    { code: 'q2', text: '服务态度', kind: 'likert' as const },
  ],
  fastSeconds: 3,
};

let n = 0;
const answer = (
  group: string,
  level: LikertLevel,
  channel: SurveyAnswer['channel'],
  extra: Partial<SurveyAnswer> = {},
): SurveyAnswer => {
  n++;
  return {
    id: `an${String(n).padStart(4, '0')}`,
    survey: 'sv1',
    group,
    channel,
    ratings: { FGW: { q1: level, q2: level } },
    texts: {},
    device: `d${n}`,
    network: `n${n}`,
    durationSeconds: 100,
    at: new Date(Date.parse('2025-11-20T02:00:00Z') + n * 3_600_000).toISOString(),
    ...extra,
  };
};

describe('survey results', () => {
  const answers = [
    ...Array.from({ length: 3 }, () => answer('clients', 'very_satisfied', 'invitation')),
    ...Array.from({ length: 2 }, () => answer('clients', 'satisfied', 'open_link')),
    ...Array.from({ length: 3 }, () => answer('deputies', 'satisfied', 'invitation')),
    // public: two answers, below the minimum sample of 3
    answer('public', 'fair', 'open_link'),
    answer('public', 'fair', 'open_link', { device: 'd1' }),
  ];
  const leafOf = (_u: string, code: string) => (code === 'D3-2' ? leaf : undefined);

  it('counts all, verified and as decided, and previews the rule with its minimum sample', () => {
    const r = surveyResults({ survey, answers, decisions: [], leafOf });
    expect(r.summary).toMatchObject({ answers: 10, verified: 6, openLink: 4, excluded: 0 });
    const fgw = r.leaves.find((l) => l.unit === 'FGW')!;
    const clients = fgw.groups.find((g) => g.key === 'clients')!;
    expect(clients.n).toEqual({ all: 5, verified: 3, decided: 5 });
    expect(clients.counts.verified.very_satisfied).toBe(3);
    expect(fgw.groups.find((g) => g.key === 'public')!.belowMinSample).toBe(true);
    expect(fgw.input).toEqual({
      kind: 'survey',
      answers: {
        clients: { very_satisfied: 3, satisfied: 2 },
        deputies: { satisfied: 3 },
        public: { fair: 2 },
      },
    });
    // clients mean 92, deputies 80; public dropped → (0.5·92 + 0.2·80) / 0.7 = 88.57
    expect(fgw.preview.status).toBe('scored');
    expect(fgw.preview.value).toBe('88.57');
    expect(fgw.preview.reason.zh).toContain('不足最低样本');
    // JYJ has no answers: too few, treated as no data.
    expect(r.leaves.find((l) => l.unit === 'JYJ')!.preview.status).toBe('missing');
    // The unlinked Likert question is tallied too.
    expect(r.questions.map((q) => `${q.unit}/${q.question}`)).toEqual(['FGW/q2', 'JYJ/q2']);
    // The device seen twice is flagged, not dropped.
    expect(r.flags).toEqual([expect.objectContaining({ signal: 'duplicate_device', key: 'd1', count: 2 })]);
  });

  it('removes the answers of an excluded flag as decided, and says when the flag has changed', () => {
    const flag = surveyResults({ survey, answers, decisions: [], leafOf }).flags[0]!;
    const decision: IntegrityDecisionRecord = {
      survey: 'sv1',
      signal: flag.signal,
      key: flag.key,
      decision: 'exclude',
      reason: '同一设备',
      answers: flag.answers,
      by: 'hrb-admin',
      version: 1,
      createdAt: '2025-11-21T00:00:00Z',
      updatedAt: '2025-11-21T00:00:00Z',
    };
    const r = surveyResults({ survey, answers, decisions: [decision], leafOf });
    expect(r.summary.excluded).toBe(2);
    const clients = r.leaves[0]!.groups.find((g) => g.key === 'clients')!;
    expect(clients.n).toEqual({ all: 5, verified: 3, decided: 4 });
    expect(r.flags[0]!.decision).toMatchObject({ decision: 'exclude', stale: false });
    const more = [...answers, answer('public', 'fair', 'open_link', { device: 'd1' })];
    expect(
      surveyResults({ survey, answers: more, decisions: [decision], leafOf }).flags[0]!.decision?.stale,
    ).toBe(true);
  });
});
