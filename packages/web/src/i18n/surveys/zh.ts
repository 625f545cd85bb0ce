/** The console's words for surveys (keys start with `sv`), in Chinese. */
export const surveysZh = {
  svTitle: '满意度调查',
};
