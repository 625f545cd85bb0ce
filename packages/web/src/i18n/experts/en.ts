import type { expertsZh } from './zh';

/** The console's words for experts, in English (the same keys as the Chinese). */
export const expertsEn: Record<keyof typeof expertsZh, string> = {
  exTitle: 'Expert review',
};
