/**
 * Builders for the scoring tests and the bench (not exported from the package): they go through
 * the lead's schemas, so every test scores exactly what storage and the API would hand over.
 */
import {
  type Leaf,
  leafSchema,
  type ScoringRule,
  type SystemContent,
  systemContentSchema,
  type UnitInputs,
  unitInputsSchema,
} from '../indicators/model';

type RuleIn = { kind: ScoringRule['kind'] } & Record<string, unknown>;

export const leaf = (
  code: string,
  weight: number,
  rule: RuleIn,
  extra: Partial<Record<keyof Leaf, unknown>> = {},
): Leaf =>
  leafSchema.parse({
    code,
    name: `指标${code}`,
    weight,
    type: 'quantitative',
    source: 'self_report',
    rule,
    ...extra,
  });

export const branch = (code: string, weight: number, children: unknown[], name = `维度${code}`) => ({
  code,
  name,
  weight,
  children,
});

export const system = (content: Record<string, unknown>): SystemContent =>
  systemContentSchema.parse({ name: '测试体系', ...content });

export const unit = (
  code: string,
  group: string,
  leaves: Record<string, unknown>,
  extra: { bonus?: Record<string, number>; vetoes?: Record<string, string> } = {},
): UnitInputs => unitInputsSchema.parse({ unit: code, group, leaves, ...extra });

export const value = (actual: number, target?: number) =>
  target === undefined ? { kind: 'value', actual } : { kind: 'value', actual, target };

/** A formula rule (the model calls its nested rule `then`, which the linter flags in literals). */
export const formulaRule = (calculator: string, next: Record<string, unknown>) => ({
  kind: 'formula' as const,
  calculator,
  // biome-ignore lint/suspicious/noThenProperty: the model's formula rule names its nested rule `then`
  then: next,
});
