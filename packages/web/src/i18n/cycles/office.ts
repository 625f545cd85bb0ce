/** The console's words for the evaluation cycle (office pages), in Chinese and English (same keys). */
export const officeZh = {
  officePlaceholder: '',
};

export const officeEn: Record<keyof typeof officeZh, string> = {
  officePlaceholder: '',
};
