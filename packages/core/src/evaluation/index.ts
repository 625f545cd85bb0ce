/** evaluation: the year-end batch's runs, results, appeals, rectification and the use of results. */
export * from './appeal-rules';
export * from './appeals';
export * from './assemble';
export * from './compare';
export * from './digest';
export * from './job';
export * from './model';
export * from './readiness';
export * from './rectification';
export * from './result-uses';
export * from './rows';
export * from './snapshot';
export * from './stages';
export * from './views';
