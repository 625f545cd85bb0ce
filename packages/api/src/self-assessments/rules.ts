import { AppError, type Cycle, type SelfAssessment } from '@jixiao/core';
import { deadlinePassed } from '../monitoring/shared';

/** The deadline of a self-assessment and the refusals it shares between saving and submitting. */

export const SELF = { zh: '自评', en: 'Self-assessment' };

/** The last day to submit: the window's close, or the office's reopening if that is later. */
export const deadlineOf = (cycle: Cycle, sa: SelfAssessment | undefined): string => {
  const closes = cycle.calendar.selfAssessment.closes;
  const until = sa?.reopened?.until;
  return until !== undefined && until > closes ? until : closes;
};

/** Past the deadline and not submitted. */
export const isLate = (sa: SelfAssessment | undefined, deadline: string, day: string): boolean =>
  day > deadline && sa?.status !== 'submitted';

export const deadlineError = (deadline: string) =>
  deadlinePassed(deadline, {
    zh: '自评不能再填报或提交，须由考核办重新开放',
    en: 'the self-assessment can no longer be changed or submitted unless the office reopens it',
  });

export const alreadySubmitted = () =>
  new AppError({
    status: 409,
    code: 'already_submitted',
    zh: '自评已提交，不能再修改；如需更正，请联系考核办重新开放。',
    en: 'The self-assessment has been submitted and can no longer be changed; ask the office to reopen it.',
  });
