/** Evidence (佐证材料): the kinds of file, the platform's limits, the checks of bytes and the shapes of the API. */
export * from './kinds';
export * from './model';
export * from './records';
export * from './refusals';
export * from './rules';
export * from './sniff';
export * from './zip';
