import type { defineRoute } from '../http/route';

/** The public side of a survey: the questionnaire and answering it (no sign-in). */
export const publicSurveyContract = {} satisfies Record<string, ReturnType<typeof defineRoute>>;
