import type { z } from 'zod';
import type { MoneyUnit } from '../../indicators/model';
import { toTenThousandYuan } from '../money';
import { type FinanceResult, type FinanceText, finite } from '../result';

/**
 * A calculator of the registry. `compute` is only ever given parsed arguments and returns a
 * FinanceResult<number> that is never NaN or ±Infinity. Call through `runFinanceCalculator` when
 * the name and arguments come from outside.
 */
export interface FinanceCalculator<S extends z.ZodType = z.ZodType> {
  readonly label: FinanceText;
  /** What it computes, from which formula of which source document, and in what unit. */
  readonly help: FinanceText;
  readonly args: S;
  readonly unitOfMeasure: FinanceText;
  /** Arguments only the office sets (the 基准折现率): a unit's input may not carry them. */
  readonly officeArgs?: readonly string[];
  /** The arguments include money, given in `moneyUnit` (万元 when absent) and computed in 万元. */
  readonly money?: boolean;
  /** Which arguments are money (converted to 万元 before computing). */
  readonly moneyArgs?: readonly string[];
  compute(args: z.infer<S>): FinanceResult<number>;
}

interface Definition<S extends z.ZodType> {
  readonly label: FinanceText;
  readonly help: FinanceText;
  readonly args: S;
  readonly unitOfMeasure: FinanceText;
  readonly officeArgs?: readonly string[];
  /** Names of the money arguments; the schema must then accept `moneyUnit` (see ./args withMoneyUnit). */
  readonly moneyArgs?: readonly string[];
  /** Receives the money arguments in 万元 (already converted). */
  compute(args: z.infer<S>): FinanceResult<number>;
}

/**
 * Keeps the schema's type tied to its compute, converts money to 万元 (the one place that does),
 * and adds the last line of defence against NaN.
 */
export function define<S extends z.ZodType>(d: Definition<S>): FinanceCalculator<S> {
  const moneyArgs = d.moneyArgs ?? [];
  return {
    label: d.label,
    help: d.help,
    args: d.args,
    unitOfMeasure: d.unitOfMeasure,
    ...(d.officeArgs?.length ? { officeArgs: d.officeArgs } : {}),
    ...(moneyArgs.length ? { money: true, moneyArgs } : {}),
    compute: (args) => {
      const r = d.compute(moneyArgs.length ? inTenThousandYuan(args, moneyArgs) : args);
      return r.ok ? finite(r.value, d.label) : r;
    },
  };
}

/** The parsed arguments with every money argument in 万元 and `moneyUnit` dropped. */
function inTenThousandYuan<A>(args: A, moneyArgs: readonly string[]): A {
  const { moneyUnit, ...rest } = args as Record<string, unknown> & { moneyUnit?: MoneyUnit };
  for (const key of moneyArgs) {
    const v = rest[key];
    if (typeof v === 'number') rest[key] = toTenThousandYuan(v, moneyUnit);
    else if (Array.isArray(v)) rest[key] = v.map((x: number) => toTenThousandYuan(x, moneyUnit));
  }
  return rest as A;
}
