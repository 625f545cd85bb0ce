/** The console's words for experts (keys start with `ex`), in Chinese. */
export const expertsZh = {
  exTitle: '专家评审工作',
};
