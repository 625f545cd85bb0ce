import type { Store } from '../store';
import { StorageRepo } from './storage-repo';

export * from './paths';
export * from './storage-repo';

/** The repositories of evidence (#9), made once per data layer. */
export const evidenceData = (store: Store, now: () => Date) => ({
  /** The tenant's usage, quota and evidence settings. */
  storage: new StorageRepo(store, now),
});
export type EvidenceData = ReturnType<typeof evidenceData>;
