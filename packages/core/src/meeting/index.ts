/** meeting: the review meeting (评议会) of a cycle — its record and its rules. */
export * from './model';
export * from './rules';
export * from './views';
