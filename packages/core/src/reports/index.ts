/** reports: the data of the unit, office and Congress reports, built purely from results. */
export * from './build';
export type * from './inputs';
export * from './model';
