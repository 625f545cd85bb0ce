import {
  type IndicatorNode,
  isBranch,
  type Leaf,
  type LeafInput,
  leavesOf,
  type RuleKind,
  type SystemContent,
  type UnitInputs,
} from '../indicators/model';
import { usesTarget } from '../indicators/validate/office-params';
import { appliesTo } from '../scoring/peers';
import { num, withUnit } from '../scoring/rules/format';
import { byCode } from '../scoring/run';
import type { Bilingual } from '../scoring/types';
import { isEnumValue } from '../vocabulary/by-name';
import { VALUE_ORIGIN_LABELS } from '../vocabulary/cycle-labels';
import { INPUT_ORIGIN_LABELS } from '../vocabulary/evaluation-labels';
import { SURVEY_STATUS_LABELS } from '../vocabulary/survey-labels';
import type { InputOrigin, LeafProvenance, ResultStage } from './model';
import type { RawCycleData, Snapshot } from './snapshot';

/**
 * The freeze step's rules: what the cycle holds becomes the engine's inputs, one per unit, with
 * where each came from. Per (unit, leaf) the first source that has something wins: the office's
 * determination → the expert review (expert and composite leaves, closed rounds) → the survey
 * (satisfaction leaves) → the verified value record (value rules). Qualitative-grade, deduction and
 * formula leaves, bonus points and vetoes take the office's determination only.
 */

/** Rules a value record (VAL) feeds: one number per unit. */
const VALUE_RULES: readonly RuleKind[] = [
  'target_completion',
  'reverse',
  'target_gap',
  'bands',
  'efficacy',
  'rank',
];
const EXPERT_RULES: readonly RuleKind[] = ['expert', 'composite'];
const SURVEY_RULES: readonly RuleKind[] = ['satisfaction'];

/** The stage a leaf's points count towards: its source decides (RESULT_STAGES). */
export function stageOf(leaf: Leaf): ResultStage {
  if (leaf.source === 'survey') return 'satisfaction';
  if (leaf.source === 'expert') return 'experts';
  return 'indicators';
}

const key = (unit: string, leaf: string) => `${unit}\u0000${leaf}`;

/** Where a target came from, for the provenance (the engine only sees the number). */
type TargetFrom = 'cycle' | 'system' | 'plan';

/**
 * The cycle's fixed targets win over the system's own (a filed system serves several years). On a
 * leaf whose target the system fixed (`officeParams.target`), the engine refuses any other target in
 * a unit's input, so the cycle's target replaces the fixed one in the snapshot's copy of the system.
 */
function withCycleTargets(content: SystemContent, targets: ReadonlyMap<string, number>): SystemContent {
  const patch = (n: IndicatorNode): IndicatorNode => {
    if (isBranch(n)) return { ...n, children: n.children.map(patch) };
    const t = targets.get(n.code);
    if (
      t === undefined ||
      n.officeParams?.target === undefined ||
      n.officeParams.target === t ||
      !usesTarget(n)
    )
      return n;
    return { ...n, officeParams: { ...n.officeParams, target: t } };
  };
  return { ...content, dimensions: content.dimensions.map(patch) };
}

/** Groups each record by (unit, leaf): the first one given wins. */
function index<T extends { unit: string; leaf: string }>(rows: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const r of rows) if (!out.has(key(r.unit, r.leaf))) out.set(key(r.unit, r.leaf), r);
  return out;
}

const sortedRecord = <V>(r: Readonly<Record<string, V>>): Record<string, V> =>
  Object.fromEntries(Object.entries(r).sort(([a], [b]) => byCode(a, b)));

const joinZh = (xs: readonly (string | number)[]) => xs.join('、');
const joinEn = (xs: readonly (string | number)[]) => xs.join(', ');

/**
 * Turns what the freeze step read into the run's snapshot. Pure and deterministic: the same raw data
 * gives byte-equal JSON (bindings by system, units and every record by code). Units whose group no
 * binding covers are left out (no system scores them).
 */
export function assembleSnapshot(raw: RawCycleData): Snapshot {
  const cycleTargets = new Map((raw.cycle.targets ?? []).map((t) => [t.leaf, t.target]));
  const bindings = raw.bindings
    .map((b) => ({
      system: { id: b.system.id, version: b.system.version, name: b.system.name },
      content: withCycleTargets(b.content, cycleTargets),
      groups: [...b.groups].sort(byCode),
    }))
    .sort((a, b) => byCode(a.system.id, b.system.id) || a.system.version - b.system.version);
  const bindingOf = new Map<string, (typeof bindings)[number]>();
  for (const b of bindings) for (const g of b.groups) if (!bindingOf.has(g)) bindingOf.set(g, b);
  const leavesOfBinding = new Map(
    bindings.map((b) => [b, leavesOf(b.content.dimensions).sort((x, y) => byCode(x.code, y.code))]),
  );

  const units = raw.units
    .filter((u) => bindingOf.has(u.group))
    .map((u) => ({ code: u.code, name: u.name, group: u.group }))
    .sort((a, b) => byCode(a.code, b.code));

  const determinations = new Map<string, RawCycleData['determinations'][number]>();
  for (const d of raw.determinations) if (!determinations.has(d.unit)) determinations.set(d.unit, d);
  const experts = index(raw.experts);
  // A leaf fed by more than one survey takes a closed survey before an open one, then by survey id.
  const surveys = index(
    [...raw.surveys].sort(
      (a, b) => Number(a.status !== 'closed') - Number(b.status !== 'closed') || byCode(a.survey, b.survey),
    ),
  );
  const values = index(raw.values);
  const planTargets = index(raw.planTargets);
  const evidence = new Map<string, LeafProvenance['evidence']>();
  for (const e of raw.evidence) {
    const k = key(e.unit, e.leaf);
    evidence.set(k, [...(evidence.get(k) ?? []), { id: e.id, name: e.name, version: e.version }]);
  }
  const appealsOf = new Map<string, string[]>();
  for (const a of raw.appeals)
    if (a.leaf !== undefined)
      appealsOf.set(key(a.unit, a.leaf), [...(appealsOf.get(key(a.unit, a.leaf)) ?? []), a.id]);

  const inputs: UnitInputs[] = [];
  const provenance: Snapshot['provenance'] = {};
  for (const u of units) {
    const binding = bindingOf.get(u.group)!;
    const det = determinations.get(u.code);
    const leaves: Record<string, LeafInput> = {};
    const origins: Record<string, LeafProvenance> = {};
    for (const leaf of leavesOfBinding.get(binding)!) {
      if (!appliesTo(leaf, u.group)) continue;
      const k = key(u.code, leaf.code);
      const target = targetOf(leaf, cycleTargets.get(leaf.code), planTargets.get(k)?.target);
      const appeals = [...(appealsOf.get(k) ?? [])].sort(byCode);
      const found = inputOf(leaf, {
        determination: det && Object.hasOwn(det.leaves, leaf.code) ? det.leaves[leaf.code] : undefined,
        note: det?.note ?? '',
        experts: EXPERT_RULES.includes(leaf.rule.kind) ? experts.get(k) : undefined,
        survey: SURVEY_RULES.includes(leaf.rule.kind) ? surveys.get(k) : undefined,
        value: VALUE_RULES.includes(leaf.rule.kind) ? values.get(k) : undefined,
        target,
        appeals,
      });
      if (found.input) leaves[leaf.code] = found.input;
      origins[leaf.code] = {
        origin: found.origin,
        detail: found.detail,
        evidence: [...(evidence.get(k) ?? [])].sort((a, b) => byCode(a.name, b.name) || byCode(a.id, b.id)),
      };
    }
    inputs.push({
      unit: u.code,
      group: u.group,
      leaves,
      bonus: sortedRecord(det?.bonus ?? {}),
      vetoes: sortedRecord(det?.vetoes ?? {}),
      statistics: {},
    });
    provenance[u.code] = origins;
  }

  const inSnapshot = new Set(units.map((u) => u.code));
  const adjustments: Snapshot['adjustments'] = {};
  // One concluded meeting adjusts a unit once; should it be given twice, both count.
  for (const a of [...raw.adjustments].sort((x, y) => byCode(x.unit, y.unit))) {
    if (!inSnapshot.has(a.unit)) continue;
    const before = adjustments[a.unit];
    adjustments[a.unit] = before
      ? { points: before.points + a.points, reason: `${before.reason}；${a.reason}` }
      : { points: a.points, reason: a.reason };
  }

  return {
    cycle: {
      id: raw.cycle.id,
      name: raw.cycle.name,
      year: raw.cycle.year,
      kind: raw.cycle.kind,
      state: raw.cycle.state,
    },
    bindings,
    units,
    inputs,
    provenance,
    adjustments,
    appeals: raw.appeals.map((a) => a.id).sort(byCode),
  };
}

interface Target {
  value: number;
  from: TargetFrom;
}

/**
 * The target a leaf is scored against for one unit: the cycle's, else the system's fixed one, else
 * the unit's approved plan. Only for rules that use a target.
 */
function targetOf(leaf: Leaf, cycle: number | undefined, plan: number | undefined): Target | undefined {
  if (!usesTarget(leaf)) return undefined;
  if (cycle !== undefined) return { value: cycle, from: 'cycle' };
  if (leaf.officeParams?.target !== undefined) return { value: leaf.officeParams.target, from: 'system' };
  if (plan !== undefined) return { value: plan, from: 'plan' };
  return undefined;
}

/**
 * A unit's input may carry the target only where the system fixed none: the engine refuses a unit
 * target on a leaf with `officeParams.target` (the cycle's target then already replaced it there).
 */
function withTarget(leaf: Leaf, input: LeafInput, target: Target | undefined): LeafInput {
  if (!target || leaf.officeParams?.target !== undefined) return input;
  if ((input.kind === 'value' || input.kind === 'formula') && input.target === undefined)
    return { ...input, target: target.value };
  return input;
}

interface Sources {
  determination: LeafInput | undefined;
  note: string;
  experts: RawCycleData['experts'][number] | undefined;
  survey: RawCycleData['surveys'][number] | undefined;
  value: RawCycleData['values'][number] | undefined;
  target: Target | undefined;
  appeals: string[];
}

interface Found {
  input?: LeafInput;
  origin: InputOrigin;
  detail: Bilingual;
}

/** The first source with an input for this leaf, and why it is that one. */
function inputOf(leaf: Leaf, s: Sources): Found {
  const t = targetText(leaf, s.target);
  if (s.determination) {
    const input = withTarget(leaf, s.determination, s.target);
    const what = describeInput(leaf, s.determination);
    const note = s.note ? { zh: `（${s.note}）`, en: ` (${s.note})` } : { zh: '', en: '' };
    if (s.appeals.length)
      return {
        input,
        origin: 'appeal',
        detail: {
          zh: `申诉复核采纳（${joinZh(s.appeals)}），按考核办更正后的认定计分：${what.zh}${note.zh}${t.zh}`,
          en: `Accepted on appeal (${joinEn(s.appeals)}); scored on the office's corrected determination: ${what.en}${note.en}${t.en}`,
        },
      };
    const label = INPUT_ORIGIN_LABELS.determination;
    return {
      input,
      origin: 'determination',
      detail: {
        zh: `${label.zh}：${what.zh}${note.zh}${t.zh}`,
        en: `${label.en}: ${what.en}${note.en}${t.en}`,
      },
    };
  }
  if (s.experts) {
    const e = s.experts;
    const rounds = [...e.rounds].sort((a, b) => a - b);
    return {
      input: e.input,
      origin: 'experts',
      detail: {
        zh: `${e.scores} 位专家评分，取自已结束的第 ${joinZh(rounds)} 轮评议`,
        en: `Scores of ${e.scores} expert(s), from closed review round(s) ${joinEn(rounds)}`,
      },
    };
  }
  if (s.survey) {
    const v = s.survey;
    const closed = v.status === 'closed';
    const status = isEnumValue('surveyStatus', v.status)
      ? SURVEY_STATUS_LABELS[v.status]
      : { zh: v.status, en: v.status };
    return {
      input: v.input,
      origin: 'survey',
      detail: closed
        ? {
            zh: `满意度测评「${v.title}」，有效答卷 ${v.answers} 份（${status.zh}）`,
            en: `Survey "${v.title}": ${v.answers} answers (${status.en.toLowerCase()})`,
          }
        : {
            zh: `满意度测评「${v.title}」，有效答卷 ${v.answers} 份；测评尚未截止（${status.zh}），结果可能变化`,
            en: `Survey "${v.title}": ${v.answers} answers so far; the survey is not closed (${status.en.toLowerCase()}), so the result may change`,
          },
    };
  }
  if (s.value && s.value.value !== undefined) {
    return valueFound(leaf, s.value as typeof s.value & { value: number }, s.target, s.appeals, t);
  }
  return { origin: 'none', detail: noneDetail(leaf, s.value !== undefined) };
}

function valueFound(
  leaf: Leaf,
  v: RawCycleData['values'][number] & { value: number },
  target: Target | undefined,
  appeals: string[],
  t: Bilingual,
): Found {
  const input = withTarget(leaf, { kind: 'value', actual: v.value }, target);
  const u = leaf.unitOfMeasure;
  const val = withUnit(num(v.value), u);
  const who = VALUE_ORIGIN_LABELS[v.origin];
  if (v.status === 'corrected') {
    const was = v.original !== undefined ? withUnit(num(v.original), u) : undefined;
    const from = was ? { zh: `原值 ${was.zh}，`, en: `${was.en} given, ` } : { zh: '', en: '' };
    const why = v.reason ? { zh: `；理由：${v.reason}`, en: `; reason: ${v.reason}` } : { zh: '', en: '' };
    if (appeals.length)
      return {
        input,
        origin: 'appeal',
        detail: {
          zh: `申诉复核采纳（${joinZh(appeals)}）：${from.zh}更正为 ${val.zh}${why.zh}${t.zh}`,
          en: `Accepted on appeal (${joinEn(appeals)}): ${from.en}corrected to ${val.en}${why.en}${t.en}`,
        },
      };
    return {
      input,
      origin: 'corrected',
      detail: {
        zh: `核验时更正：${from.zh}更正为 ${val.zh}${why.zh}${t.zh}`,
        en: `Corrected in verification: ${from.en}corrected to ${val.en}${why.en}${t.en}`,
      },
    };
  }
  if (v.status === 'confirmed')
    return {
      input,
      origin: v.origin === 'provider' ? 'supplied' : 'verified',
      detail: {
        zh: `${who.zh} ${val.zh}，已核实${t.zh}`,
        en: `${who.en}: ${val.en}, verified${t.en}`,
      },
    };
  return {
    input,
    origin: 'unverified',
    detail: {
      zh: `${who.zh} ${val.zh}，尚未核实；该值仍计入得分${t.zh}`,
      en: `${who.en}: ${val.en}, not yet verified; the value still counts${t.en}`,
    },
  };
}

/** "；目标值 95%（本周期考核办设定）": where the target of a leaf that uses one came from. */
function targetText(leaf: Leaf, target: Target | undefined): Bilingual {
  if (!usesTarget(leaf)) return { zh: '', en: '' };
  if (!target) return { zh: '；未设定目标值', en: '; no target set' };
  const v = withUnit(num(target.value), leaf.unitOfMeasure);
  const from = {
    cycle: { zh: '本周期考核办设定', en: 'set by the office for this cycle' },
    system: { zh: '指标体系设定', en: 'fixed in the indicator system' },
    plan: { zh: '单位年度绩效计划', en: "the unit's approved annual plan" },
  }[target.from];
  return { zh: `；目标值 ${v.zh}（${from.zh}）`, en: `; target ${v.en} (${from.en})` };
}

/** What a determination says, briefly (the breakdown's reason has the rule's arithmetic). */
function describeInput(leaf: Leaf, input: LeafInput): Bilingual {
  switch (input.kind) {
    case 'value': {
      const v = withUnit(num(input.actual), leaf.unitOfMeasure);
      return { zh: `完成值 ${v.zh}`, en: `actual ${v.en}` };
    }
    case 'grade':
      return { zh: `等级 ${input.grade}`, en: `grade ${input.grade}` };
    case 'incidents': {
      const parts = Object.entries(input.counts)
        .filter(([, n]) => n > 0)
        .sort(([a], [b]) => byCode(a, b));
      return parts.length
        ? {
            zh: `扣分事项 ${joinZh(parts.map(([c, n]) => `${c} ${n} 次`))}`,
            en: `incidents ${joinEn(parts.map(([c, n]) => `${c} × ${n}`))}`,
          }
        : { zh: '无扣分事项', en: 'no incidents' };
    }
    case 'formula': {
      const args = Object.entries(input.args)
        .sort(([a], [b]) => byCode(a, b))
        .map(([k, v]) => `${k} = ${Array.isArray(v) ? `[${v.map(num).join(', ')}]` : num(v)}`);
      return { zh: `公式参数 ${joinZh(args)}`, en: `formula arguments ${joinEn(args)}` };
    }
    case 'exempt':
      return { zh: `免考（${input.reason}）`, en: `exempted (${input.reason})` };
    case 'expert_scores':
      return { zh: `专家评分 ${input.scores.length} 份`, en: `${input.scores.length} expert scores` };
    case 'sources': {
      const parts = Object.entries(input.scores)
        .sort(([a], [b]) => byCode(a, b))
        .map(([k, v]) => `${k} ${num(v)}`);
      return { zh: `各来源得分 ${joinZh(parts)}`, en: `source scores ${joinEn(parts)}` };
    }
    case 'survey': {
      let n = 0;
      for (const g of Object.values(input.answers)) for (const c of Object.values(g)) n += c ?? 0;
      return { zh: `满意度答卷 ${n} 份`, en: `${n} survey answers` };
    }
  }
}

/** Why a leaf has no input: what it would take. */
function noneDetail(leaf: Leaf, recordWithoutValue: boolean): Bilingual {
  const kind = leaf.rule.kind;
  if (kind === 'qualitative_grade' || kind === 'deduction' || kind === 'formula')
    return {
      zh: '本指标按考核办年终认定计分，尚未认定',
      en: "This indicator is scored on the office's year-end determination, and none has been made",
    };
  if (EXPERT_RULES.includes(kind))
    return {
      zh: '尚无已结束的专家评议轮次为本指标评分',
      en: 'No closed expert review round has scored this indicator',
    };
  if (SURVEY_RULES.includes(kind))
    return { zh: '尚无满意度测评结果', en: 'No survey has results for this indicator' };
  return recordWithoutValue
    ? { zh: '单位已填报本指标，但未填写数值', en: 'The unit reported on this indicator without a value' }
    : { zh: '单位未报送本指标的数值', en: 'No value was reported for this indicator' };
}
