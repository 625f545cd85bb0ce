import type { FieldIssue } from '../errors/app-error';
import { type IndicatorNode, isBranch, type Leaf, leavesOf, type SystemContent } from './model';

/**
 * What a change to a draft may and must do beside the change itself.
 *
 * `officeParamEdits`: a unit drafting its own system (art. 20) keeps the office's parameters as it
 * found them (from the template or the previous save): the 基准折现率 and fixed targets are the
 * office's to set, in the unit's draft as anywhere. Each changed leaf is a field issue at its path.
 *
 * `refreshProvenance`: a 原文 node whose weight or formula was changed no longer takes that from the
 * source, so its citation stops claiming it (the quote stays: it still shows what the source said).
 */

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Every leaf with its JSON path, in tree order. */
function leafPaths(nodes: readonly IndicatorNode[], prefix = 'dimensions'): { leaf: Leaf; path: string }[] {
  return nodes.flatMap((n, i) =>
    isBranch(n) ? leafPaths(n.children, `${prefix}.${i}.children`) : [{ leaf: n, path: `${prefix}.${i}` }],
  );
}

export function officeParamEdits(
  before: SystemContent | undefined,
  after: SystemContent,
  pathPrefix = 'body.content',
): FieldIssue[] {
  const was = new Map(before ? leavesOf(before.dimensions).map((l) => [l.code, l.officeParams]) : []);
  return leafPaths(after.dimensions)
    .filter(({ leaf }) => !same(leaf.officeParams, was.get(leaf.code)))
    .map(({ leaf, path }) => ({
      path: `${pathPrefix}.${path}.officeParams`,
      zh: `指标 ${leaf.code}「${leaf.name}」的考核办设定参数（目标值、基准折现率等）只能由考核办设定或修改`,
      en: `The office parameters of indicator ${leaf.code} "${leaf.name}" (targets, the benchmark discount rate) are set and changed by the office only`,
    }));
}

/** `after` with each 原文 node's `covers` reduced to what still holds against `before`. */
export function refreshProvenance(before: SystemContent, after: SystemContent): SystemContent {
  const old = new Map<string, IndicatorNode>();
  const index = (n: IndicatorNode) => {
    old.set(n.code, n);
    if (isBranch(n)) n.children.forEach(index);
  };
  before.dimensions.forEach(index);
  const walk = (n: IndicatorNode): IndicatorNode => {
    const next = isBranch(n) ? { ...n, children: n.children.map(walk) as typeof n.children } : n;
    const p = n.provenance;
    const prev = old.get(n.code);
    if (p?.kind !== 'source' || !p.covers?.length || !prev) return next;
    const formulaOf = (x: IndicatorNode) =>
      !isBranch(x) && x.rule.kind === 'formula' ? x.rule.calculator : undefined;
    const covers = p.covers.filter((c) =>
      c === 'weight' ? n.weight === prev.weight : formulaOf(n) === formulaOf(prev),
    );
    if (covers.length === p.covers.length) return next;
    const { covers: _c, ...rest } = p;
    return { ...next, provenance: covers.length ? { ...rest, covers } : rest };
  };
  return { ...after, dimensions: after.dimensions.map(walk) };
}
