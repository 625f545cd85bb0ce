/** The expert review (专家评审): pool, assignments, rounds, calibration and the leaves it feeds. */
export * from './calibration';
export * from './conflicts';
export * from './model';
export * from './results';
export * from './stats';
export * from './views';
