import type { outcomesZh } from './zh';

/** The console's words for appeals, rectification and the use of results, in English. */
export const outcomesEn: Record<keyof typeof outcomesZh, string> = {
  ocAppeals: 'Appeals',
  ocRectification: 'Rectification',
  ocUses: 'Use of results',
};
