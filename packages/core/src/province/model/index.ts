/**
 * The shapes of cross-region comparison (#12), by concept: ./enums (and the model's story), the
 * library and mappings, shares, peer groups, comparisons, what-if and sensitivity, guidance.
 */
export * from './comparison';
export * from './enums';
export * from './exploration';
export * from './groups';
export * from './guidance';
export * from './library';
export * from './shares';
