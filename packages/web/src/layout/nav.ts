import { CONTRACTS } from '@jixiao/api/contracts';
import { BASE, type Me } from '../context';
import type { MessageKey } from '../i18n';
import { GUIDANCE, MAPPINGS, SHARED, STANDARDS } from '../pages/comparisons/routes';
import { isCityOffice, isCountyOffice, isRecipient, isSharer } from '../pages/comparisons/scope';
import { may, officeWide } from '../policy';

/**
 * The main navigation. Each item names the API route its page is built on; it is shown when the
 * caller may call that route (the API's own policy), and, for the organisation's pages, when the
 * caller sees the whole tenant rather than one unit.
 */
interface NavItem {
  href: string;
  label: MessageKey;
  shown: (me: Me) => boolean;
}

const NAV: readonly NavItem[] = [
  { href: BASE, label: 'navHome', shown: (me) => may(me, CONTRACTS.identity.me) },
  { href: `${BASE}/tenants`, label: 'navTenants', shown: (me) => may(me, CONTRACTS.platformTenants.list) },
  {
    href: `${BASE}/unit-groups`,
    label: 'navUnitGroups',
    shown: (me) => may(me, CONTRACTS.unitGroups.list) && officeWide(me),
  },
  {
    href: `${BASE}/units`,
    label: 'navUnits',
    shown: (me) => may(me, CONTRACTS.units.list) && officeWide(me),
  },
  {
    href: `${BASE}/users`,
    label: 'navUsers',
    shown: (me) => may(me, CONTRACTS.users.list) && officeWide(me),
  },
  {
    href: `${BASE}/indicator-systems`,
    label: 'navIndicators',
    shown: (me) => may(me, CONTRACTS.systems.list),
  },
  { href: `${BASE}/cycles`, label: 'navCycles', shown: (me) => may(me, CONTRACTS.cycles.list) },
  { href: `${BASE}/audit`, label: 'navAudit', shown: (me) => may(me, CONTRACTS.audit.list) },
  { href: `${BASE}/experts`, label: 'exPoolTitle', shown: (me) => may(me, CONTRACTS.experts.list) },
  // The office's storage page (use, quota, the kinds of file evidence may be).
  {
    href: `${BASE}/storage`,
    label: 'evStorageTitle',
    shown: (me) => may(me, CONTRACTS.evidence.putSettings),
  },
  // Cross-region comparison (#12): a province's or city's comparison of the regions that shared
  // with it; the standard library (read by every region of the province, to map to); a region's
  // own sharing upward; guidance between a city and its counties.
  {
    href: `${BASE}/comparisons`,
    label: 'navComparison',
    shown: (me) => may(me, SHARED.list) && isRecipient(me),
  },
  { href: `${BASE}/standards`, label: 'navStandards', shown: (me) => may(me, STANDARDS.list) },
  {
    href: `${BASE}/sharing`,
    label: 'navSharing',
    shown: (me) => may(me, MAPPINGS.list) && isSharer(me),
  },
  {
    href: `${BASE}/guidance`,
    label: 'navGuidance',
    shown: (me) => may(me, GUIDANCE.send) && isCityOffice(me),
  },
  {
    href: `${BASE}/guidance`,
    label: 'navGuidanceInbox',
    shown: (me) => may(me, GUIDANCE.inbox) && isCountyOffice(me),
  },
];

/** The items the caller is offered. */
export const navFor = (me: Me): NavItem[] => NAV.filter((n) => n.shown(me));

/** Whether a nav item is the current page's section. */
export const isCurrent = (path: string, href: string): boolean =>
  href === BASE ? path === `${BASE}/` || path === BASE : path === href || path.startsWith(`${href}/`);
