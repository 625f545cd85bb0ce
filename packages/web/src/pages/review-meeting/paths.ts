import { cycleHref } from '../cycles/office/paths';

/** Where the meeting's page lives, under its cycle. */
export const meetingHref = (cycleId: string) => `${cycleHref(cycleId)}/review-meeting`;
