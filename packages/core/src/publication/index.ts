/** publication: the frozen, published results the public portal reads. */
export * from './model';
