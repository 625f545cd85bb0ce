import type { evaluationZh } from './zh';

/** The console's words for the year-end evaluation, in English (the same keys as the Chinese). */
export const evaluationEn: Record<keyof typeof evaluationZh, string> = {
  erMyResult: 'Our results',
  erTitle: 'Year-end evaluation',
};
