/** The console's words for meeting (keys start with `mt`), in Chinese. */
export const meetingZh = {
  mtTitle: '评议会',
};
