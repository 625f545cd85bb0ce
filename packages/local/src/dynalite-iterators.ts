import { createRequire } from 'node:module';

/**
 * dynalite 4.0.0 stops a Query's value stream (at its `Limit`, or at 1 MB) by calling the level
 * iterator's `return()`, which abstract-level 3 iterators do not have: they `close()`. So every
 * Query that stopped early left its iterator open, held by the database's set of open resources
 * for the life of the process, with the values it had read ahead and the tree version it reads.
 * Seen by `npm run soak` as 23,767 retained `MemoryValueIterator`s and 100 MB of buffers after
 * 100 s of reads. Giving the iterators the `return()` dynalite calls, as a `close()`, ends it.
 *
 * Patched where dynalite's own level stores load abstract-level from (in memory: memory-level;
 * on disk: classic-level), so it is the very class those iterators extend. Idempotent.
 */
export function closeDynaliteIteratorsOnReturn(): number {
  const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
  let patched = 0;
  for (const store of ['memory-level', 'classic-level']) {
    let abstractLevel: Record<string, { prototype: object } | undefined>;
    try {
      abstractLevel = createRequire(fromDynalite.resolve(store))('abstract-level');
    } catch {
      continue; // That store is not installed: nothing of it to patch.
    }
    for (const name of ['AbstractIterator', 'AbstractKeyIterator', 'AbstractValueIterator']) {
      const proto = abstractLevel[name]?.prototype as { return?: unknown } | undefined;
      if (!proto || 'return' in proto) continue;
      Object.defineProperty(proto, 'return', {
        configurable: true,
        writable: true,
        value(this: { close(): Promise<void> }) {
          return this.close();
        },
      });
      patched++;
    }
  }
  return patched;
}
