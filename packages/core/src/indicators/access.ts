import { can, unitScope } from '../auth/policy';
import type { Identity } from '../auth/roles';
import { ACTIONS_BY_STATUS, type SystemAction } from './lifecycle';
import type { SystemStatus } from './model';
import type { SystemAllowed } from './views';

/**
 * Who may see and do what with one indicator-system version. The office (考核办) keeps its own
 * systems and reviews (审定) everyone's; a unit drafts its own system (art. 20), edits and submits
 * it, and sees only its own drafts besides the office's approved systems. Others see approved and
 * retired versions. Pure: the API enforces it, and the console offers exactly what it allows.
 */
export interface SystemRef {
  status: SystemStatus;
  owner?: string | undefined;
}

/** The office: every system, every action (filing review included). */
export const isSystemOffice = (id: Identity): boolean => can(id, 'indicators:write');

/**
 * The unit a caller drafts systems for: its own unit, when it may draft but is not the office. By
 * the token's unit, not by `unitScope`: a unit's user who also holds an office-wide reading role
 * (a data provider, say) still drafts for its own unit, never as the office.
 */
export const draftingUnit = (id: Identity): string | undefined =>
  !isSystemOffice(id) && can(id, 'indicators:draft') ? id.unit : undefined;

/** A unit user acting on its own unit's system. */
const isOwner = (id: Identity, s: SystemRef) => s.owner !== undefined && draftingUnit(id) === s.owner;

export function canSeeSystem(id: Identity, s: SystemRef): boolean {
  if (isOwner(id, s)) return true;
  if (can(id, 'indicators:drafts')) return true;
  const filed = s.status === 'approved' || s.status === 'retired';
  // A unit sees the office's filed systems, not other units' own ones.
  return filed && (s.owner === undefined || unitScope(id) === undefined);
}

/** The office reviews; submitting is the drafter's (or the office's) to do. */
const REVIEW: readonly SystemAction[] = ['approve', 'return', 'retire'];

export function systemAllowed(id: Identity, s: SystemRef): SystemAllowed {
  const office = isSystemOffice(id);
  const drafter = office || isOwner(id, s);
  const draft = s.status === 'draft';
  return {
    edit: drafter && draft,
    officeParams: office && draft,
    delete: drafter && draft,
    actions: (ACTIONS_BY_STATUS[s.status] ?? []).filter((a) => (REVIEW.includes(a) ? office : drafter)),
    newVersion: drafter && (s.status === 'approved' || s.status === 'retired'),
    trial: drafter,
  };
}
