/** The console's words for the evaluation cycle (unit pages), in Chinese and English (same keys). */
export const unitZh = {
  unitPlaceholder: '',
};

export const unitEn: Record<keyof typeof unitZh, string> = {
  unitPlaceholder: '',
};
