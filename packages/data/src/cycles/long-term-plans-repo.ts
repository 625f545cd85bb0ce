import type { LongTermPlan } from '@jixiao/core';
import { keys } from '../keys';
import type { Store } from '../store';

const WHAT = { zh: '中长期绩效计划', en: 'Long-term plan' };
type Stamp = 'version' | 'createdAt' | 'updatedAt';

/** Units' 3–5-year plans (art. 7–8), by unit and first year; they outlive cycles. */
export class LongTermPlansRepo {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  get = (t: string, unit: string, startYear: number) =>
    this.store.get<LongTermPlan>(keys.longTermPlan(t, unit, startYear));

  ofUnit = (t: string, unit: string) =>
    this.store.all<LongTermPlan>(keys.longTermPlans(t, unit), `T:${t}:ltp:${unit}`);

  async create(t: string, p: Omit<LongTermPlan, Stamp>): Promise<LongTermPlan> {
    const at = this.now().toISOString();
    const item: LongTermPlan = { ...p, version: 1, createdAt: at, updatedAt: at };
    await this.store.create(
      keys.longTermPlan(t, p.unit, p.startYear),
      undefined,
      { ...item, entity: 'longTermPlan', tenant: t },
      WHAT,
    );
    return item;
  }

  /** `null` clears a field (the other form's part when a plan switches between own and linked). */
  update = (
    t: string,
    unit: string,
    startYear: number,
    version: number,
    changes: { [K in keyof LongTermPlan]?: LongTermPlan[K] | null },
  ) =>
    this.store.update<LongTermPlan>(
      keys.longTermPlan(t, unit, startYear),
      version,
      { ...changes, updatedAt: this.now().toISOString() },
      WHAT,
    );
}
