import type { Store } from '../store';

/** The repositories of surveys (#9), made once per data layer. */
export const surveysData = (_store: Store, _now: () => Date) => ({});
export type SurveysData = ReturnType<typeof surveysData>;
