import type { LeafMapping } from '@jixiao/core';
import { keys } from '../keys';
import type { Store } from '../store';

const MAPPING = { zh: '指标对标', en: 'Indicator mapping' };
type Stamp = 'version' | 'createdAt' | 'updatedAt';

/** A tenant's mappings of its systems' leaves to the province's library (`T#<t>#STDMAP`, one per system). */
export class LeafMappingsRepo {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  get = (t: string, system: string) => this.store.get<LeafMapping>(keys.leafMapping(t, system));

  getOr404 = (t: string, system: string) =>
    this.store.getOr404<LeafMapping>(keys.leafMapping(t, system), MAPPING);

  /** Every mapping of the tenant (one per indicator system: tens at most). */
  all = (t: string) => this.store.all<LeafMapping>(keys.leafMappings(t), `T:${t}:mappings`);

  async create(t: string, m: Omit<LeafMapping, Stamp>): Promise<LeafMapping> {
    const at = this.now().toISOString();
    const item: LeafMapping = { ...m, version: 1, createdAt: at, updatedAt: at };
    await this.store.create(
      keys.leafMapping(t, m.system),
      undefined,
      { ...item, entity: 'leafMapping', tenant: t },
      MAPPING,
    );
    return item;
  }

  update = (
    t: string,
    system: string,
    version: number,
    changes: Pick<LeafMapping, 'items' | 'updated' | 'province'>,
  ) =>
    this.store.update<LeafMapping>(
      keys.leafMapping(t, system),
      version,
      { ...changes, updatedAt: this.now().toISOString() },
      MAPPING,
    );
}
