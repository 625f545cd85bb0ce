import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { SYSTEM_ACTION_LABELS, SYSTEM_STATUS_LABELS } from '../vocabulary';
import {
  ACTIONS_BY_STATUS,
  applyAction,
  canTransition,
  changeModeOf,
  isEditable,
  newVersionFrom,
  SYSTEM_ACTIONS,
  type SystemAction,
  transition,
} from './lifecycle';
import {
  type IndicatorSystem,
  indicatorSystemSchema,
  SYSTEM_STATUSES,
  type SystemStatus,
  systemContentSchema,
} from './model';
import { templateContent } from './templates';

/** The whole table: every status × action, `null` where the action is not allowed. */
const TABLE: Record<SystemStatus, Record<SystemAction, SystemStatus | null>> = {
  draft: { submit: 'submitted', approve: null, return: null, retire: null },
  submitted: { submit: null, approve: 'approved', return: 'draft', retire: null },
  approved: { submit: null, approve: null, return: null, retire: 'retired' },
  retired: { submit: null, approve: null, return: null, retire: null },
};

const caught = (f: () => unknown): AppError => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an AppError');
};

describe('transition', () => {
  for (const status of SYSTEM_STATUSES)
    for (const action of SYSTEM_ACTIONS) {
      const next = TABLE[status][action];
      it(`${status} × ${action} → ${next ?? 'invalid_transition'}`, () => {
        expect(canTransition(status, action)).toBe(next !== null);
        if (next !== null) {
          expect(transition(status, action)).toBe(next);
          return;
        }
        const e = caught(() => transition(status, action));
        expect(e.status).toBe(409);
        expect(e.code).toBe('invalid_transition');
        expect(e.zh).toContain(`当前状态为「${SYSTEM_STATUS_LABELS[status].zh}」`);
        expect(e.zh).toContain(`不能执行「${SYSTEM_ACTION_LABELS[action].zh}」`);
        expect(e.en).toContain(`is ${SYSTEM_STATUS_LABELS[status].en}`);
        expect(e.detail).toEqual({ status, action, allowed: ACTIONS_BY_STATUS[status] });
      });
    }

  it('ACTIONS_BY_STATUS is the table’s allowed actions, for the console’s buttons', () => {
    expect(ACTIONS_BY_STATUS).toEqual({
      draft: ['submit'],
      submitted: ['approve', 'return'],
      approved: ['retire'],
      retired: [],
    });
  });

  it('names the allowed actions, or says none are left', () => {
    expect(caught(() => transition('submitted', 'retire')).zh).toContain(
      '当前可执行：「备案通过」、「退回修改」。',
    );
    expect(caught(() => transition('retired', 'submit')).en).toContain('No further action is possible');
  });
});

describe('editability', () => {
  it('only a draft is editable; approved is immutable', () => {
    expect(SYSTEM_STATUSES.filter(isEditable)).toEqual(['draft']);
    expect(changeModeOf('draft')).toBe('edit_in_place');
    expect(changeModeOf('approved')).toBe('new_version');
    expect(changeModeOf('submitted')).toBe('locked');
    expect(changeModeOf('retired')).toBe('locked');
    for (const a of ['submit', 'approve', 'return'] as const)
      expect(() => transition('approved', a)).toThrow(AppError);
  });
});

describe('applyAction', () => {
  it('returning needs a note', () => {
    const e = caught(() => applyAction('submitted', 'return', '  '));
    expect(e.status).toBe(422);
    expect(e.fields).toEqual([
      {
        path: 'note',
        zh: '退回修改时须填写退回意见，说明需要修改的内容',
        en: 'Returning a system for changes needs a note saying what to change',
      },
    ]);
    expect(applyAction('submitted', 'return', ' 权重合计有误 ')).toEqual({
      status: 'draft',
      statusNote: '权重合计有误',
    });
  });
  it('other actions take an optional note', () => {
    expect(applyAction('draft', 'submit')).toEqual({ status: 'submitted', statusNote: undefined });
    expect(applyAction('submitted', 'approve', '同意备案')).toEqual({
      status: 'approved',
      statusNote: '同意备案',
    });
  });
  it('checks the transition before the note', () => {
    expect(caught(() => applyAction('draft', 'return')).code).toBe('invalid_transition');
  });
  it('limits the note to 1000 characters', () => {
    expect(caught(() => applyAction('submitted', 'return', '改'.repeat(1001))).status).toBe(422);
  });
});

describe('new versions', () => {
  const stored = (status: SystemStatus): IndicatorSystem =>
    indicatorSystemSchema.parse({
      ...templateContent('department'),
      id: 'sys-1',
      systemVersion: 3,
      status,
      template: 'department',
      statusNote: '同意备案',
      version: 7,
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-02T00:00:00Z',
    });

  it('a change to an approved system is a new draft version copied from it', () => {
    const approved = stored('approved');
    const v = newVersionFrom(approved);
    expect(v.systemVersion).toBe(4);
    expect(v.status).toBe('draft');
    expect(v.template).toBe('department');
    expect(v.basedOn).toEqual({ id: 'sys-1', systemVersion: 3 });
    expect(isEditable(v.status)).toBe(true);
    // Only content: no identity, status or bookkeeping.
    expect(Object.keys(v.content).sort()).toEqual(
      Object.keys(systemContentSchema.shape)
        .filter((k) => (approved as Record<string, unknown>)[k] !== undefined)
        .sort(),
    );
    expect(systemContentSchema.parse(v.content)).toEqual(v.content);
    // A deep copy: editing the new draft leaves the approved version untouched.
    const before = JSON.stringify(approved);
    v.content.dimensions[0]!.weight = 99;
    v.content.name = '改过的';
    expect(JSON.stringify(approved)).toBe(before);
  });

  it('only an approved version can be revised', () => {
    for (const s of ['draft', 'submitted', 'retired'] as const) {
      const e = caught(() => newVersionFrom(stored(s)));
      expect(e.status).toBe(409);
      expect(e.code).toBe('invalid_transition');
      expect(e.zh).toContain(`当前状态为「${SYSTEM_STATUS_LABELS[s].zh}」`);
      expect(e.en).toContain(SYSTEM_STATUS_LABELS[s].en);
    }
  });
});
