import { describe, expect, it } from 'vitest';
import { sharedResultSchema } from './model';
import { LIBRARY, mapping, plainShare, share, T1_DIGEST, T1_MAPPING, TENANTS, unitOf } from './testing';

describe('buildSharedResult (what a recipient receives)', () => {
  const s = share(TENANTS.T1, 2025, T1_DIGEST, [T1_MAPPING]);

  it('converts and aggregates each mapped leaf into the standard unit', () => {
    expect(sharedResultSchema.parse(s)).toEqual(s);
    expect(s.indicators).toEqual([
      // mean of the units with a numeric value: (88 + 92 + 90)/3 (U4's null does not count).
      { standard: 'A', value: 90, leaves: ['SYS@2:D1-1'], units: 3 },
      // sum × 0.1 (千元 → 万元): (300 + 400 + 300) × 0.1; U4's 999 is on version 1, which has no D1-2.
      { standard: 'B', value: 100, leaves: ['SYS@2:D1-2'], units: 3 },
      // the value of the named unit TJJ only.
      { standard: 'C', value: 80, leaves: ['SYS@2:D2-1'], units: 1 },
    ]);
  });

  it("covers the mapped leaves' points over every version the run used", () => {
    // SYS@2: D1-1 10 + D1-2 5 + D2-1 20 of 100 (D2-2 is mapped to a standard no longer in the
    // library, so it counts as unmapped); SYS@1: D1-1 10 + D2-1 20 of 100.
    expect(s.coverage).toEqual({ mappedPoints: 65, totalPoints: 200, mappedLeaves: 5, totalLeaves: 8 });
  });

  it('summarises the results without anything per unit', () => {
    // (95.5 + 88.25 + 72 + 89)/4 = 86.1875; grades by their best total (not alphabetically).
    expect(s.summary).toEqual({
      units: 4,
      meanTotal: '86.19',
      grades: [
        { code: 'excellent', label: { zh: 'excellent', en: 'excellent' }, count: 1 },
        { code: 'good', label: { zh: 'good', en: 'good' }, count: 2 },
        { code: 'fair', label: { zh: 'fair', en: 'fair' }, count: 1 },
      ],
    });
    const text = JSON.stringify(s);
    for (const unit of ['U1', 'U2', 'TJJ', 'U4', '999', '95.5']) expect(text).not.toContain(unit);
    expect(s).toMatchObject({
      tenant: '230102',
      tenantName: '道里区',
      parent: '230100',
      recipient: '230000',
    });
  });

  it('skips a standard with no numeric value, and a leaf whose standard left the library', () => {
    const t = plainShare(TENANTS.T4, 2025, { A: 70, C: 70 });
    expect(t.indicators.map((x) => x.standard)).toEqual(['A', 'C']);
    const withoutB = share(
      TENANTS.T2,
      2025,
      T1_DIGEST,
      [T1_MAPPING],
      LIBRARY.filter((x) => x.code !== 'B'),
    );
    expect(withoutB.indicators.map((x) => x.standard)).toEqual(['A', 'C']);
    expect(withoutB.coverage.mappedPoints).toBe(60);
  });

  it('combines two systems on one standard: sums add up, means weigh by unit count', () => {
    const digest = {
      units: {
        U1: unitOf('SYS@2', 80, 'good', { 'D1-1': 10 }),
        U2: unitOf('SYS@2', 80, 'good', { 'D1-1': 20 }),
        V1: unitOf('OTHER@1', 80, 'good', { X: 60 }),
      },
    };
    const other = {
      ...mapping([{ leaf: 'X', standard: 'A', factor: 1, aggregate: 'mean' as const }]),
      system: 'OTHER',
    };
    const sys = mapping([{ leaf: 'D1-1', standard: 'A', factor: 1, aggregate: 'mean' }]);
    expect(share(TENANTS.T1, 2025, digest, [sys, other]).indicators).toEqual([
      { standard: 'A', value: 30, leaves: ['OTHER@1:X', 'SYS@2:D1-1'], units: 3 },
    ]);
    const sums = [sys, other].map((m) => ({
      ...m,
      items: m.items.map((x) => ({ ...x, aggregate: 'sum' as const })),
    }));
    expect(share(TENANTS.T1, 2025, digest, sums).indicators[0]?.value).toBe(90);
  });

  it('a run with no units has an empty summary', () => {
    expect(share(TENANTS.T1, 2025, { units: {} }).summary).toEqual({
      units: 0,
      meanTotal: '0.00',
      grades: [],
    });
  });
});
