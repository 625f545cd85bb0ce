import { describe, expect, it } from 'vitest';
import type { Leaf } from '../indicators/model';
import { rule } from '../indicators/templates/build';
import { surveyInputSchema } from './model';
import { surveyIssues } from './validate';

const sat = (groups: [string, string, number][]) =>
  ({ code: 'D3-2', name: '社会满意度', rule: rule.satisfaction(groups) }) as unknown as Leaf;
const GROUPS: [string, string, number][] = [
  ['clients', '服务对象', 0.5],
  ['deputies', '人大代表政协委员', 0.2],
  ['public', '社会公众', 0.3],
];
const units = new Map([
  ['FGW', { name: '市发改委', leaves: [sat(GROUPS)] }],
  ['JYJ', { name: '市教育局', leaves: [] as Leaf[] }],
  [
    'GAJ',
    {
      name: '市公安局',
      leaves: [{ code: 'D3-2', name: '社会满意度', rule: rule.expert() } as unknown as Leaf],
    },
  ],
]);
const input = (over: Record<string, unknown> = {}) =>
  surveyInputSchema.parse({
    title: '2025 年度社会满意度调查',
    groups: GROUPS.map(([key, label, weight]) => ({ key, label, weight, openLink: key === 'public' })),
    units: ['FGW'],
    questions: [{ code: 'q1', text: '总体评价', kind: 'likert', leaf: 'D3-2' }],
    ...over,
  });

describe('survey validation', () => {
  it('accepts a survey whose groups match the linked leaf', () => {
    expect(surveyIssues(input(), units)).toEqual([]);
  });

  it('names the units a linked leaf does not apply to, and a leaf not scored by satisfaction', () => {
    const issues = surveyIssues(input({ units: ['FGW', 'JYJ', 'GAJ', 'XXX'] }), units);
    expect(issues.map((i) => i.path)).toEqual([
      'body.units.3',
      'body.questions.0.leaf',
      'body.questions.0.leaf',
    ]);
    expect(issues[1]!.zh).toContain('不是');
    expect(issues[2]!.zh).toContain('市教育局（JYJ）');
  });

  it('says which groups differ from the rule', () => {
    const groups = [
      { key: 'clients', label: '服务对象', weight: 0.6 },
      { key: 'others', label: '其他', weight: 0.4 },
    ];
    const [issue, ...rest] = surveyIssues(input({ groups }), units);
    expect(rest).toEqual([]);
    expect(issue!.path).toBe('body.questions.0.leaf');
    expect(issue!.en).toContain('group clients weighs 0.6, the rule says 0.5');
    expect(issue!.en).toContain('group deputies');
    expect(issue!.en).toContain('the rule has no group others');
  });

  it('checks weights, duplicates and the open link', () => {
    const issues = surveyIssues(
      input({
        groups: [
          { key: 'a', label: 'A', weight: 0.5 },
          { key: 'a', label: 'A', weight: 0.2 },
        ],
        openLink: { enabled: true },
        questions: [
          { code: 'q1', text: 'x', kind: 'text', leaf: 'D3-2' },
          { code: 'q1', text: 'y', kind: 'likert' },
        ],
      }),
      units,
    );
    expect(issues.map((i) => i.path)).toEqual([
      'body.groups.1.key',
      'body.groups',
      'body.openLink.enabled',
      'body.questions.0.leaf',
      'body.questions.1.code',
    ]);
  });
});
