import { type EdNode, type EdSystem, NEW_LEAF, newDimension, newLeaf } from './model';

/**
 * The editor's structural buttons (add, remove, move a node; add or remove a bonus, veto or grade
 * item), applied to what the user typed, which is re-rendered without being saved.
 */

export interface OpResult {
  /** The node (or item) to focus after the change. */
  focus?: string;
}

function listAt(sys: EdSystem, parentKey: string): EdNode[] | undefined {
  if (parentKey === '') return sys.dims;
  const node = nodeAt(sys, parentKey);
  return node?.children;
}

export function nodeAt(sys: EdSystem, key: string): EdNode | undefined {
  let list = sys.dims;
  let node: EdNode | undefined;
  for (const i of key.split('.').map(Number)) {
    node = list[i];
    if (!node) return undefined;
    list = node.children;
  }
  return node;
}

const splitKey = (key: string) => {
  const p = key.split('.');
  return { parent: p.slice(0, -1).join('.'), index: Number(p.at(-1)), depth: p.length };
};
const keyOf = (parent: string, i: number) => (parent === '' ? String(i) : `${parent}.${i}`);

/** Applies an `op` button's value (`add-child:0.1`, `remove:2`, `up:0.1.0`, `add-bonus` …) in place. */
export function applyOp(sys: EdSystem, op: string): OpResult {
  const [name = '', arg = ''] = op.split(':');
  switch (name) {
    case 'add-dim': {
      sys.dims.push(newDimension(`D${sys.dims.length + 1}`));
      return { focus: `n.${sys.dims.length - 1}` };
    }
    case 'add-child': {
      const node = nodeAt(sys, arg);
      const { depth } = splitKey(arg);
      if (!node || depth >= 3) return {};
      if (node.kind === 'leaf') {
        // The indicator gets sub-indicators: what it had becomes its first one, so nothing is lost.
        const child: EdNode = { ...node, code: `${node.code}-1`, children: [] };
        Object.assign(node, { ...NEW_LEAF, kind: 'branch', criteria: '', children: [child] });
        return { focus: `n.${arg}.0` };
      }
      node.kind = 'branch';
      node.children.push(newLeaf(`${node.code}-${node.children.length + 1}`));
      return { focus: `n.${keyOf(arg, node.children.length - 1)}` };
    }
    case 'add-sibling': {
      const { parent, index, depth } = splitKey(arg);
      const list = listAt(sys, parent);
      if (!list) return {};
      const parentNode = parent ? nodeAt(sys, parent) : undefined;
      const code = parentNode ? `${parentNode.code}-${list.length + 1}` : `D${list.length + 1}`;
      list.splice(index + 1, 0, depth === 1 ? newDimension(code) : newLeaf(code));
      return { focus: `n.${keyOf(parent, index + 1)}` };
    }
    case 'remove': {
      const { parent, index, depth } = splitKey(arg);
      const list = listAt(sys, parent);
      if (!list?.[index]) return {};
      list.splice(index, 1);
      // An indicator whose last sub-indicator went is an indicator again (a leaf).
      const parentNode = parent ? nodeAt(sys, parent) : undefined;
      if (parentNode && depth === 3 && list.length === 0) {
        Object.assign(parentNode, {
          ...NEW_LEAF,
          code: parentNode.code,
          name: parentNode.name,
          weight: parentNode.weight,
          kind: 'leaf',
        });
      }
      return list.length ? { focus: `n.${keyOf(parent, Math.min(index, list.length - 1))}` } : {};
    }
    case 'up':
    case 'down': {
      const { parent, index } = splitKey(arg);
      const list = listAt(sys, parent);
      const to = name === 'up' ? index - 1 : index + 1;
      if (!list?.[index] || to < 0 || to >= list.length) return {};
      const [moved] = list.splice(index, 1);
      list.splice(to, 0, moved!);
      return { focus: `n.${keyOf(parent, to)}` };
    }
    case 'add-bonus':
      sys.bonus.push({
        code: `JF${sys.bonus.length + 1}`,
        name: '',
        maxPoints: '',
        criteria: '',
        extra: '{}',
      });
      return { focus: `b.${sys.bonus.length - 1}` };
    case 'add-veto':
      sys.veto.push({
        code: `FJ${sys.veto.length + 1}`,
        name: '',
        effect: 'fail',
        criteria: '',
        extra: '{}',
      });
      return { focus: `x.${sys.veto.length - 1}` };
    case 'add-level':
      sys.levels.push({
        code: `L${sys.levels.length + 1}`,
        zh: '',
        en: '',
        min: '',
        maxShare: '',
        extra: '{}',
      });
      return { focus: `g.${sys.levels.length - 1}` };
    case 'remove-bonus':
      sys.bonus.splice(Number(arg), 1);
      return {};
    case 'remove-veto':
      sys.veto.splice(Number(arg), 1);
      return {};
    case 'remove-level':
      sys.levels.splice(Number(arg), 1);
      return {};
    default:
      return {};
  }
}
