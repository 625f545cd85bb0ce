import type { Role } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import type { Me } from '../context';
import { navFor } from './nav';

const me = (roles: Role[], extra: { tenant?: string; unit?: string; province?: string } = {}): Me => ({
  identity: { sub: 'u', name: 'U', roles, tenant: '230100', ...extra },
});
const labels = (m: Me) => navFor(m).map((n) => n.label);
/** The caller with its tenant's registry record (the level decides the comparison's side). */
const at = (m: Me, level: 'province' | 'city' | 'county', code = m.identity.tenant ?? '230100'): Me => ({
  ...m,
  tenant: {
    code,
    name: code,
    fullName: code,
    level,
    provinceCode: `${code.slice(0, 2)}0000`,
    planStatus: 'active',
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  },
});
const OFFICE = [
  'navHome',
  'navUnitGroups',
  'navUnits',
  'navUsers',
  'navIndicators',
  'navCycles',
  'navAudit',
  'exPoolTitle',
  'evStorageTitle',
];

describe('the navigation offers what the API would allow', () => {
  it('an office admin manages the organisation, indicator systems, experts and storage', () => {
    expect(labels(me(['tenant_admin']))).toEqual([
      'navHome',
      'navUnitGroups',
      'navUnits',
      'navUsers',
      'navIndicators',
      'navCycles',
      'navAudit',
      'exPoolTitle',
      'evStorageTitle',
      'navStandards',
    ]);
  });

  it('the platform operator manages tenants and sees no tenant data', () => {
    expect(labels(me(['platform_operator'], { tenant: undefined }))).toEqual(['navHome', 'navTenants']);
  });

  it('a unit user sees its indicator systems; its unit is on the home page', () => {
    expect(labels(me(['unit_user'], { unit: 'FGW' }))).toEqual(['navHome', 'navIndicators', 'navCycles']);
  });

  it('an office-wide reader (observer) may read the organisation, not its users', () => {
    expect(labels(me(['observer']))).toEqual([
      'navHome',
      'navUnitGroups',
      'navUnits',
      'navIndicators',
      'navCycles',
      'navStandards',
    ]);
  });

  it('a provincial analyst has the home page, the comparison and the library', () => {
    expect(labels(me(['provincial_analyst'], { tenant: '230000', province: '230000' }))).toEqual([
      'navHome',
      'navComparison',
      'navStandards',
    ]);
  });

  it('a province’s office compares and keeps the library; it shares with no one', () => {
    expect(labels(at(me(['tenant_admin'], { tenant: '230000' }), 'province'))).toEqual([
      ...OFFICE,
      'navComparison',
      'navStandards',
    ]);
  });

  it('a city’s office compares its counties, shares up and sends guidance down', () => {
    expect(labels(at(me(['tenant_admin']), 'city'))).toEqual([
      ...OFFICE,
      'navComparison',
      'navStandards',
      'navSharing',
      'navGuidance',
    ]);
  });

  it('a county’s office shares up and reads its guidance; an observer there only reads', () => {
    expect(labels(at(me(['tenant_admin'], { tenant: '230125' }), 'county'))).toEqual([
      ...OFFICE,
      'navStandards',
      'navSharing',
      'navGuidanceInbox',
    ]);
    expect(labels(at(me(['observer'], { tenant: '230125' }), 'county'))).toEqual([
      'navHome',
      'navUnitGroups',
      'navUnits',
      'navIndicators',
      'navCycles',
      'navStandards',
      'navGuidanceInbox',
    ]);
  });
});
