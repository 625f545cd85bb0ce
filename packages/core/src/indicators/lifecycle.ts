import { AppError } from '../errors/app-error';
import { errors } from '../errors/catalogue';
import { SYSTEM_ACTION_LABELS, SYSTEM_STATUS_LABELS } from '../vocabulary/labels';
import {
  contentOf,
  type IndicatorSystem,
  SYSTEM_STATUSES,
  type SystemContent,
  type SystemStatus,
} from './model';

/**
 * The filing lifecycle (备案审查, Harbin draft art. 20) of one indicator-system version:
 *
 *     draft ──submit──▶ submitted ──approve──▶ approved ──retire──▶ retired
 *       ▲                   │
 *       └──────return───────┘   (退回修改, with a note)
 *
 * - Only a draft is editable. A submitted version is frozen while the office reviews it; to change
 *   it, the office returns it to draft.
 * - An approved (已备案) version is immutable: it is what units were assessed against. A change
 *   makes a NEW draft version (systemVersion + 1) copied from it — see `newVersionFrom`.
 * - Retired is final.
 *
 * Submitting requires a valid system: the caller runs `assertValidSystem(content, ctx)` from
 * ./validate (with the tenant's unit groups and the known calculators) before `transition(…,
 * 'submit')`. Approving should run it again, since the unit groups may have changed meanwhile. This
 * module is pure and does not see the content, so it cannot do that itself.
 */

export const SYSTEM_ACTIONS = ['submit', 'approve', 'return', 'retire'] as const;
export type SystemAction = (typeof SYSTEM_ACTIONS)[number];

const NEXT: Record<SystemStatus, Partial<Record<SystemAction, SystemStatus>>> = {
  draft: { submit: 'submitted' },
  submitted: { approve: 'approved', return: 'draft' },
  approved: { retire: 'retired' },
  retired: {},
};

/** The actions allowed in each status, in the order the console shows its buttons. */
export const ACTIONS_BY_STATUS: Readonly<Record<SystemStatus, readonly SystemAction[]>> = Object.fromEntries(
  SYSTEM_STATUSES.map((s) => [s, SYSTEM_ACTIONS.filter((a) => NEXT[s][a] !== undefined)]),
) as unknown as Record<SystemStatus, readonly SystemAction[]>;

export const canTransition = (status: SystemStatus, action: SystemAction): boolean =>
  NEXT[status]?.[action] !== undefined;

const invalidTransition = (status: SystemStatus, action: SystemAction) => {
  const current = SYSTEM_STATUS_LABELS[status];
  const act = SYSTEM_ACTION_LABELS[action] ?? { zh: String(action), en: String(action) };
  const allowed = ACTIONS_BY_STATUS[status] ?? [];
  const zhAllowed = allowed.length
    ? `当前可执行：${allowed.map((a) => `「${SYSTEM_ACTION_LABELS[a].zh}」`).join('、')}。`
    : '该状态下不能再执行任何操作。';
  const enAllowed = allowed.length
    ? `Allowed now: ${allowed.map((a) => SYSTEM_ACTION_LABELS[a].en).join(', ')}.`
    : 'No further action is possible in this status.';
  return new AppError({
    status: 409,
    code: 'invalid_transition',
    zh: `指标体系当前状态为「${current?.zh ?? status}」，不能执行「${act.zh}」。${zhAllowed}`,
    en: `The indicator system is ${current?.en ?? status}; the action "${act.en}" is not possible. ${enAllowed}`,
    detail: { status, action, allowed },
  });
};

/**
 * The status after `action`, or AppError 409 `invalid_transition` naming the current status.
 * Pure: storage applies the result under its own optimistic-concurrency guard (`version`).
 */
export function transition(status: SystemStatus, action: SystemAction): SystemStatus {
  const next = NEXT[status]?.[action];
  if (next === undefined) throw invalidTransition(status, action);
  return next;
}

/** Only a draft may be changed in place. */
export const isEditable = (status: SystemStatus): boolean => status === 'draft';

/** Actions that must carry a note for the unit: 退回修改 says what to fix. */
export const NOTE_REQUIRED: readonly SystemAction[] = ['return'];

/**
 * `transition` plus the status note stored with the version: required when returning (the office
 * must say what to change), optional otherwise, trimmed, cleared when empty. A missing note on a
 * return is a 422 on the field `note`.
 */
export function applyAction(
  status: SystemStatus,
  action: SystemAction,
  note?: string,
  /** Where the note sits in the caller's input, for field errors (the API passes `body.note`). */
  notePath = 'note',
): { status: SystemStatus; statusNote: string | undefined } {
  const next = transition(status, action);
  const trimmed = note?.trim() || undefined;
  if (NOTE_REQUIRED.includes(action) && trimmed === undefined)
    throw errors.validation([
      {
        path: notePath,
        zh: `${SYSTEM_ACTION_LABELS.return.zh}时须填写退回意见，说明需要修改的内容`,
        en: 'Returning a system for changes needs a note saying what to change',
      },
    ]);
  if (trimmed !== undefined && trimmed.length > 1000)
    throw errors.validation([
      { path: notePath, zh: '意见不超过 1000 个字符', en: 'The note is at most 1000 characters' },
    ]);
  return { status: next, statusNote: trimmed };
}

/** How a change request to a version is handled, by its status. */
export type ChangeMode = 'edit_in_place' | 'new_version' | 'locked';
export const changeModeOf = (status: SystemStatus): ChangeMode =>
  status === 'draft' ? 'edit_in_place' : status === 'approved' ? 'new_version' : 'locked';

/** The fields of a new draft version made from an approved one; storage adds id, version and timestamps. */
export interface NewVersion {
  content: SystemContent;
  systemVersion: number;
  status: 'draft';
  template: string | undefined;
  /** The version it was copied from. */
  basedOn: { id: string; systemVersion: number };
}

/**
 * A change to an approved system: a NEW draft version (systemVersion + 1) with a deep copy of its
 * content. The approved version stays as it is (units' results refer to it) until the new version
 * is approved, when the caller retires the old one. Throws `invalid_transition` for a draft (edit it
 * in place), a submitted version (return it first) or a retired one.
 */
export function newVersionFrom(system: IndicatorSystem): NewVersion {
  if (system.status !== 'approved') {
    const status = SYSTEM_STATUS_LABELS;
    const why =
      system.status === 'draft'
        ? { zh: `${status.draft.zh}可直接修改，无需新建版本。`, en: 'A draft can be edited in place.' }
        : system.status === 'submitted'
          ? { zh: `请先「${SYSTEM_ACTION_LABELS.return.zh}」。`, en: 'Return it for changes first.' }
          : { zh: `${status.retired.zh}的版本不能再修改。`, en: 'A retired version cannot be changed.' };
    const current = status[system.status];
    throw new AppError({
      status: 409,
      code: 'invalid_transition',
      zh: `指标体系当前状态为「${current.zh}」，只有${status.approved.zh}的版本才能新建修订版本。${why.zh}`,
      en: `The indicator system is ${current.en}; only an approved version can be revised as a new version. ${why.en}`,
      detail: { status: system.status, action: 'new_version' },
    });
  }
  return {
    content: structuredClone(contentOf(system)),
    systemVersion: system.systemVersion + 1,
    status: 'draft',
    template: system.template,
    basedOn: { id: system.id, systemVersion: system.systemVersion },
  };
}
