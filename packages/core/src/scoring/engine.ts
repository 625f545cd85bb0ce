import type { LeafInput, SystemContent, UnitInputs } from '../indicators/model';
import { LEAF_STATUS_LABELS } from '../vocabulary/labels';
import { baseOf, bonusOf } from './base-and-bonus';
import { partiesOf, statisticsOf } from './context';
import { amount, type Dec, dec, shown, trim, ZERO } from './decimal';
import { appliesTo, computePeers, type PeerIndex } from './peers';
import { rankAndGrade } from './rank-and-grade';
import { applyRule } from './rules';
import type { Bilingual, CalculatorRegistry, RuleOutcome } from './rules/types';
import { byCode, type Run, type Scored } from './run';
import { flatten } from './tree';
import type {
  BonusLine,
  GroupResult,
  LeafStatus,
  NodeResult,
  ScoringResult,
  UnitResult,
  VetoResult,
} from './types';
import { warningsOf } from './warnings';
import { ACTIVE, EXCLUDE, effectiveWeights, REDISTRIBUTE } from './weights';

/** A review meeting's adjustment of a unit's total (评议会调整), points either way with its reason. */
export interface Adjustment {
  points: number;
  reason: string;
}

export interface ScoreOptions {
  /** Finance calculators for `formula` leaves (injected, so scoring does not depend on which exist). */
  calculators?: CalculatorRegistry;
  /** Adjustments by unit code, added to the total before ranking and grading. */
  adjustments?: ReadonlyMap<string, Adjustment>;
}

/**
 * Scores every unit against one indicator system, then ranks and grades within unit groups.
 *
 * Order of work (mirrors the year-end batch, which runs the same three functions in separate
 * tasks: see ./batch): flatten the tree and compute peer statistics ONCE (`prepareRun`) → score
 * each unit independently (`scoreUnit`) → rank and grade each group (`rankScored`). The content is
 * assumed schema-valid (callers validate); a tree whose weights do not add up is scored as
 * written, never a crash. Bad data gives statuses and reasons; only programmer errors throw (a
 * unit code given twice). Deterministic: units are processed and returned in (group, unit code)
 * order whatever the input order, and nothing depends on time, randomness or hash iteration.
 */
export function scoreUnits(
  content: SystemContent,
  inputs: readonly UnitInputs[],
  opts: ScoreOptions = {},
): ScoringResult {
  const run = prepareRun(content, computePeersOf(content, inputs), opts.calculators);
  return rankScored(
    run,
    inputs.map((u) => scoreUnit(run, u, opts.adjustments?.get(u.unit))),
  );
}

/** Peer statistics of the system's peer-relative leaves over these units. */
export function computePeersOf(content: SystemContent, inputs: readonly UnitInputs[]): PeerIndex {
  const tree = flatten(content, content.decimals ?? 2);
  return computePeers(
    tree.leaves.map((i) => tree.nodes[i]!.leaf!),
    inputs,
  );
}

/** Everything computed once per system and shared by every unit it scores. */
export function prepareRun(
  content: SystemContent,
  peers: PeerIndex,
  calculators: CalculatorRegistry | undefined,
): Run {
  const d = content.decimals ?? 2;
  return { content, d, tree: flatten(content, d), peers, calculators };
}

/** Ranks and grades scored units within their groups; units come back in (group, unit code) order. */
export function rankScored(run: Run, scoredIn: readonly Scored[]): ScoringResult {
  const scored = [...scoredIn].sort((a, b) => byCode(a.group, b.group) || byCode(a.unit, b.unit));
  const seen = new Set<string>();
  for (const s of scored) {
    if (seen.has(s.unit)) throw new Error(`scoreUnits: unit ${s.unit} is given more than once`);
    seen.add(s.unit);
  }
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
  const { content } = run;
  return { system: content.name, decimals: run.d, total: content.total, units: out, groups };
}

/** Scores one unit (before ranking and grading, which need its whole group). */
export function scoreUnit(run: Run, u: UnitInputs, adjustment?: Adjustment): Scored {
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
  const adj = adjustment ? dec(adjustment.points) : ZERO;
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
    total: baseShown.plus(bonusShown).plus(adj),
    totalExact: dec(base.points.exact).plus(bonus.points.exact).plus(adj),
    ...(adjustment ? { adjustment: { points: adj, reason: adjustment.reason } } : {}),
    warnings,
    parties: partiesOf(content, dimensions, d),
    statistics: statisticsOf(content, u),
  };
}
