import type { FieldIssue } from '../errors/app-error';
import { type Leaf, leavesOf, type SystemContent, type UnitInputs } from './model';

/** The arguments a unit may not give for a formula leaf: its calculator's office arguments and any the office fixed on the leaf. */
export const reservedArgs = (leaf: Leaf, calculatorOfficeArgs: readonly string[] = []): string[] => [
  ...new Set([...calculatorOfficeArgs, ...Object.keys(leaf.officeParams?.args ?? {})]),
];

/**
 * What an evaluated unit may submit for a system: its own data, never the office's parameters.
 * A leaf whose target the office fixed refuses a target in the unit's input, and a formula refuses
 * any argument the office sets (the calculator's office arguments, such as the 基准折现率, and any
 * the office fixed on the leaf). Each refusal is a field issue at the input's path
 * (`units.0.leaves.D4-1.args.ratePercent`), so the API answers 422 naming exactly what to remove.
 */
export function officeParamIssues(
  content: SystemContent,
  units: readonly UnitInputs[],
  officeArgsOf: (calculator: string) => readonly string[] | undefined,
  pathPrefix = 'units',
): FieldIssue[] {
  const leaves = new Map(leavesOf(content.dimensions).map((l) => [l.code, l]));
  const out: FieldIssue[] = [];
  units.forEach((u, k) => {
    for (const [code, input] of Object.entries(u.leaves ?? {})) {
      const leaf = leaves.get(code);
      if (!leaf) continue;
      const at = `${pathPrefix}.${k}.leaves.${code}`;
      const label = `${leaf.code}「${leaf.name}」`;
      if (leaf.officeParams?.target !== undefined && 'target' in input && input.target !== undefined)
        out.push({
          path: `${at}.target`,
          zh: `指标 ${label}的目标值由考核办设定（${leaf.officeParams.target}），被考核单位不能提交目标值`,
          en: `The target of indicator ${leaf.code} "${leaf.name}" is set by the office (${leaf.officeParams.target}); the evaluated unit cannot submit one`,
        });
      if (input.kind !== 'formula' || leaf.rule.kind !== 'formula') continue;
      const reserved = new Set(reservedArgs(leaf, officeArgsOf(leaf.rule.calculator)));
      for (const arg of Object.keys(input.args))
        if (reserved.has(arg))
          out.push({
            path: `${at}.args.${arg}`,
            zh: `指标 ${label}的参数 ${arg}（如基准折现率）由考核办设定，被考核单位不能提交`,
            en: `Argument ${arg} of indicator ${leaf.code} "${leaf.name}" (such as the benchmark discount rate) is set by the office; the evaluated unit cannot submit it`,
          });
    }
  });
  return out;
}
