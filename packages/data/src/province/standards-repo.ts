import type { StandardIndicator } from '@jixiao/core';
import { keys } from '../keys';
import type { Store } from '../store';

const STANDARD = { zh: '标准指标', en: 'Standard indicator' };
type Stamp = 'version' | 'createdAt' | 'updatedAt';
export type StandardChanges = Partial<Omit<StandardIndicator, Stamp | 'province' | 'code'>>;

/** The province's standard indicator library (`P#<province>#STD`): tens of items, read whole. */
export class StandardsRepo {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  get = (province: string, code: string) =>
    this.store.get<StandardIndicator>(keys.standardIndicator(province, code));

  /** The whole library (a province keeps tens of standard indicators), in code order. */
  all = (province: string) =>
    this.store.all<StandardIndicator>(keys.standardIndicators(province), `P:${province}:standards`);

  async create(s: Omit<StandardIndicator, Stamp>): Promise<StandardIndicator> {
    const at = this.now().toISOString();
    const item: StandardIndicator = { ...s, version: 1, createdAt: at, updatedAt: at };
    await this.store.create(
      keys.standardIndicator(s.province, s.code),
      undefined,
      { ...item, entity: 'standardIndicator' },
      STANDARD,
    );
    return item;
  }

  update = (province: string, code: string, version: number, changes: StandardChanges) =>
    this.store.update<StandardIndicator>(
      keys.standardIndicator(province, code),
      version,
      { ...changes, updatedAt: this.now().toISOString() },
      STANDARD,
    );

  remove = (province: string, code: string, version: number) =>
    this.store.remove(keys.standardIndicator(province, code), version, STANDARD);
}
