/**
 * The dev issuer's authorization codes: each valid once and for `ttlMs`, and at most `max`
 * outstanding, the oldest dropped first, so a page that starts sign-ins and never finishes them
 * cannot grow the process without bound.
 */
export interface CodeStore<T> {
  put(code: string, grant: T): void;
  /** The grant of a live code, which is used up by taking it (a second take finds nothing). */
  take(code: string): T | undefined;
  readonly size: number;
}

export function boundedCodes<T>(opts: { max: number; ttlMs: number; now?: () => number }): CodeStore<T> {
  const now = opts.now ?? Date.now;
  // A Map iterates in insertion order and every code lives equally long, so the first entry is
  // always the oldest and the first to expire.
  const codes = new Map<string, { grant: T; exp: number }>();
  const sweep = (t: number) => {
    for (const [code, entry] of codes) {
      if (entry.exp > t) break;
      codes.delete(code);
    }
  };
  return {
    put(code, grant) {
      const t = now();
      sweep(t);
      while (codes.size >= opts.max) codes.delete(codes.keys().next().value as string);
      codes.set(code, { grant, exp: t + opts.ttlMs });
    },
    take(code) {
      const entry = codes.get(code);
      codes.delete(code);
      return entry && entry.exp > now() ? entry.grant : undefined;
    },
    get size() {
      sweep(now());
      return codes.size;
    },
  };
}
