import type { defineRoute } from '../http/route';

/** The expert pool (专家库) and the expert review (专家评审) of a cycle. */
export const expertContract = {} satisfies Record<string, ReturnType<typeof defineRoute>>;
