import type { Role } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import type { Me } from '../context';
import { navFor } from './nav';

const me = (roles: Role[], extra: { tenant?: string; unit?: string; province?: string } = {}): Me => ({
  identity: { sub: 'u', name: 'U', roles, tenant: '230100', ...extra },
});
const labels = (m: Me) => navFor(m).map((n) => n.label);

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
    ]);
  });

  it('a provincial analyst has the home page (the province card)', () => {
    expect(labels(me(['provincial_analyst'], { tenant: '230000', province: '230000' }))).toEqual(['navHome']);
  });
});
