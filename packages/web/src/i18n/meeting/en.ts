import type { meetingZh } from './zh';

/** The console's words for meeting, in English (the same keys as the Chinese). */
export const meetingEn: Record<keyof typeof meetingZh, string> = {
  mtTitle: 'Review meeting',
};
