/**
 * A value made on first use and shared after: for SDK modules and clients a function should not
 * load until a request needs them. A failed make is forgotten, so the next call tries again
 * instead of failing until the container is recycled.
 */
export function lazy<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= make().catch((e: unknown) => {
      value = undefined;
      throw e;
    });
    return value;
  };
}
