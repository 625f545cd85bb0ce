/** province: sharing results upward, the standard library, peer groups and comparisons (#12). */
export * from './compare';
export * from './fast-matrix';
export * from './groups';
export * from './mapping';
export * from './model';
export { libraryOrder } from './selection';
export * from './snapshot';
export * from './what-if';
