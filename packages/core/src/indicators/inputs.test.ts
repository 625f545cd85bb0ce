import { describe, expect, it } from 'vitest';
import { officeParamIssues } from './inputs';
import { DEFAULT_GRADING, type Leaf, type SystemContent, type UnitInputs } from './model';
import { validateSystem } from './validate';

const leaf = (code: string, extra: Partial<Leaf>): Leaf => ({
  code,
  name: `指标${code}`,
  weight: 50,
  direction: 'higher',
  type: 'quantitative',
  source: 'self_report',
  rule: { kind: 'target_completion', cap: 1 },
  evidence: { required: false },
  ...extra,
});
const content = (leaves: Leaf[]): SystemContent => ({
  name: '体系',
  total: 100,
  dimensions: [{ code: 'D1', name: '维度', weight: 100, children: leaves }],
  bonusItems: [],
  bonusCap: 0,
  vetoItems: [],
  statistics: [],
  grading: DEFAULT_GRADING,
  missingData: 'zero',
  exemption: 'redistribute',
  decimals: 2,
});
const npvLeaf = leaf('F1', {
  // biome-ignore lint/suspicious/noThenProperty: a formula rule's field, never awaited
  rule: { kind: 'formula', calculator: 'fnpv', then: { kind: 'target_completion', cap: 1 } },
  officeParams: { target: 100, args: { ratePercent: 8 } },
});
const fixedTarget = leaf('T1', { officeParams: { target: 100 } });
const officeArgsOf = (c: string) => (c === 'fnpv' ? ['ratePercent'] : undefined);
const unit = (leaves: UnitInputs['leaves']): UnitInputs => ({
  unit: 'U1',
  group: 'G',
  leaves,
  bonus: {},
  vetoes: {},
  statistics: {},
});

describe('what a unit may submit', () => {
  const sys = content([npvLeaf, fixedTarget]);

  it('its own data passes', () => {
    const u = unit({
      F1: { kind: 'formula', args: { netFlows: [-100, 60, 60] } },
      T1: { kind: 'value', actual: 95 },
    });
    expect(officeParamIssues(sys, [u], officeArgsOf)).toEqual([]);
  });

  it('a discount rate or a target the office sets is refused at its path, in both languages', () => {
    const u = unit({
      F1: { kind: 'formula', args: { netFlows: [-100, 60, 60], ratePercent: 3 }, target: 1 },
      T1: { kind: 'value', actual: 95, target: 80 },
    });
    const issues = officeParamIssues(sys, [unit({}), u], officeArgsOf);
    expect(issues.map((i) => i.path)).toEqual([
      'units.1.leaves.F1.target',
      'units.1.leaves.F1.args.ratePercent',
      'units.1.leaves.T1.target',
    ]);
    expect(issues[1]!.zh).toContain('由考核办设定');
    expect(issues[1]!.en).toContain('set by the office');
  });

  it('a target is the unit’s where the office fixed none (from its approved plan)', () => {
    const free = content([leaf('P1', {})]);
    expect(
      officeParamIssues(free, [unit({ P1: { kind: 'value', actual: 1, target: 2 } })], officeArgsOf),
    ).toEqual([]);
  });
});

describe('office parameters in the system', () => {
  const ctx = { unitGroups: [], knownCalculators: ['fnpv'], officeArgsOf };
  const checks = (c: SystemContent) => validateSystem(c, ctx).filter((i) => i.check === 'office_param');

  it('a formula whose office argument is not set, or that fixes the unit’s own data, is an issue', () => {
    const missing = leaf('F1', { rule: npvLeaf.rule, weight: 100 });
    expect(checks(content([missing])).map((i) => i.path)).toEqual([
      'dimensions.0.children.0.officeParams.args',
    ]);
    const foreign = leaf('F1', {
      rule: npvLeaf.rule,
      weight: 100,
      officeParams: { args: { ratePercent: 8, netFlows: [1] } },
    });
    const [issue] = checks(content([foreign]));
    expect(issue?.zh).toContain('netFlows');
    expect(issue?.en).toContain("the evaluated unit's data");
  });

  it('an office target of zero or below on a completion rule is an issue that names 差额计分', () => {
    const zero = leaf('Z1', { weight: 100, officeParams: { target: 0 } });
    const [issue] = checks(content([zero]));
    expect(issue?.path).toBe('dimensions.0.children.0.officeParams.target');
    expect(issue?.zh).toContain('差额计分');
    const gap = leaf('Z1', {
      weight: 100,
      rule: { kind: 'target_gap', tolerance: 5 },
      officeParams: { target: -2 },
    });
    expect(checks(content([gap]))).toEqual([]);
  });

  it('a target on a rule that uses none is an issue; a complete leaf is not', () => {
    const bands = leaf('B1', {
      weight: 50,
      rule: { kind: 'bands', bands: [{ min: null, max: null, fraction: 1 }] },
      officeParams: { target: 3 },
    });
    expect(checks(content([bands, fixedTarget])).map((i) => i.path)).toEqual([
      'dimensions.0.children.0.officeParams.target',
    ]);
    expect(checks(content([{ ...npvLeaf, weight: 100 }]))).toEqual([]);
  });
});
