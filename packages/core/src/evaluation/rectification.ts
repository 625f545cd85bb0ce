/**
 * Rectification (整改): problems found become tasks with an owner, a deadline and a status; units
 * report progress with evidence; overdue tasks are flagged; open tasks carry into next year's cycle.
 * Labels: ../vocabulary/evaluation-labels.ts.
 */

/** open → in_progress → done (the unit reports it done) → closed (the office confirms); or cancelled. */
export const RECTIFICATION_STATUSES = ['open', 'in_progress', 'done', 'closed', 'cancelled'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

/** Where the problem was found. */
export const RECTIFICATION_SOURCES = [
  'results',
  'appeal',
  'check',
  'meeting',
  'carried_over',
  'other',
] as const;
export type RectificationSource = (typeof RECTIFICATION_SOURCES)[number];
