/** Evidence (佐证材料): the kinds of file, the platform's limits and the shapes of the API. */
export * from './kinds';
export * from './model';
