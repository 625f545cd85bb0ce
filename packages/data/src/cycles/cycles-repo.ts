import type { Cycle } from '@jixiao/core';
import { keys } from '../keys';
import type { Page, PageRequest, Store } from '../store';

const WHAT = { zh: '考核周期', en: 'Evaluation cycle' };

type Stamp = 'version' | 'createdAt' | 'updatedAt';
export type CycleChanges = { [K in keyof Omit<Cycle, Stamp | 'id'>]?: Cycle[K] | null };

/** A tenant's evaluation cycles: one small partition (a few per year). */
export class CyclesRepo {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  async create(t: string, c: Omit<Cycle, Stamp>): Promise<Cycle> {
    const at = this.now().toISOString();
    const item: Cycle = { ...c, version: 1, createdAt: at, updatedAt: at };
    await this.store.create(keys.cycle(t, c.id), undefined, { ...item, entity: 'cycle', tenant: t }, WHAT);
    return item;
  }

  get = (t: string, id: string) => this.store.get<Cycle>(keys.cycle(t, id));
  getOr404 = (t: string, id: string) => this.store.getOr404<Cycle>(keys.cycle(t, id), WHAT);

  update = (t: string, id: string, version: number, changes: CycleChanges) =>
    this.store.update<Cycle>(
      keys.cycle(t, id),
      version,
      { ...changes, updatedAt: this.now().toISOString() },
      WHAT,
    );

  list = (t: string, req: PageRequest): Promise<Page<Cycle>> =>
    this.store.page<Cycle>({ ...keys.cycles(t), descending: true }, `T:${t}:cycles`, req);

  /** Every cycle of the tenant (a handful per year), e.g. to find last year's for comparison. */
  all = (t: string): Promise<Cycle[]> => this.store.all<Cycle>(keys.cycles(t), `T:${t}:cycles:all`);
}
