import type { Store } from '../store';

/** The repositories of experts (#9), made once per data layer. */
export const expertsData = (_store: Store, _now: () => Date) => ({});
export type ExpertsData = ReturnType<typeof expertsData>;
