import type { LeafMappingItem, StandardIndicator } from './model';

/** A leaf of the tenant's system as the mapping check needs it. */
export interface MappableLeaf {
  code: string;
  name: string;
  unit: string;
  type: 'quantitative' | 'qualitative';
}

/** One problem with a mapping, in both languages, naming the item's leaf. */
export interface MappingIssue {
  leaf: string;
  zh: string;
  en: string;
}

/**
 * What is wrong with a tenant's mapping of one system (empty = it may be saved): unknown leaf or
 * standard, a leaf mapped twice, two leaves of the system on one standard, a qualitative leaf,
 * `aggregate: 'unit'` without a known unit (or a unit without it).
 */
export function mappingIssues(
  _items: readonly LeafMappingItem[],
  _leaves: readonly MappableLeaf[],
  _library: readonly StandardIndicator[],
  _units: readonly string[],
): MappingIssue[] {
  throw new Error('not implemented (#12 core)');
}
