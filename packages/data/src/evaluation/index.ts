import { CycleRecordsRepo } from '../cycles';
import type { Store } from '../store';
import { RunsRepo } from './runs-repo';

export * from './paths';
export * from './runs-repo';

/** The repositories of the year-end evaluation (#10), made once per data layer. */
export const evaluationData = (store: Store, now: () => Date) => ({
  runs: new RunsRepo(store, new CycleRecordsRepo(store, now), now),
});
export type EvaluationData = ReturnType<typeof evaluationData>;
