import Decimal from 'decimal.js';
import { errors } from '../errors/catalogue';
import { type Branch, type IndicatorNode, isBranch, type SystemContent } from './model';

/**
 * Correcting weights that do not add up (the KPI plan's 30+20+15+15+10+10+10 = 110): the office
 * chooses how, instead of one fixed correction. Either every weight of a sibling list is scaled to
 * the expected sum, or the office names which weights to lower and by how much (the reductions must
 * remove exactly the excess). Either way the indicators under a changed node are scaled to its new
 * weight, so every level adds up afterwards. Weights are rounded to the system's decimals by the
 * largest-remainder method, so the rounded weights add up exactly (27.27 + 18.18 + 13.64 … = 100).
 */

import type { WeightCorrection } from './weight-correction-schema';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
type D = Decimal;
const TOLERANCE = new D('1e-9');

const placesOf = (x: number): number => {
  const s = String(x);
  const dot = s.indexOf('.');
  return dot < 0 || s.includes('e') ? 0 : s.length - dot - 1;
};

/** Splits `total` over `weights` in proportion, at `places` decimals, adding up exactly. */
export function apportion(total: number, weights: readonly number[], places: number): number[] {
  const sum = weights.reduce<D>((a, w) => a.plus(w), new D(0));
  if (sum.isZero()) return weights.map(() => 0);
  const unit = new D(10).pow(-places);
  const raw = weights.map((w) => new D(w).times(total).div(sum));
  const floored = raw.map((r) => r.toDecimalPlaces(places, Decimal.ROUND_FLOOR));
  let left = new D(total).minus(floored.reduce<D>((a, f) => a.plus(f), new D(0)));
  const order = raw
    .map((r, i) => ({ i, rest: r.minus(floored[i]!) }))
    .sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i);
  for (const { i } of order) {
    if (left.lessThan(unit.div(2))) break;
    floored[i] = floored[i]!.plus(unit);
    left = left.minus(unit);
  }
  return floored.map((f) => f.toNumber());
}

/**
 * `node` at its new weight. A 原文 node that took its weight from the source (the KPI plan's) no
 * longer does: its provenance keeps the quote (which shows the source's weight) but stops claiming it.
 */
function reweighed(node: IndicatorNode, weight: number): IndicatorNode {
  const p = node.provenance;
  if (p?.kind !== 'source' || !p.covers?.includes('weight')) return { ...node, weight };
  const covers = p.covers.filter((c) => c !== 'weight');
  const { covers: _c, ...rest } = p;
  return { ...node, weight, provenance: covers.length ? { ...rest, covers } : rest };
}

/** The indicators under `node` scaled to its weight, level by level. */
function rescaleUnder(node: IndicatorNode, places: number): IndicatorNode {
  if (!isBranch(node)) return node;
  const p = Math.max(places, placesOf(node.weight));
  const ws = apportion(
    node.weight,
    node.children.map((c) => c.weight),
    p,
  );
  return {
    ...node,
    children: node.children.map(
      (c, i) => rescaleUnder({ ...c, weight: ws[i] ?? 0 }, places) as Branch['children'][number],
    ),
  };
}

const bad = (path: string, zh: string, en: string) => errors.validation([{ path, zh, en }]);

/** `content` with the weights of one sibling list corrected as the office chose. Throws 422 when it cannot be. */
export function correctWeights(
  content: SystemContent,
  c: WeightCorrection,
  pathPrefix = 'body',
): SystemContent {
  const out = structuredClone(content);
  const steps = c.path.split('.').slice(1);
  let list: IndicatorNode[] = out.dimensions;
  let expected = out.total;
  for (let k = 0; k < steps.length; k += 2) {
    const node = list[Number(steps[k])];
    if (!node || !isBranch(node))
      throw bad(
        `${pathPrefix}.path`,
        `指标体系中没有 ${c.path} 这一级指标列表`,
        `There is no sibling list at ${c.path}`,
      );
    list = node.children;
    expected = node.weight;
  }
  const places = Math.max(out.decimals ?? 2, placesOf(expected));
  const sum = list.reduce<D>((a, n) => a.plus(n.weight), new D(0));
  let weights: number[];
  if (c.method === 'scale') {
    if (sum.isZero())
      throw bad(
        `${pathPrefix}.method`,
        '各项权重均为 0，无法按比例缩放',
        'Every weight is 0, so they cannot be scaled',
      );
    weights = apportion(
      expected,
      list.map((n) => n.weight),
      places,
    );
  } else {
    const excess = sum.minus(expected);
    const codes = new Set(list.map((n) => n.code));
    for (const [code, r] of Object.entries(c.reductions)) {
      if (!codes.has(code))
        throw bad(
          `${pathPrefix}.reductions.${code}`,
          `${code} 不在该级指标中；可降低的指标：${[...codes].join('、')}`,
          `${code} is not in this list; you can lower ${[...codes].join(', ')}`,
        );
      const w = list.find((n) => n.code === code)!.weight;
      if (new D(r).greaterThan(w))
        throw bad(
          `${pathPrefix}.reductions.${code}`,
          `${code} 的权重只有 ${w}，不能降低 ${r}`,
          `${code} weighs only ${w}; it cannot be lowered by ${r}`,
        );
    }
    const total = Object.values(c.reductions).reduce<D>((a, r) => a.plus(r), new D(0));
    if (!excess.isPositive() || excess.isZero())
      throw bad(
        `${pathPrefix}.method`,
        `权重合计 ${sum.toString()} 不高于应有的 ${expected}，无需降低；请改用按比例缩放`,
        `The weights add up to ${sum.toString()}, not more than ${expected}: nothing to lower; scale them instead`,
      );
    if (total.minus(excess).abs().greaterThan(TOLERANCE))
      throw bad(
        `${pathPrefix}.reductions`,
        `各项降低的分值合计须为 ${excess.toString()}（当前合计 ${sum.toString()}，应为 ${expected}），现为 ${total.toString()}`,
        `The reductions must add up to ${excess.toString()} (the weights add up to ${sum.toString()} instead of ${expected}); they add up to ${total.toString()}`,
      );
    // Own keys only: a node coded `constructor` must not find Object.prototype's.
    weights = list.map((n) =>
      new D(n.weight).minus(Object.hasOwn(c.reductions, n.code) ? (c.reductions[n.code] ?? 0) : 0).toNumber(),
    );
  }
  const corrected = list.map((n, i) =>
    weights[i] === n.weight ? n : rescaleUnder(reweighed(n, weights[i] ?? 0), out.decimals ?? 2),
  );
  list.splice(0, list.length, ...corrected);
  return out;
}
