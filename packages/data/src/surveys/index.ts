import type { Store } from '../store';
import { RateLimiter } from './rate-limiter';

export { RateLimiter } from './rate-limiter';

/**
 * The repositories of surveys (#9), made once per data layer. Surveys, invitations, answers and
 * integrity decisions are cycle records (`cycleRecords`: SURVEY, INVITE, ANSWER, INTEGRITY); what
 * is specific is the public's rate limit.
 */
export const surveysData = (store: Store, now: () => Date) => ({
  rateLimits: new RateLimiter(store, now),
});
export type SurveysData = ReturnType<typeof surveysData>;
