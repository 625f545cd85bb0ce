/** evaluation: the year-end batch's runs, results, appeals, rectification and the use of results. */
export * from './appeals';
export * from './job';
export * from './model';
export * from './rectification';
export * from './result-uses';
export * from './snapshot';
export * from './views';
