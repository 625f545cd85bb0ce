/** Satisfaction surveys (满意度测评): the model, integrity signals, results and validation. */
export * from './integrity';
export * from './model';
export * from './network';
export * from './results';
export * from './validate';
export * from './views';
