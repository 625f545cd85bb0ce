import type { Expert } from '@jixiao/core';
import { keys } from '../keys';
import type { PageRequest, Store } from '../store';

const EXPERT = { zh: '专家', en: 'Expert' };
const ASSIGNMENT = { zh: '专家分配', en: 'Expert assignment' };
type Stamp = 'version' | 'createdAt' | 'updatedAt';
export type ExpertChanges = { [K in keyof Omit<Expert, Stamp | 'id'>]?: Expert[K] | null };

/** The tenant's expert pool (专家库): one small partition that outlives cycles. */
export class ExpertPoolRepo {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  get = (t: string, id: string) => this.store.get<Expert>(keys.expert(t, id));

  getOr404 = (t: string, id: string) => this.store.getOr404<Expert>(keys.expert(t, id), EXPERT);

  page = (t: string, req: PageRequest) => this.store.page<Expert>(keys.experts(t), `T:${t}:experts`, req);

  /** The whole pool (hundreds at most): for matching a signed-in expert and naming experts. */
  all = (t: string) => this.store.all<Expert>(keys.experts(t), `T:${t}:experts:all`);

  async create(t: string, e: Omit<Expert, Stamp>): Promise<Expert> {
    const at = this.now().toISOString();
    const item: Expert = { ...e, version: 1, createdAt: at, updatedAt: at };
    await this.store.create(
      keys.expert(t, e.id),
      undefined,
      { ...item, entity: 'expert', tenant: t },
      EXPERT,
    );
    return item;
  }

  update = (t: string, id: string, version: number, changes: ExpertChanges) =>
    this.store.update<Expert>(
      keys.expert(t, id),
      version,
      { ...changes, updatedAt: this.now().toISOString() },
      EXPERT,
    );
}

/** The repositories of experts (#9), made once per data layer. */
export const expertsData = (store: Store, now: () => Date) => ({
  pool: new ExpertPoolRepo(store, now),
  /** Deletes an assignment that has no scores (the cycle records repo has no delete). */
  removeAssignment: (t: string, cycle: string, id: string, version: number) =>
    store.remove(keys.cycleRecord(t, cycle, 'EXPASSIGN', id), version, ASSIGNMENT),
});
export type ExpertsData = ReturnType<typeof expertsData>;
