import type { SourceDocument } from '../../provenance';

/**
 * One 原文 node of a template as the source documents word it: the test table that the templates'
 * provenance is checked against (and every quote against the vendored source text itself).
 *
 * `node` addresses the node: a tree node's code (`D1`, `D1-2`), or `bonus:B1`, `veto:V1`,
 * `statistic:S1`, `grade:excellent`.
 */
export interface Wording {
  readonly node: string;
  readonly document: SourceDocument;
  readonly section: string;
  readonly quote: string;
}
export type WordingTable = readonly Wording[];
