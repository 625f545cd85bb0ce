/**
 * Where a run keeps its objects. S3 (under the tenant's prefix, see `keys.blob`):
 *   evaluations/<cycle>/<run>/snapshot.json     the frozen inputs (written once)
 *   evaluations/<cycle>/<run>/peers.json        peer statistics per system, leaf and group
 *   evaluations/<cycle>/<run>/items.json        the units to score (the Distributed Map's items)
 *   evaluations/<cycle>/<run>/scored/<first>.json   one scored batch, named by its first unit
 *   evaluations/<cycle>/<run>/units/<unit>.json     one unit's result (breakdown)
 *   evaluations/<cycle>/<run>/groups.json       each group's order, pairs and quotas
 *   evaluations/<cycle>/<run>/digest.json       the compact digest runs are compared by
 * DynamoDB (the cycle's partition): RUN#<run>, RESULT#<run>#<unit>, RELEASE#current, RUNLOCK#lock.
 * Every segment is a generated id or a validated code; the client never sends a key.
 */
export const RUN_OBJECTS = ['snapshot', 'peers', 'items', 'groups', 'digest'] as const;
export type RunObjectName = (typeof RUN_OBJECTS)[number];

export const runPath = (cycle: string, run: string): string[] => ['evaluations', cycle, run];

export const runObjectPath = (cycle: string, run: string, name: RunObjectName): string[] => [
  ...runPath(cycle, run),
  `${name}.json`,
];

export const scoredBatchPath = (cycle: string, run: string, firstUnit: string): string[] => [
  ...runPath(cycle, run),
  'scored',
  `${firstUnit}.json`,
];

export const unitResultPath = (cycle: string, run: string, unit: string): string[] => [
  ...runPath(cycle, run),
  'units',
  `${unit}.json`,
];
