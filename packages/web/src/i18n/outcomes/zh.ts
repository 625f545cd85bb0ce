/** The console's words for appeals, rectification and the use of results (keys start with `oc`), in Chinese. */
export const outcomesZh = {
  ocAppeals: '申诉复核',
  ocRectification: '整改',
  ocUses: '结果运用',
};
