import { describe, expect, it } from 'vitest';
import { officeParamEdits, refreshProvenance } from './draft-edits';
import type { Branch, Leaf, SystemContent } from './model';
import { templateContent } from './templates';

const kpi = (): SystemContent => {
  const c = templateContent('kpi');
  if (!c) throw new Error('kpi template missing');
  return c;
};
const investment = (): SystemContent => {
  const c = templateContent('investment_project');
  if (!c) throw new Error('investment template missing');
  return c;
};
const leaves = (c: SystemContent): Leaf[] => {
  const out: Leaf[] = [];
  const walk = (n: SystemContent['dimensions'][number]) =>
    'children' in n ? n.children.forEach(walk) : out.push(n);
  c.dimensions.forEach(walk);
  return out;
};

describe('a unit keeps the office’s parameters', () => {
  it('as copied from the template: nothing to report', () => {
    expect(officeParamEdits(investment(), investment())).toEqual([]);
  });

  it('a changed discount rate, a removed target and a new one are each reported at the leaf', () => {
    const after = investment();
    const withArgs = leaves(after).filter((l) => l.officeParams?.args?.ratePercent !== undefined);
    expect(withArgs.length).toBeGreaterThan(0);
    withArgs[0]!.officeParams = { ...withArgs[0]!.officeParams, args: { ratePercent: 3 } };
    const withTarget = leaves(after).find(
      (l) => l.officeParams?.target !== undefined && !l.officeParams.args,
    )!;
    delete withTarget.officeParams;
    const issues = officeParamEdits(investment(), after);
    expect(issues).toHaveLength(2);
    expect(issues[0]!.path).toMatch(/^body\.content\.dimensions\.\d+(\.children\.\d+)+\.officeParams$/);
    expect(issues[0]!.zh).toContain('只能由考核办设定或修改');
    // From scratch (no template), any office parameter is the unit's invention.
    expect(officeParamEdits(undefined, investment()).length).toBe(
      leaves(investment()).filter((l) => l.officeParams).length,
    );
  });
});

describe('a 原文 citation stops claiming what was changed', () => {
  it('a KPI dimension whose weight changed no longer says the source gives it; the others still do', () => {
    const after = kpi();
    after.dimensions[6]!.weight = 5;
    (after.dimensions[6] as Branch).children.forEach((c) => {
      c.weight = 2.5;
    });
    const out = refreshProvenance(kpi(), after);
    const p6 = out.dimensions[6]!.provenance;
    const p0 = out.dimensions[0]!.provenance;
    expect(p6?.kind === 'source' && p6.covers).toBeFalsy();
    expect(p6?.kind === 'source' && p6.quote).toContain('团队建设与人才培养');
    expect(p0?.kind === 'source' && p0.covers).toEqual(['weight']);
  });

  it('a formula leaf given another calculator no longer claims the source’s formula', () => {
    const before = investment();
    const after = investment();
    const f = leaves(after).find(
      (l) =>
        l.provenance?.kind === 'source' &&
        l.provenance.covers?.includes('formula') &&
        l.rule.kind === 'formula',
    )!;
    if (f.rule.kind === 'formula') f.rule = { ...f.rule, calculator: 'irr' };
    const out = leaves(refreshProvenance(before, after)).find((l) => l.code === f.code)!;
    expect(out.provenance?.kind === 'source' && out.provenance.covers?.includes('formula')).toBeFalsy();
    expect(refreshProvenance(before, investment())).toEqual(investment());
  });
});
