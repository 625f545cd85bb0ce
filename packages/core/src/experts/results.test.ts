import { describe, expect, it } from 'vitest';
import { leafSchema } from '../indicators/model';
import { conflictError, conflictOf } from './conflicts';
import { expertLeafFeed, finalScores } from './results';

const expertLeaf = leafSchema.parse({
  code: 'D3-1',
  name: '职能履行效果',
  weight: 15,
  type: 'qualitative',
  source: 'expert',
  rule: { kind: 'expert' },
});
const compositeLeaf = leafSchema.parse({
  code: 'D2-1',
  name: '综合评价',
  weight: 10,
  type: 'qualitative',
  source: 'expert',
  rule: {
    kind: 'composite',
    sources: [
      { key: 'leader', label: '领导评价', weight: 0.6 },
      { key: 'peer', label: '同级评价', weight: 0.4 },
    ],
  },
});

describe('final scores', () => {
  it('take each expert’s latest round', () => {
    const got = finalScores([
      { expert: 'b', round: 1, score: 60 },
      { expert: 'a', round: 1, score: 70 },
      { expert: 'b', round: 2, score: 75 },
    ]);
    expect(got.map((s) => [s.expert, s.score])).toEqual([
      ['a', 70],
      ['b', 75],
    ]);
  });
});

describe('the leaf an expert review feeds', () => {
  it('gives an expert rule its scores and previews the trimmed mean by the rule', () => {
    const scores = [80, 85, 90, 70, 95].map((score, i) => ({ expert: `e${i}`, score, round: 1 }));
    const f = expertLeafFeed(expertLeaf, scores);
    expect(f.input).toEqual({ kind: 'expert_scores', scores: [80, 85, 90, 70, 95] });
    // (80 + 85 + 90) / 3 = 85 of 100
    expect(f.preview).toMatchObject({ status: 'scored', fraction: 0.85, value: '85.00' });
    expect(f.preview!.reason.zh).toContain('去掉一个最高分 95 和一个最低分 70');
  });

  it('gives a 360° composite the trimmed mean of each rater group as its source score', () => {
    const leader = [90, 80, 100, 85, 95].map((score, i) => ({
      expert: `l${i}`,
      group: 'leader',
      score,
      round: 1,
    }));
    const peer = [70, 80].map((score, i) => ({ expert: `p${i}`, group: 'peer', score, round: 1 }));
    const f = expertLeafFeed(compositeLeaf, [...leader, ...peer]);
    // leader: drop 100 and 80 → (90 + 85 + 95) / 3 = 90; peer: (70 + 80) / 2 = 75 (fewer than 5)
    expect(f.groups).toEqual([
      { key: 'leader', n: 5, mean: 90 },
      { key: 'peer', n: 2, mean: 75 },
    ]);
    expect(f.input).toEqual({ kind: 'sources', scores: { leader: 90, peer: 75 } });
    // 0.6 × 90 + 0.4 × 75 = 84
    expect(f.preview!.fraction).toBe(0.84);
  });

  it('leaves a group without raters out (the composite rule counts it as 0 and says so)', () => {
    const f = expertLeafFeed(compositeLeaf, [{ expert: 'l', group: 'leader', score: 100, round: 1 }]);
    expect(f.input).toEqual({ kind: 'sources', scores: { leader: 100 } });
    expect(f.preview!.fraction).toBe(0.6);
    expect(f.preview!.reason.zh).toContain('未提供');
  });

  it('gives no input without scores', () => {
    expect(expertLeafFeed(expertLeaf, [])).toEqual({});
  });
});

describe('conflict of interest (回避)', () => {
  const expert = { name: '赵教授', unit: 'FGW', conflicts: ['JYJ'] };
  it('refuses the own unit and a declared conflict, naming both', () => {
    expect(conflictOf(expert, 'FGW')).toBe('own_unit');
    expect(conflictOf(expert, 'JYJ')).toBe('declared');
    expect(conflictOf(expert, 'CZJ')).toBeUndefined();
    const e = conflictError(expert, { code: 'FGW', name: '市发改委' }, 'own_unit');
    expect(e.status).toBe(409);
    expect(e.code).toBe('conflict_of_interest');
    expect(e.zh).toContain('赵教授');
    expect(e.zh).toContain('市发改委');
    expect(e.en).toContain("expert's own unit");
  });
});
