import type { defineRoute } from '../http/route';

/** The review meeting (评议会) of a cycle. */
export const meetingContract = {} satisfies Record<string, ReturnType<typeof defineRoute>>;
