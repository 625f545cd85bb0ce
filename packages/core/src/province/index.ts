/** province: sharing results upward, the standard library, peer groups and comparisons (#12). */
export * from './compare';
export * from './groups';
export * from './mapping';
export * from './model';
export * from './snapshot';
export * from './what-if';
