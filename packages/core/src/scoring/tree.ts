import { type IndicatorNode, isBranch, type Leaf, type SystemContent } from '../indicators/model';
import { type Amount, amount, Dec, shown, trim } from './decimal';

/**
 * The indicator tree flattened ONCE per scoring run into arrays indexed by node number, so scoring
 * a unit walks arrays instead of re-walking the tree, and per-unit state is a few typed arrays.
 */
export interface FlatNode {
  index: number;
  code: string;
  name: string;
  path: string[];
  weight: number;
  /** The nominal weight as a decimal (made once, used for every unit). */
  weightD: Dec;
  parent: number;
  /** Child node indexes (branches). */
  children: number[];
  /** Σ of the children's nominal weights (branches). */
  childWeightSum: Dec;
  /**
   * The node's effective weight when nothing is removed: its own weight for a leaf, Σ of the leaf
   * weights beneath for a branch. Made once; the engine recognises it by identity and reuses the
   * texts below instead of re-rounding the same number for every unit.
   */
  nominalEff: Dec;
  /** `nominalEff` rounded half up to the system's decimals (a leaf's full marks as shown). */
  nominalShown: Dec;
  /** `nominalEff` as an Amount, and trimmed ("10", not "10.00") for reasons. */
  nominalAmount: Amount;
  nominalText: string;
  /** The leaf, for leaves. */
  leaf: Leaf | undefined;
  /** Position in `FlatTree.leaves`, for leaves. */
  leafIndex: number;
}

export interface FlatTree {
  nodes: FlatNode[];
  /** Top-level node indexes (dimensions), in system order. */
  roots: number[];
  /** Node indexes of leaves, in tree order (depth first). */
  leaves: number[];
  /** Leaf code → node index. Duplicate codes (rejected by validate.ts) resolve to the first. */
  leafByCode: Map<string, number>;
}

export function flatten(content: SystemContent, decimals: number): FlatTree {
  const nodes: FlatNode[] = [];
  const leaves: number[] = [];
  const leafByCode = new Map<string, number>();
  const visit = (n: IndicatorNode, parent: number, path: string[]): number => {
    const index = nodes.length;
    const p = [...path, n.code];
    const flat: FlatNode = {
      index,
      code: n.code,
      name: n.name,
      path: p,
      weight: n.weight,
      weightD: new Dec(n.weight),
      parent,
      children: [],
      childWeightSum: new Dec(0),
      nominalEff: new Dec(0),
      nominalShown: new Dec(0),
      nominalAmount: { shown: '', exact: '' },
      nominalText: '',
      leaf: undefined,
      leafIndex: -1,
    };
    nodes.push(flat);
    if (isBranch(n)) {
      let sum = new Dec(0);
      for (const c of n.children) {
        flat.children.push(visit(c, index, p));
        sum = sum.plus(c.weight);
      }
      flat.childWeightSum = sum;
      let eff = new Dec(0);
      for (const c of flat.children) eff = eff.plus(nodes[c]!.nominalEff);
      flat.nominalEff = eff;
    } else {
      flat.nominalEff = flat.weightD;
      flat.leaf = n;
      flat.leafIndex = leaves.length;
      leaves.push(index);
      if (!leafByCode.has(n.code)) leafByCode.set(n.code, index);
    }
    flat.nominalShown = shown(flat.nominalEff, decimals);
    flat.nominalAmount = amount(flat.nominalEff, decimals);
    flat.nominalText = trim(flat.weightD, decimals);
    return index;
  };
  const roots = content.dimensions.map((d) => visit(d, -1, []));
  return { nodes, roots, leaves, leafByCode };
}
