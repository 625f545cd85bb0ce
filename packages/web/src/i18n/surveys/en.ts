import type { surveysZh } from './zh';

/** The console's words for surveys, in English (the same keys as the Chinese). */
export const surveysEn: Record<keyof typeof surveysZh, string> = {
  svTitle: 'Satisfaction surveys',
};
