export * from './errors';
export * from './form-body';
export * from './values';
