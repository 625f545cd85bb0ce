import { CycleRecordsRepo } from '../cycles';
import type { Store } from '../store';
import { PublicationsRepo } from './publications-repo';

export * from './paths';
export * from './publications-repo';

/** The publication's repository (#11), made once per data layer. */
export const publicationsRepo = (store: Store, now: () => Date) =>
  new PublicationsRepo(new CycleRecordsRepo(store, now));
