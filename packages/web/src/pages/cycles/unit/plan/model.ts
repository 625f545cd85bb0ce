import type { AnnualPlanPut, PlanView } from '@jixiao/core';
import { type FormValues, numberFrom, str } from '../../../../forms';
import { num } from '../../../../i18n';

/**
 * The annual plan's form as typed: one row per applicable indicator (in the view's order), each
 * with its milestones. Field names: `basis`, `version`, `i.<row>.<field>` and
 * `i.<row>.m.<n>.<field>`; what is typed survives a refused save untouched.
 */

export interface MilestoneRow {
  name: string;
  due: string;
  owner: string;
  standard: string;
  done: boolean;
}

export interface ItemRow {
  leaf: string;
  target: string;
  targetText: string;
  basis: string;
  standard: string;
  measures: string;
  owner: string;
  progress: string;
  milestones: MilestoneRow[];
}

export interface PlanForm {
  version: string;
  basis: string;
  longTermStartYear: string;
  items: ItemRow[];
}

/** Milestone rows a form offers: four, or one more than are filled when four or more are. */
export const MILESTONE_ROWS = 4;
const MAX_MILESTONES = 24;

const blankMilestone = (): MilestoneRow => ({ name: '', due: '', owner: '', standard: '', done: false });

export const milestoneRows = (ms: readonly MilestoneRow[]): MilestoneRow[] => {
  const n = Math.min(
    MAX_MILESTONES,
    Math.max(MILESTONE_ROWS, ms.length + (ms.length >= MILESTONE_ROWS ? 1 : 0)),
  );
  return Array.from({ length: n }, (_, j) => ms[j] ?? blankMilestone());
};

const numText = (n: number | undefined) => (n === undefined ? '' : num(n));

/** The form for the plan as stored (or blank rows before the first save). */
export function fromView(view: PlanView): PlanForm {
  const byLeaf = new Map((view.plan?.items ?? []).map((i) => [i.leaf, i]));
  return {
    version: view.plan ? String(view.plan.version) : '',
    basis: view.plan?.basis ?? '',
    longTermStartYear: view.plan?.longTermStartYear ? String(view.plan.longTermStartYear) : '',
    items: view.leaves.map((leaf) => {
      const it = byLeaf.get(leaf.code);
      return {
        leaf: leaf.code,
        target: numText(it?.target ?? leaf.officeTarget),
        targetText: it?.targetText ?? '',
        basis: it?.basis ?? '',
        standard: it?.standard ?? '',
        measures: it?.measures ?? '',
        owner: it?.owner ?? '',
        progress: it?.progress ?? 'cumulative',
        milestones: (it?.milestones ?? []).map((m) => ({ ...m })),
      };
    }),
  };
}

const indices = (form: FormValues, re: RegExp): number[] =>
  [
    ...new Set(
      Object.keys(form)
        .map((k) => re.exec(k)?.[1])
        .filter((x): x is string => x !== undefined)
        .map(Number),
    ),
  ].sort((a, b) => a - b);

/** The form as submitted. */
export function fromForm(form: FormValues): PlanForm {
  const f = (name: string) => str(form[name]);
  return {
    version: f('version'),
    basis: f('basis'),
    longTermStartYear: f('longTermStartYear'),
    items: indices(form, /^i\.(\d+)\.leaf$/).map((i) => {
      const p = (field: string) => f(`i.${i}.${field}`);
      return {
        leaf: p('leaf'),
        target: p('target'),
        targetText: p('targetText'),
        basis: p('basis'),
        standard: p('standard'),
        measures: p('measures'),
        owner: p('owner'),
        progress: p('progress') || 'cumulative',
        milestones: indices(form, new RegExp(`^i\\.${i}\\.m\\.(\\d+)\\.name$`)).map((j) => {
          const m = (field: string) => p(`m.${j}.${field}`);
          return {
            name: m('name'),
            due: m('due'),
            owner: m('owner'),
            standard: m('standard'),
            done: m('done') === 'true',
          };
        }),
      };
    }),
  };
}

const filled = (m: MilestoneRow) => [m.name, m.due, m.owner, m.standard].some((x) => x.trim() !== '');
const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());

/**
 * The body of the save (PUT). Numbers are read as typed (text that is not a number goes as typed,
 * for the API to name); empty milestone rows are dropped, so `milestoneRow[i][k]` says which row
 * of the form the body's k-th milestone of item i came from.
 */
export function toBody(f: PlanForm): { body: AnnualPlanPut; milestoneRow: number[][] } {
  const milestoneRow: number[][] = [];
  const items = f.items.map((it, i) => {
    const rows = it.milestones.map((m, j) => ({ m, j })).filter(({ m }) => filled(m));
    milestoneRow[i] = rows.map(({ j }) => j);
    const target = opt(it.target);
    return {
      leaf: it.leaf,
      ...(target === undefined ? {} : { target: numberFrom(target) }),
      ...(opt(it.targetText) === undefined ? {} : { targetText: it.targetText.trim() }),
      basis: it.basis.trim(),
      standard: it.standard.trim(),
      measures: it.measures.trim(),
      owner: it.owner.trim(),
      progress: it.progress,
      milestones: rows.map(({ m }) => ({
        name: m.name.trim(),
        due: m.due.trim(),
        owner: m.owner.trim(),
        standard: m.standard.trim(),
        done: m.done,
      })),
    };
  });
  const version = opt(f.version);
  const lt = opt(f.longTermStartYear);
  const body = {
    ...(version === undefined ? {} : { version: numberFrom(version) }),
    ...(lt === undefined ? {} : { longTermStartYear: numberFrom(lt) }),
    basis: f.basis.trim(),
    items,
  };
  // What the user typed, for the API to validate (a number field may hold text).
  return { body: body as AnnualPlanPut, milestoneRow };
}

/**
 * The form field an issue path points at (`items.3.milestones.1.due` → `i.3.m.1.due`), given how the
 * path's item and milestone indexes map to rows; undefined when it names no field of the form.
 */
export function fieldOfPath(
  path: string,
  rowOfItem: (i: number) => number | undefined,
  milestoneRowOf: (i: number, k: number) => number | undefined,
): string | undefined {
  const p = path.replace(/^body\./, '');
  if (p === 'basis') return 'basis';
  if (p === 'longTermStartYear') return 'longTermStartYear';
  const m = /^items\.(\d+)\.milestones\.(\d+)\.(name|due|owner|standard)$/.exec(p);
  if (m) {
    const row = rowOfItem(Number(m[1]));
    const j = row === undefined ? undefined : milestoneRowOf(Number(m[1]), Number(m[2]));
    return row === undefined || j === undefined ? undefined : `i.${row}.m.${j}.${m[3]}`;
  }
  const it = /^items\.(\d+)\.(target|targetText|basis|standard|measures|owner|progress)$/.exec(p);
  if (it) {
    const row = rowOfItem(Number(it[1]));
    return row === undefined ? undefined : `i.${row}.${it[2]}`;
  }
  return undefined;
}

/** The row an issue path belongs to (`items.3…`), for issues about a row as a whole. */
export const itemOfPath = (path: string): number | undefined => {
  const m = /^(?:body\.)?items\.(\d+)/.exec(path);
  return m ? Number(m[1]) : undefined;
};
