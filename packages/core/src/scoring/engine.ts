import type { LeafInput, SystemContent, UnitInputs } from '../indicators/model';
import { LEAF_STATUS_LABELS, TIE_BREAK_LABELS } from '../vocabulary/labels';
import { partiesOf, statisticsOf, unknownStatistics } from './context';
import { amount, type Dec, dec, shown, shownAmount, trim, ZERO } from './decimal';
import { gradeGroup } from './grading';
import { appliesTo, computePeers, type PeerIndex } from './peers';
import { type RankEntry, type RankKey, rankGroup } from './ranking';
import { applyRule } from './rules';
import type { Bilingual, CalculatorRegistry, RuleOutcome } from './rules/types';
import { type FlatTree, flatten } from './tree';
import type {
  BaseResult,
  BonusLine,
  BonusResult,
  GroupResult,
  LeafStatus,
  NodeResult,
  PartyResult,
  ScoringResult,
  StatisticResult,
  UnitResult,
  VetoResult,
} from './types';
import { ACTIVE, EXCLUDE, effectiveWeights, REDISTRIBUTE } from './weights';

export interface ScoreOptions {
  /** Finance calculators for `formula` leaves (injected, so scoring does not depend on which exist). */
  calculators?: CalculatorRegistry;
}

/** Plain code-unit order: locale-independent, so every machine sorts the same way. */
const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Everything computed once per run and shared by every unit. */
interface Run {
  content: SystemContent;
  d: number;
  tree: FlatTree;
  peers: PeerIndex;
  calculators: CalculatorRegistry | undefined;
}

/** A unit scored, before ranking and grading (which need the whole group). */
interface Scored {
  unit: string;
  group: string;
  dimensions: NodeResult[];
  dimShown: Map<string, Dec>;
  base: BaseResult;
  bonus: BonusResult;
  bonusShown: Dec;
  vetoes: VetoResult[];
  deductions: Dec;
  total: Dec;
  totalExact: Dec;
  warnings: Bilingual[];
  parties: PartyResult[];
  statistics: StatisticResult[];
}

/**
 * Scores every unit against one indicator system, then ranks and grades within unit groups.
 *
 * Order of work (mirrors the year-end batch): flatten the tree and compute peer statistics ONCE →
 * score each unit independently → rank and grade each group. The content is assumed schema-valid
 * (callers validate); a tree whose weights do not add up is scored as written, never a crash.
 * Bad data gives statuses and reasons; only programmer errors throw (a unit code given twice).
 * Deterministic: units are processed and returned in (group, unit code) order whatever the input
 * order, and nothing depends on time, randomness or hash iteration.
 */
export function scoreUnits(
  content: SystemContent,
  inputs: readonly UnitInputs[],
  opts: ScoreOptions = {},
): ScoringResult {
  const units = [...inputs].sort((a, b) => byCode(a.group, b.group) || byCode(a.unit, b.unit));
  const seen = new Set<string>();
  for (const u of units) {
    if (seen.has(u.unit)) throw new Error(`scoreUnits: unit ${u.unit} is given more than once`);
    seen.add(u.unit);
  }
  const d = content.decimals ?? 2;
  const tree = flatten(content, d);
  const run: Run = {
    content,
    d,
    tree,
    peers: computePeers(
      tree.leaves.map((i) => tree.nodes[i]!.leaf!),
      units,
    ),
    calculators: opts.calculators,
  };
  const scored = units.map((u) => scoreUnit(run, u));

  const out: UnitResult[] = [];
  const groups: GroupResult[] = [];
  for (let start = 0; start < scored.length; ) {
    let end = start;
    while (end < scored.length && scored[end]!.group === scored[start]!.group) end++;
    const members = scored.slice(start, end);
    const { results, group } = rankAndGrade(run, members);
    out.push(...results);
    groups.push(group);
    start = end;
  }
  return { system: content.name, decimals: run.d, total: content.total, units: out, groups };
}

function scoreUnit(run: Run, u: UnitInputs): Scored {
  const { content, d, tree } = run;
  const { nodes } = tree;
  const leavesIn: Record<string, LeafInput> = u.leaves ?? {};
  const mode = new Uint8Array(nodes.length);
  const status: LeafStatus[] = new Array(nodes.length);
  const outcome: (RuleOutcome | undefined)[] = new Array(nodes.length);
  const exemptReason: string[] = new Array(nodes.length);
  const removal = content.exemption === 'exclude' ? EXCLUDE : REDISTRIBUTE;

  for (const li of tree.leaves) {
    const leaf = nodes[li]!.leaf!;
    const policy = leaf.missing ?? content.missingData;
    const missingMode = policy === 'zero' ? ACTIVE : policy === 'exclude' ? EXCLUDE : REDISTRIBUTE;
    if (!appliesTo(leaf, u.group)) {
      status[li] = 'not_applicable';
      mode[li] = removal;
      continue;
    }
    const input = Object.hasOwn(leavesIn, leaf.code) ? leavesIn[leaf.code] : undefined;
    if (!input) {
      status[li] = 'missing';
      mode[li] = missingMode;
    } else if (input.kind === 'exempt') {
      status[li] = 'exempt';
      exemptReason[li] = input.reason;
      mode[li] = removal;
    } else {
      const o = applyRule(leaf.rule, input, {
        leaf,
        decimals: d,
        peers: run.peers.get(leaf.code)?.get(u.group),
        calculators: run.calculators,
      });
      outcome[li] = o;
      status[li] = o.status;
      if (o.status === 'missing') mode[li] = missingMode;
    }
  }

  const w = effectiveWeights(tree, mode);
  const excessLines: BonusLine[] = [];
  let deductions = ZERO;
  let applicableMax = ZERO;

  /** Builds a node's result; returns it with its shown and exact points. */
  const build = (i: number): { r: NodeResult; s: Dec; x: Dec } => {
    const n = nodes[i]!;
    const eff = w.eff[i]!;
    if (!n.leaf) {
      let s = ZERO;
      let x = ZERO;
      const children: NodeResult[] = [];
      for (const c of n.children) {
        const b = build(c);
        children.push(b.r);
        s = s.plus(b.s);
        x = x.plus(b.x);
      }
      return {
        r: {
          type: 'branch',
          code: n.code,
          name: n.name,
          path: n.path,
          weight: n.weight,
          effectiveWeight: eff === n.nominalEff ? { ...n.nominalAmount } : amount(eff, d),
          points: { shown: s.toFixed(d), exact: x.toString() },
          children,
        },
        s,
        x,
      };
    }
    const leaf = n.leaf;
    const st = status[i]!;
    const o = outcome[i];
    let exact = ZERO;
    let excess: Dec | undefined;
    let reason: Bilingual;
    // Most leaves of most units keep their nominal weight: reuse its texts (made once per run).
    const isNominal = eff === n.nominalEff;
    const nominal = n.nominalText;
    const wText = isNominal ? nominal : trim(eff, d);
    let s = ZERO;
    let pText: string | undefined;
    if (mode[i] !== ACTIVE) {
      const why =
        st === 'not_applicable'
          ? {
              zh: `本指标不适用于「${u.group}」组单位`,
              en: `This indicator does not apply to group "${u.group}"`,
            }
          : st === 'exempt'
            ? { zh: `免考：${exemptReason[i]}`, en: `Exempted: ${exemptReason[i]}` }
            : (o?.reason ?? LEAF_STATUS_LABELS.missing);
      reason =
        mode[i] === REDISTRIBUTE
          ? {
              zh: `${why.zh}；其权重 ${nominal} 分按同级指标权重比例调剂（同级均不计分时调剂给上一级的同级指标）`,
              en: `${why.en}; its ${nominal} points go to its sibling indicators in proportion to their weights (or, if none count, to its parent's siblings)`,
            }
          : {
              zh: `${why.zh}；不计入满分，基础分 = 得分 ÷ 适用满分 × ${trim(dec(content.total), d)}`,
              en: `${why.en}; left out of the maximum: base = score ÷ applicable maximum × ${trim(dec(content.total), d)}`,
            };
    } else {
      if (!w.nominal) applicableMax = applicableMax.plus(eff);
      const of =
        wText === nominal
          ? { zh: `满分 ${wText} 分`, en: `of ${wText} points` }
          : {
              zh: `满分 ${wText} 分，原 ${nominal} 分，含调剂权重`,
              en: `of ${wText} points; nominally ${nominal}, with redistributed weight`,
            };
      if (st === 'missing') {
        reason = o
          ? { zh: `${o.reason.zh}，按 0 分计（${of.zh}）`, en: `${o.reason.en}: scored 0 (${of.en})` }
          : { zh: '未提交数据，按 0 分计', en: 'No data submitted: scored 0' };
      } else {
        const out = o!;
        if (out.fraction.eq(1)) {
          // Full marks: the points are the weight itself (no multiplication, cached rounding).
          exact = eff;
          s = isNominal ? n.nominalShown : shown(eff, d);
        } else {
          exact = eff.times(out.fraction);
          s = shown(exact, d);
        }
        const p = s.toFixed(d);
        pText = p;
        reason = { zh: `${out.reason.zh}，得 ${p} 分（${of.zh}）`, en: `${out.reason.en}: ${p} ${of.en}` };
        if (out.status === 'scored' && out.excess && out.excess.gt(0)) {
          excess = eff.times(out.excess);
          const xs = shown(excess, d).toFixed(d);
          reason = {
            zh: `${reason.zh}；超额完成部分 ${xs} 分计入加分`,
            en: `${reason.en}; the ${xs} points above target count towards the bonus`,
          };
          excessLines.push({
            code: leaf.code,
            name: leaf.name,
            source: 'excess',
            claimed: null,
            maxPoints: null,
            awarded: amount(excess, d),
            reason: {
              zh: `「${leaf.name}」超额完成 ${xs} 分`,
              en: `"${leaf.name}" completed above target: ${xs} points`,
            },
          });
        }
        if (out.deducted && out.status === 'scored') deductions = deductions.plus(out.deducted);
      }
    }
    return {
      r: {
        type: 'leaf',
        code: leaf.code,
        name: leaf.name,
        path: n.path,
        weight: n.weight,
        effectiveWeight: isNominal ? { ...n.nominalAmount } : amount(eff, d),
        status: st,
        rule: leaf.rule.kind,
        value: o?.value ?? null,
        points: { shown: pText ?? s.toFixed(d), exact: exact.toString() },
        ...(excess ? { excess: amount(excess, d) } : {}),
        reason,
      },
      s,
      x: exact,
    };
  };

  const dimensions: NodeResult[] = [];
  const dimShown = new Map<string, Dec>();
  let sumS = ZERO;
  let sumX = ZERO;
  for (const r of tree.roots) {
    const b = build(r);
    dimensions.push(b.r);
    if (!dimShown.has(b.r.code)) dimShown.set(b.r.code, b.s);
    sumS = sumS.plus(b.s);
    sumX = sumX.plus(b.x);
  }

  if (w.nominal) for (const r of tree.roots) applicableMax = applicableMax.plus(nodes[r]!.nominalEff);
  const base = baseOf(run, sumS, sumX, applicableMax, w.excluded.gt(0));
  const bonus = bonusOf(run, u, excessLines);
  const warnings = warningsOf(run, u);
  const vetoes: VetoResult[] = [];
  const vetoesIn = u.vetoes ?? {};
  for (const v of content.vetoItems ?? []) {
    if (Object.hasOwn(vetoesIn, v.code)) {
      vetoes.push({ code: v.code, name: v.name, effect: v.effect, note: vetoesIn[v.code] ?? '' });
    }
  }
  const baseShown = dec(base.points.shown);
  const bonusShown = dec(bonus.points.shown);
  return {
    unit: u.unit,
    group: u.group,
    dimensions,
    dimShown,
    base,
    bonus,
    bonusShown,
    vetoes,
    deductions,
    total: baseShown.plus(bonusShown),
    totalExact: dec(base.points.exact).plus(bonus.points.exact),
    warnings,
    parties: partiesOf(content, dimensions, d),
    statistics: statisticsOf(content, u),
  };
}

/**
 * Base = Σ shown dimension points. When weight was EXCLUDED, the unit's maximum shrank, so the
 * base is rescaled to the system total: base = sum ÷ applicableMax × total (shown half up).
 */
function baseOf(run: Run, sumS: Dec, sumX: Dec, applicableMax: Dec, excluded: boolean): BaseResult {
  const { d, content } = run;
  const total = dec(content.total);
  const sum = { shown: sumS.toFixed(d), exact: sumX.toString() };
  if (!excluded) {
    return {
      sum,
      applicableMax: amount(applicableMax, d),
      rescaled: false,
      points: sum,
      reason: {
        zh: `基础分 = 各一级指标得分之和 = ${sum.shown} 分`,
        en: `Base = sum of the dimensions' points = ${sum.shown}`,
      },
    };
  }
  if (applicableMax.isZero()) {
    return {
      sum,
      applicableMax: amount(applicableMax, d),
      rescaled: true,
      points: shownAmount(ZERO, d),
      reason: {
        zh: '没有适用于本单位的计分指标，基础分为 0',
        en: 'No scoring indicator applies to this unit: base 0',
      },
    };
  }
  const exact = sumS.times(total).div(applicableMax);
  const points = amount(exact, d);
  const max = trim(applicableMax, d);
  const t = trim(total, d);
  return {
    sum,
    applicableMax: amount(applicableMax, d),
    rescaled: true,
    points,
    reason: {
      zh: `部分指标不计入满分，基础分 = 得分 ${sum.shown} ÷ 适用满分 ${max} × ${t} = ${points.shown} 分`,
      en: `Some indicators are left out of the maximum: base = score ${sum.shown} ÷ applicable maximum ${max} × ${t} = ${points.shown}`,
    },
  };
}

/**
 * Bonus, capped in this order: (1) each claimed item at its own `maxPoints`; (2) excess
 * completion from target-completion/reverse leaves added as lines of their own (already bounded
 * by the rule's cap); (3) the sum of the SHOWN lines capped at `bonusCap` (0 = no bonus).
 * Claims for codes the system does not list are ignored with a warning.
 */
function bonusOf(run: Run, u: UnitInputs, excessLines: BonusLine[]): BonusResult {
  const { d, content } = run;
  const claims = u.bonus ?? {};
  const lines: BonusLine[] = [];
  for (const item of content.bonusItems ?? []) {
    if (!Object.hasOwn(claims, item.code)) continue;
    const claimed = claims[item.code]!;
    const over = claimed > item.maxPoints;
    const awarded = dec(over ? item.maxPoints : claimed);
    const a = amount(awarded, d);
    lines.push({
      code: item.code,
      name: item.name,
      source: 'item',
      claimed,
      maxPoints: item.maxPoints,
      awarded: a,
      reason: over
        ? {
            zh: `申报 ${claimed} 分，超过单项上限 ${item.maxPoints} 分，按 ${a.shown} 分计`,
            en: `${claimed} claimed, above the item's cap of ${item.maxPoints}: ${a.shown} awarded`,
          }
        : { zh: `申报 ${claimed} 分，计 ${a.shown} 分`, en: `${claimed} claimed, ${a.shown} awarded` },
    });
  }
  lines.push(...excessLines);
  let sumS = ZERO;
  let sumX = ZERO;
  for (const l of lines) {
    sumS = sumS.plus(l.awarded.shown);
    sumX = sumX.plus(l.awarded.exact);
  }
  const cap = dec(content.bonusCap ?? 0);
  const capped = sumS.gt(cap);
  const pS = shown(capped ? cap : sumS, d);
  const pX = sumX.gt(cap) ? cap : sumX;
  const sum = { shown: sumS.toFixed(d), exact: sumX.toString() };
  const points = { shown: pS.toFixed(d), exact: pX.toString() };
  const capText = trim(cap, d);
  const reason =
    lines.length === 0
      ? { zh: '无加分', en: 'No bonus' }
      : capped
        ? {
            zh: `加分合计 ${sum.shown} 分，超过加分上限 ${capText} 分，按 ${points.shown} 分计`,
            en: `Bonus lines add up to ${sum.shown}, above the bonus cap of ${capText}: ${points.shown} counted`,
          }
        : {
            zh: `加分合计 ${sum.shown} 分（上限 ${capText} 分）`,
            en: `Bonus lines add up to ${sum.shown} (cap ${capText})`,
          };
  return { lines, sum, cap: content.bonusCap ?? 0, capped, points, reason };
}

/** Inputs naming nothing in the system: kept out of the score, but never silently. */
function warningsOf(run: Run, u: UnitInputs): Bilingual[] {
  const { content, tree } = run;
  const out: Bilingual[] = [];
  const unknownLeaves = Object.keys(u.leaves ?? {})
    .filter((c) => !tree.leafByCode.has(c))
    .sort(byCode);
  if (unknownLeaves.length > 0) {
    out.push({
      zh: `以下指标编码不在本指标体系中，已忽略：${unknownLeaves.join('、')}`,
      en: `Ignored data for indicator codes not in this system: ${unknownLeaves.join(', ')}`,
    });
  }
  const bonusCodes = new Set((content.bonusItems ?? []).map((b) => b.code));
  const unknownBonus = Object.keys(u.bonus ?? {})
    .filter((c) => !bonusCodes.has(c))
    .sort(byCode);
  if (unknownBonus.length > 0) {
    out.push({
      zh: `以下加分项编码不在本指标体系中，已忽略：${unknownBonus.join('、')}`,
      en: `Ignored bonus claims for codes not in this system: ${unknownBonus.join(', ')}`,
    });
  }
  const vetoCodes = new Set((content.vetoItems ?? []).map((v) => v.code));
  const unknownVeto = Object.keys(u.vetoes ?? {})
    .filter((c) => !vetoCodes.has(c))
    .sort(byCode);
  if (unknownVeto.length > 0) {
    out.push({
      zh: `以下一票否决事项编码不在本指标体系中，已忽略：${unknownVeto.join('、')}`,
      en: `Ignored veto codes not in this system: ${unknownVeto.join(', ')}`,
    });
  }
  const unknownStats = unknownStatistics(content, u);
  if (unknownStats) out.push(unknownStats);
  return out;
}

/** Ranks then grades one group; returns the units' final results in (unit code) order. */
function rankAndGrade(run: Run, members: Scored[]): { results: UnitResult[]; group: GroupResult } {
  const { content, d, tree } = run;
  const grading = content.grading;
  const groupWarnings: Bilingual[] = [];
  const keys: RankKey[] = [];
  const keyValue: ((s: Scored) => { v: Dec; shown: string })[] = [];
  for (const k of grading.tieBreak ?? []) {
    if (k === 'fewer_deductions') {
      keys.push({ id: k, label: TIE_BREAK_LABELS.fewer_deductions });
      keyValue.push((s) => ({ v: shown(s.deductions, d).neg(), shown: shown(s.deductions, d).toFixed(d) }));
    } else if (k === 'more_bonus') {
      keys.push({ id: k, label: TIE_BREAK_LABELS.more_bonus });
      keyValue.push((s) => ({ v: s.bonusShown, shown: s.bonusShown.toFixed(d) }));
    } else {
      const code = k.slice('dimension:'.length);
      const root = tree.roots.map((r) => tree.nodes[r]!).find((n) => n.code === code);
      if (!root) {
        groupWarnings.push({
          zh: `排名比较项「${k}」对应的一级指标不存在，已跳过`,
          en: `Tie-break "${k}" names no dimension of this system; skipped`,
        });
        continue;
      }
      keys.push({ id: k, label: { zh: `「${root.name}」得分`, en: `points in "${root.name}"` } });
      keyValue.push((s) => {
        const v = s.dimShown.get(code) ?? ZERO;
        return { v, shown: v.toFixed(d) };
      });
    }
  }
  const entries: RankEntry[] = members.map((s) => {
    const kv = keyValue.map((f) => f(s));
    return {
      unit: s.unit,
      total: s.total,
      keys: kv.map((x) => x.v),
      shownTotal: s.total.toFixed(d),
      shownKeys: kv.map((x) => x.shown),
    };
  });
  const { ranked, pairs } = rankGroup(entries, keys);
  const byUnit = new Map(members.map((s) => [s.unit, s]));
  const { grades, quotas } = gradeGroup(
    grading,
    ranked.map((r) => {
      const s = byUnit.get(r.unit)!;
      return { unit: r.unit, total: s.total, shownTotal: s.total.toFixed(d), rank: r.rank, vetoes: s.vetoes };
    }),
    d,
  );
  const gradeOf = new Map(ranked.map((r, k) => [r.unit, grades[k]!]));
  const rankOf = new Map(ranked.map((r) => [r.unit, r]));
  const results = members.map((s): UnitResult => {
    const r = rankOf.get(s.unit)!;
    return {
      unit: s.unit,
      group: s.group,
      dimensions: s.dimensions,
      base: s.base,
      bonus: s.bonus,
      vetoes: s.vetoes,
      deductions: amount(s.deductions, d),
      total: { shown: s.total.toFixed(d), exact: s.totalExact.toString() },
      grade: gradeOf.get(s.unit)!,
      rank: { rank: r.rank, of: members.length, decidedBy: r.decidedBy, reason: r.reason },
      parties: s.parties,
      statistics: s.statistics,
      warnings: s.warnings,
    };
  });
  return {
    results,
    group: {
      group: members[0]!.group,
      size: members.length,
      order: ranked.map((r) => ({ unit: r.unit, rank: r.rank })),
      pairs,
      quotas,
      warnings: groupWarnings,
    },
  };
}
