import type { Store } from '../store';

/** The repositories of evidence (#9), made once per data layer. */
export const evidenceData = (_store: Store, _now: () => Date) => ({});
export type EvidenceData = ReturnType<typeof evidenceData>;
