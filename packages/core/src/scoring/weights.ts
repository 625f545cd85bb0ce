import { type Dec, ZERO } from './decimal';
import type { FlatTree } from './tree';

/** What happens to a leaf's weight for one unit. */
export const ACTIVE = 0;
/** Removed; its weight goes to its applicable siblings (or, if none, up to the parent's siblings). */
export const REDISTRIBUTE = 1;
/** Removed; its weight leaves the unit's maximum and the base is rescaled to the system total. */
export const EXCLUDE = 2;

export interface EffectiveWeights {
  /** Node index → effective weight (0 for removed nodes; a branch's is Σ of its children's). */
  eff: Dec[];
  /** Weight removed by EXCLUDE. */
  excluded: Dec;
  /** Redistributable weight with nowhere to go (every dimension removed). */
  lost: Dec;
  /** True when nothing was removed, so every weight is the node's `nominalEff`. */
  nominal: boolean;
}

/** `amount` split in proportion to nominal weights (equally when they are all 0). */
const part = (amount: Dec, c: Dec, sum: Dec, n: number): Dec =>
  amount.isZero() ? ZERO : sum.isZero() ? amount.div(n) : amount.times(c).div(sum);

/**
 * Effective weights for one unit, given each leaf's mode (indexed by node index).
 *
 * Within each sibling group: removed (REDISTRIBUTE) siblings' weight is spread over the siblings
 * that still count, in proportion to their NOMINAL weights; a branch with nothing left beneath it
 * is itself removed, so its weight rises to its own siblings ("if none remain, up to the parent's
 * siblings"). Weight a branch receives flows down to its children in proportion to their nominal
 * weights. EXCLUDE weight simply leaves (tallied in `excluded`, for the rescale).
 * Extra weight is added to nominal weights (c + extra·c/Σc) rather than scaling the children to
 * the parent's weight, so that in a tree whose weights do not add up (invalid, but parsed) the
 * leaves keep their written weights when nothing is removed.
 */
export function effectiveWeights(tree: FlatTree, mode: Uint8Array): EffectiveWeights {
  const { nodes } = tree;
  const eff: Dec[] = new Array(nodes.length);
  // Fast path: nothing removed → nominal weights (the common case for most units).
  let anyRemoved = false;
  for (const li of tree.leaves) if (mode[li] !== ACTIVE) anyRemoved = true;
  if (!anyRemoved) {
    for (let i = 0; i < nodes.length; i++) eff[i] = nodes[i]!.nominalEff;
    return { eff, excluded: ZERO, lost: ZERO, nominal: true };
  }
  // alive = some ACTIVE leaf beneath (children have larger indexes: depth-first preorder).
  const alive = new Uint8Array(nodes.length);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    if (n.leaf) alive[i] = mode[i] === ACTIVE ? 1 : 0;
    else alive[i] = n.children.some((c) => alive[c] === 1) ? 1 : 0;
  }
  let excluded = ZERO;

  /** A removed subtree receiving weight `e`: returns the part that may be redistributed. */
  const split = (i: number, e: Dec): Dec => {
    const n = nodes[i]!;
    eff[i] = ZERO;
    if (n.leaf) {
      if (mode[i] === EXCLUDE) {
        excluded = excluded.plus(e);
        return ZERO;
      }
      return e;
    }
    const extra = e.minus(n.weightD);
    let up = ZERO;
    for (const c of n.children) {
      const cn = nodes[c]!;
      up = up.plus(split(c, cn.weightD.plus(part(extra, cn.weightD, n.childWeightSum, n.children.length))));
    }
    return up;
  };

  /** A sibling group receiving `extra` on top of its nominal weights; returns weight with nowhere to go. */
  const group = (children: number[], extra: Dec, childSum: Dec): Dec => {
    let up = ZERO;
    let aliveSum = ZERO;
    let aliveCount = 0;
    const e: Dec[] = new Array(children.length);
    for (let k = 0; k < children.length; k++) {
      const c = nodes[children[k]!]!;
      e[k] = c.weightD.plus(part(extra, c.weightD, childSum, children.length));
      if (alive[c.index]) {
        aliveSum = aliveSum.plus(c.weightD);
        aliveCount++;
      } else up = up.plus(split(c.index, e[k]!));
    }
    if (aliveCount === 0) return up;
    for (let k = 0; k < children.length; k++) {
      const c = nodes[children[k]!]!;
      if (!alive[c.index]) continue;
      const final = e[k]!.plus(part(up, c.weightD, aliveSum, aliveCount));
      if (c.leaf) eff[c.index] = final;
      else {
        group(c.children, final.minus(c.weightD), c.childWeightSum);
        let s = ZERO;
        for (const cc of c.children) s = s.plus(eff[cc]!);
        eff[c.index] = s;
      }
    }
    return ZERO;
  };

  let rootSum = ZERO;
  for (const r of tree.roots) rootSum = rootSum.plus(nodes[r]!.weightD);
  const lost = group(tree.roots, ZERO, rootSum);
  return { eff, excluded, lost, nominal: false };
}
