import {
  type Binding,
  type Calendar,
  type CycleTarget,
  calendarIssues,
  contentOf,
  errors,
  type FieldIssue,
  leavesOf,
  type ProviderAssignment,
  usesTarget,
} from '@jixiao/core';
import type { Caller } from '../http/caller';
import { tenant } from './context';

/**
 * What a cycle's body must mean in this tenant, beyond its shape: a calendar that holds together for
 * the year, bindings to system versions and unit groups that exist (each group bound once), and
 * providers that are units of the tenant. Every problem at once, as 422 with `body.…` paths.
 */
export async function cycleInputIssues(
  caller: Caller,
  input: {
    year: number;
    calendar?: Calendar;
    bindings?: Binding[];
    providers?: ProviderAssignment[];
    /** Targets fixed for the cycle, checked against the bindings the cycle will have. */
    targets?: { targets: CycleTarget[]; bindings: Binding[] };
  },
): Promise<FieldIssue[]> {
  const t = tenant(caller);
  const out: FieldIssue[] = [];
  if (input.calendar)
    for (const i of calendarIssues(input.calendar, input.year))
      out.push({ path: `body.calendar.${i.path}`, zh: i.zh, en: i.en });

  if (input.bindings?.length) {
    const groups = new Set(await caller.deps.data.org.groupCodes(t));
    const bound = new Map<string, number>();
    for (const [i, b] of input.bindings.entries()) {
      const found = await caller.deps.data.indicatorSystems
        .getVersion(t, b.system, b.systemVersion)
        .catch(() => undefined);
      if (!found)
        out.push({
          path: `body.bindings.${i}.system`,
          zh: `指标体系 ${b.system} 的第 ${b.systemVersion} 版不存在`,
          en: `Indicator system ${b.system} has no version ${b.systemVersion}`,
        });
      for (const [j, g] of b.groups.entries()) {
        const at = `body.bindings.${i}.groups.${j}`;
        if (!groups.has(g))
          out.push({ path: at, zh: `单位分组 ${g} 不存在`, en: `Unit group ${g} does not exist` });
        const first = bound.get(g);
        if (first !== undefined)
          out.push({
            path: at,
            zh: `单位分组 ${g} 已在第 ${first + 1} 项绑定中，每个分组只能绑定一个指标体系`,
            en: `Unit group ${g} is already bound in binding ${first + 1}; a group is bound to one system`,
          });
        else bound.set(g, i);
      }
    }
  }

  if (input.providers?.length) {
    const seen = new Map<string, boolean>();
    for (const [i, p] of input.providers.entries()) {
      if (!seen.has(p.unit)) seen.set(p.unit, !!(await caller.deps.data.org.getUnit(t, p.unit)));
      if (!seen.get(p.unit))
        out.push({
          path: `body.providers.${i}.unit`,
          zh: `单位 ${p.unit} 不存在`,
          en: `Unit ${p.unit} does not exist`,
        });
    }
  }
  if (input.targets?.targets.length) {
    // A fixed target belongs to a numeric leaf of a bound system whose rule uses a target.
    const targetable = new Set<string>();
    for (const b of input.targets.bindings) {
      const system = await caller.deps.data.indicatorSystems
        .getVersion(t, b.system, b.systemVersion)
        .catch(() => undefined);
      if (!system) continue;
      for (const l of leavesOf(contentOf(system).dimensions))
        if (l.type === 'quantitative' && usesTarget(l)) targetable.add(l.code);
    }
    for (const [i, x] of input.targets.targets.entries())
      if (!targetable.has(x.leaf))
        out.push({
          path: `body.targets.${i}.leaf`,
          zh: `指标 ${x.leaf} 不在绑定的指标体系中，或其评分方法不使用目标值`,
          en: `Indicator ${x.leaf} is not in a bound system, or its rule uses no target`,
        });
  }
  return out;
}

export async function assertCycleInput(caller: Caller, input: Parameters<typeof cycleInputIssues>[1]) {
  const issues = await cycleInputIssues(caller, input);
  if (issues.length) throw errors.validation(issues);
}
