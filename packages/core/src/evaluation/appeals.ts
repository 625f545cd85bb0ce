/**
 * Appeals (申诉复核): within the appeal window a unit appeals one indicator or the conclusion of
 * the released results, with reasons and evidence; the office accepts (correcting the input) or
 * rejects with reasons. Labels: ../vocabulary/evaluation-labels.ts.
 */

/** What an appeal is about: one indicator's result, or the conclusion (total, grade or rank). */
export const APPEAL_TARGETS = ['indicator', 'conclusion'] as const;
export type AppealTarget = (typeof APPEAL_TARGETS)[number];

/** submitted → accepted | rejected; withdrawn by the unit before a decision. */
export const APPEAL_STATUSES = ['submitted', 'accepted', 'rejected', 'withdrawn'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
