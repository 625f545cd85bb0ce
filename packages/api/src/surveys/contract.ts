import type { defineRoute } from '../http/route';

/** Satisfaction surveys (满意度测评): questionnaires, invitations, results and integrity. */
export const surveyContract = {} satisfies Record<string, ReturnType<typeof defineRoute>>;
