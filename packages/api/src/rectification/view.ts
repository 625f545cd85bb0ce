import {
  actionsFrom,
  type Cycle,
  can,
  daysOverdue,
  isOverdue,
  mayEditTask,
  mayReport,
  type Rectification,
  type RectificationView,
} from '@jixiao/core';
import { isOffice, isOwnUnit, today } from '../cycles/context';
import type { Caller } from '../http/caller';

/** How a task is shown: its record, overdue or not (Asia/Shanghai), and what the caller may do now. */

export const TASK = { zh: '整改任务', en: 'Rectification task' };

export function taskView(
  caller: Caller,
  cycle: Cycle,
  t: Rectification,
  names: { unit: string; leaf?: string | undefined },
): RectificationView {
  const day = today(caller);
  const open = cycle.state !== 'closed';
  const office = open && isOffice(caller) && can(caller.identity, 'rectification:manage');
  return {
    ...t,
    unitName: names.unit,
    ...(names.leaf ? { leafName: names.leaf } : {}),
    overdue: isOverdue(t, day),
    daysOverdue: daysOverdue(t, day),
    allowed: {
      edit: office && mayEditTask(t.status),
      actions: office ? actionsFrom(t.status, t.progress.length > 0) : [],
      report:
        open &&
        mayReport(t.status) &&
        isOwnUnit(caller, t.unit) &&
        can(caller.identity, 'rectification:report'),
    },
  };
}
