import { describe, expect, it } from 'vitest';
import { CYCLE_STATES } from '../cycles/model';
import { type ReadinessFacts, readinessOf } from './readiness';

const facts = (over: Partial<ReadinessFacts> = {}): ReadinessFacts => ({
  state: 'review',
  units: 12,
  pendingValues: 0,
  openRounds: 0,
  openSurveys: 0,
  meeting: 'concluded',
  determinations: 12,
  ...over,
});

describe('readinessOf', () => {
  it('allows an official run in review and a trial run in verification, with nothing to note', () => {
    expect(readinessOf(facts())).toEqual({ kind: 'official', blockers: [], notes: [] });
    expect(readinessOf(facts({ state: 'verification' }))).toEqual({ kind: 'trial', blockers: [], notes: [] });
  });

  it('allows no run in any other state, naming the state and where runs are possible', () => {
    for (const state of CYCLE_STATES.filter((s) => s !== 'review' && s !== 'verification')) {
      const r = readinessOf(facts({ state }));
      expect(r.kind).toBeNull();
      expect(r.blockers).toHaveLength(1);
    }
    expect(readinessOf(facts({ state: 'monitoring' })).blockers[0]).toEqual({
      zh: '本周期处于「执行与日常监测」阶段，不能计算：「指标考核」阶段可预览试算，「综合评议」阶段可正式计算',
      en: 'The cycle is in Monitoring, so no run can start: a trial run is possible in Verification, an official run in Review',
    });
  });

  it('is blocked while a run is under way, naming its number', () => {
    const r = readinessOf(facts({ running: { number: 3 } }));
    expect(r.kind).toBeNull();
    expect(r.blockers).toEqual([
      {
        zh: '第 3 次计算正在进行，待其完成或中断后才能再次计算',
        en: 'Run 3 is under way; another can start once it finishes or stops',
      },
    ]);
    expect(readinessOf(facts({ state: 'closed', running: { number: 1 } })).blockers).toHaveLength(2);
  });

  it('notes what changes the scores without blocking the run', () => {
    const r = readinessOf(
      facts({ pendingValues: 5, openRounds: 2, openSurveys: 1, meeting: 'draft', determinations: 0 }),
    );
    expect(r.kind).toBe('official');
    expect(r.blockers).toEqual([]);
    expect(r.notes.map((n) => n.zh)).toEqual([
      '5 项数值尚未核实，计算时按报送的数值计入',
      '2 个专家评议轮次尚未结束，其评分不计入本次计算',
      '1 项满意度测评尚未截止，按目前已收到的答卷计算',
      '综合评议会尚未结束，其调整不计入本次计算',
      '考核办尚未作出任何年终认定：定性、扣分和公式指标以及加分、一票否决事项将无数据',
    ]);
    expect(r.notes.every((n) => n.en.length > 0)).toBe(true);
  });

  it('notes a cycle without units (and no missing determinations then)', () => {
    const r = readinessOf(facts({ state: 'verification', units: 0, determinations: 0, meeting: 'none' }));
    expect(r.kind).toBe('trial');
    expect(r.notes).toEqual([
      {
        zh: '本周期没有纳入考核的单位（检查指标体系与单位分组的绑定）',
        en: 'No unit is evaluated in this cycle (check which unit groups the systems are bound to)',
      },
    ]);
  });
});
