import type { evidenceZh } from './zh';

/** The console's words for evidence, in English (the same keys as the Chinese). */
export const evidenceEn: Record<keyof typeof evidenceZh, string> = {
  evTitle: 'Evidence',
};
