import type { DayWindow } from '../cycles/model';
import { AppError, type FieldIssue } from '../errors/app-error';
import { financeOfficeArgs } from '../finance/registry';
import { reservedArgs } from '../indicators/inputs';
import type { Leaf, LeafInput, RuleKind } from '../indicators/model';
import { INPUT_KIND_LABELS } from '../vocabulary/labels';
import type { Appeal, AppealCorrection, AppealStanding, AppealStatus, AppealTarget } from './appeals';

/**
 * The rules of appeals (申诉复核): the window, one open appeal per indicator, what a correction may
 * be for each rule, and the outcome a unit reads (the records and views: ./appeals).
 */

/** Input kinds that only the expert review and the surveys supply. */
const CHANNEL_KINDS: ReadonlySet<string> = new Set(['expert_scores', 'survey', 'sources']);

// ─── Rules ────────────────────────────────────────────────────────────────────────────────────

/** Whether `today` (Asia/Shanghai) lies within the window, both ends included. */
export const appealWindowOpen = (w: DayWindow, today: string): boolean =>
  w.opens <= today && today <= w.closes;

/** 409 `outside_appeal_window`, naming the window and whether it has not begun or is over. */
export function outsideAppealWindow(w: DayWindow, today: string): AppError {
  const early = today < w.opens;
  return new AppError({
    status: 409,
    code: 'outside_appeal_window',
    zh: `申诉期为 ${w.opens} 至 ${w.closes}，${early ? '尚未开始' : '已经结束'}，不能提出申诉。`,
    en: `The appeal window is ${w.opens} to ${w.closes}; it has ${early ? 'not begun' : 'ended'}, so no appeal can be made.`,
    detail: { opens: w.opens, closes: w.closes, today },
  });
}

/** Why the unit cannot appeal now, in words (empty when it can). */
export function appealBlockers(a: {
  inReview: boolean;
  released: boolean;
  inResults: boolean;
  window: DayWindow;
  today: string;
}): { zh: string; en: string }[] {
  const out: { zh: string; en: string }[] = [];
  if (!a.inReview)
    out.push({
      zh: '考核周期不在「综合评议」环节，不能申诉',
      en: 'The cycle is not in its review step; appeals are closed',
    });
  if (!a.released) out.push({ zh: '考核结果尚未发布', en: 'No results have been released yet' });
  else if (!a.inResults)
    out.push({ zh: '本单位不在已发布的结果中', en: 'The unit is not in the released results' });
  if (!appealWindowOpen(a.window, a.today)) {
    const e = outsideAppealWindow(a.window, a.today);
    out.push({ zh: e.zh, en: e.en });
  }
  return out;
}

/** 409 `appeal_open`: the unit already has an appeal of this indicator (or the conclusion) under review. */
export const appealAlreadyOpen = (open: Pick<Appeal, 'id' | 'target' | 'leaf'>) =>
  new AppError({
    status: 409,
    code: 'appeal_open',
    zh:
      open.target === 'indicator'
        ? `本单位对指标 ${open.leaf} 的申诉（${open.id}）尚在复核中，复核结束前不能再次申诉。`
        : `本单位对考核结论的申诉（${open.id}）尚在复核中，复核结束前不能再次申诉。`,
    en:
      open.target === 'indicator'
        ? `The unit's appeal of indicator ${open.leaf} (${open.id}) is still under review; appeal it again once it is decided.`
        : `The unit's appeal of the conclusion (${open.id}) is still under review; appeal it again once it is decided.`,
    detail: { appeal: open.id },
  });

/** 409 `invalid_transition`: the appeal was already decided or withdrawn. */
export const appealNotOpen = (status: AppealStatus) =>
  new AppError({
    status: 409,
    code: 'invalid_transition',
    zh: '该申诉已经复核或撤回，不能再撤回或复核。',
    en: 'The appeal has already been decided or withdrawn.',
    detail: { status },
  });

/** Whether an appeal occupies the slot a new one wants: same unit, same leaf (or both the conclusion), still open. */
export const sameOpenAppeal = (
  a: Pick<Appeal, 'status' | 'target' | 'leaf'>,
  target: AppealTarget,
  leaf?: string,
) => a.status === 'submitted' && a.target === target && (target === 'conclusion' || a.leaf === leaf);

/** Rules that score a number: their input is the unit's value record. */
export const VALUE_RULES: readonly RuleKind[] = [
  'target_completion',
  'reverse',
  'target_gap',
  'bands',
  'efficacy',
  'rank',
];

/** The input kind each rule scores (an exemption fits any). */
export const INPUT_KIND_OF_RULE: Readonly<Record<RuleKind, LeafInput['kind']>> = {
  target_completion: 'value',
  reverse: 'value',
  target_gap: 'value',
  bands: 'value',
  efficacy: 'value',
  rank: 'value',
  deduction: 'incidents',
  qualitative_grade: 'grade',
  expert: 'expert_scores',
  satisfaction: 'survey',
  composite: 'sources',
  formula: 'formula',
};

const leafWords = (l: Leaf) => ({ zh: `指标 ${l.code}「${l.name}」`, en: `indicator ${l.code} "${l.name}"` });

/**
 * What is wrong with a correction for this leaf (paths under `correction`): a value leaf takes a
 * number; any other leaf an input of the kind its rule scores (or an exemption) naming only the
 * rule's own items, groups and sources, and never an argument or target the office fixed on the
 * leaf (the engine would mark it invalid).
 */
export function correctionIssues(leaf: Leaf, c: AppealCorrection): FieldIssue[] {
  const w = leafWords(leaf);
  const rule = leaf.rule;
  if (VALUE_RULES.includes(rule.kind)) {
    if ('value' in c) return [];
    return [
      {
        path: 'correction',
        zh: `${w.zh}按数值计分，更正请填写数值`,
        en: `${w.en} is scored on a number; correct its value`,
      },
    ];
  }
  if ('value' in c)
    return [
      {
        path: 'correction',
        zh: `${w.zh}不按单一数值计分，更正请填写认定内容（如等级、扣分事项次数或免考）`,
        en: `${w.en} is not scored on a single number; correct its input (a grade, incident counts, an exemption…)`,
      },
    ];
  const input = c.input;
  const expected = INPUT_KIND_OF_RULE[rule.kind];
  // Expert scores, survey answers and 360° sources come only from their own channels (as in the
  // office's determinations): an appeal on such a leaf is settled by an exemption.
  if (CHANNEL_KINDS.has(input.kind)) {
    const got = INPUT_KIND_LABELS[input.kind];
    return [
      {
        path: 'correction.input.kind',
        zh: `${w.zh}的「${got.zh}」只能来自专家评议或满意度测评，申诉复核只能更正为免考`,
        en: `${w.en}: ${got.en.toLowerCase()} come only from the expert review or the survey; an appeal can only exempt it`,
      },
    ];
  }
  if (input.kind !== expected && input.kind !== 'exempt') {
    const want = INPUT_KIND_LABELS[expected];
    const got = INPUT_KIND_LABELS[input.kind];
    return [
      {
        path: 'correction.input.kind',
        zh: `${w.zh}的更正须为「${want.zh}」或免考，而不是「${got.zh}」`,
        en: `${w.en} takes a correction of kind ${want.en.toLowerCase()} or an exemption, not ${got.en.toLowerCase()}`,
      },
    ];
  }
  const out: FieldIssue[] = [];
  const unknown = (path: string, what: { zh: string; en: string }, key: string) =>
    out.push({
      path,
      zh: `${w.zh}没有${what.zh} ${key}`,
      en: `${w.en} has no ${what.en} ${key}`,
    });
  if (input.kind === 'incidents' && rule.kind === 'deduction') {
    const codes = new Set(rule.items.map((i) => i.code));
    for (const k of Object.keys(input.counts))
      if (!codes.has(k)) unknown(`correction.input.counts.${k}`, { zh: '扣分事项', en: 'deduction item' }, k);
  }
  if (input.kind === 'sources' && rule.kind === 'composite') {
    const keys = new Set(rule.sources.map((s) => s.key));
    for (const k of Object.keys(input.scores))
      if (!keys.has(k)) unknown(`correction.input.scores.${k}`, { zh: '评价来源', en: 'source' }, k);
  }
  if (input.kind === 'survey' && rule.kind === 'satisfaction') {
    const keys = new Set(rule.groups.map((g) => g.key));
    for (const k of Object.keys(input.answers))
      if (!keys.has(k))
        unknown(`correction.input.answers.${k}`, { zh: '调查对象组', en: 'respondent group' }, k);
  }
  if (input.kind === 'formula' && rule.kind === 'formula') {
    const reserved = new Set(reservedArgs(leaf, financeOfficeArgs(rule.calculator) ?? []));
    for (const arg of Object.keys(input.args))
      if (reserved.has(arg))
        out.push({
          path: `correction.input.args.${arg}`,
          zh: `${w.zh}的参数 ${arg} 由考核办在指标体系中设定，不通过申诉更正`,
          en: `Argument ${arg} of ${w.en} is fixed by the office on the system, not corrected by an appeal`,
        });
    if (input.target !== undefined && leaf.officeParams?.target !== undefined)
      out.push({
        path: 'correction.input.target',
        zh: `${w.zh}的目标值由考核办设定（${leaf.officeParams.target}）`,
        en: `The target of ${w.en} is set by the office (${leaf.officeParams.target})`,
      });
  }
  return out;
}

/** The reason a value record carries after an appeal corrected it (the unit sees where it came from). */
export const appealValueReason = (reason: string): string => `申诉复核：${reason}`;

// ─── The outcome ──────────────────────────────────────────────────────────────────────────────

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/**
 * after − before of two shown totals (decimal strings such as "85.50"), exactly, with as many
 * decimals as the longer of the two and a sign: "+1.25", "-0.50", "0.00". Undefined when either
 * is not a plain decimal.
 */
export function totalChange(before: string, after: string): string | undefined {
  const a = DECIMAL.exec(before.trim());
  const b = DECIMAL.exec(after.trim());
  if (!a || !b) return undefined;
  const places = Math.max(a[3]?.length ?? 0, b[3]?.length ?? 0);
  const scaled = (m: RegExpExecArray) => {
    const v = BigInt(`${m[2]}${(m[3] ?? '').padEnd(places, '0')}`);
    return m[1] === '-' ? -v : v;
  };
  const d = scaled(b) - scaled(a);
  const abs = (d < 0n ? -d : d).toString().padStart(places + 1, '0');
  const digits = places ? `${abs.slice(0, -places)}.${abs.slice(-places)}` : abs;
  return d > 0n ? `+${digits}` : d < 0n ? `-${digits}` : digits;
}

/** The outcome once a later run is released: before, after, and the changes (rank: places moved up). */
export function appealOutcome(before: AppealStanding, after: AppealStanding | undefined) {
  if (!after || after.number <= before.number) return null;
  return {
    before,
    after,
    totalChange: totalChange(before.total, after.total) ?? '',
    rankChange: before.rank - after.rank,
  };
}
