/** The console's words for evidence (keys start with `ev`), in Chinese. */
export const evidenceZh = {
  evTitle: '佐证材料',
};
