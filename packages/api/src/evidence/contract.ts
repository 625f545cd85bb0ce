import type { defineRoute } from '../http/route';

/** Evidence (佐证材料) on S3, the tenant's storage use and evidence settings. */
export const evidenceContract = {} satisfies Record<string, ReturnType<typeof defineRoute>>;
