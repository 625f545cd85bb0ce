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
  items: readonly LeafMappingItem[],
  leaves: readonly MappableLeaf[],
  library: readonly StandardIndicator[],
  units: readonly string[],
): MappingIssue[] {
  const leafByCode = new Map(leaves.map((l) => [l.code, l]));
  const standards = new Set(library.map((s) => s.code));
  const unitCodes = new Set(units);
  const issues: MappingIssue[] = [];
  const seenLeaf = new Set<string>();
  // A standard holds one value per tenant: two leaves of one system on it would be summed or
  // averaged silently, so the tenant must choose one.
  const leafOfStandard = new Map<string, string>();
  const add = (leaf: string, zh: string, en: string) => issues.push({ leaf, zh, en });

  for (const item of items) {
    const { leaf, standard } = item;
    const known = leafByCode.get(leaf);
    if (!known)
      add(
        leaf,
        `指标 ${leaf} 不在该指标体系的最新版本中`,
        `leaf ${leaf} is not in the system's latest version`,
      );
    else if (known.type === 'qualitative')
      add(
        leaf,
        `指标 ${leaf}（${known.name}）是定性指标，无法对标数值型标准指标`,
        `leaf ${leaf} (${known.name}) is qualitative and cannot map to a numeric standard indicator`,
      );

    if (seenLeaf.has(leaf)) add(leaf, `指标 ${leaf} 重复对标`, `leaf ${leaf} is mapped more than once`);
    seenLeaf.add(leaf);

    if (!standards.has(standard))
      add(
        leaf,
        `标准指标 ${standard} 不在省级标准指标库中`,
        `standard indicator ${standard} is not in the province's library`,
      );
    else {
      const other = leafOfStandard.get(standard);
      if (other !== undefined && other !== leaf)
        add(
          leaf,
          `指标 ${leaf} 与 ${other} 对标同一标准指标 ${standard}，每个标准指标只能对标一个指标`,
          `leaves ${other} and ${leaf} both map to standard ${standard}; a standard takes one leaf`,
        );
      else leafOfStandard.set(standard, leaf);
    }

    if (item.aggregate === 'unit') {
      if (item.unit === undefined)
        add(
          leaf,
          `指标 ${leaf} 取“指定单位的值”，但未指定单位`,
          `leaf ${leaf} takes one unit's value but names no unit`,
        );
      else if (!unitCodes.has(item.unit))
        add(
          leaf,
          `指标 ${leaf} 指定的单位 ${item.unit} 不存在`,
          `leaf ${leaf} names unit ${item.unit}, which does not exist`,
        );
    } else if (item.unit !== undefined)
      add(
        leaf,
        `指标 ${leaf} 指定了单位 ${item.unit}，但取值方式不是“指定单位的值”`,
        `leaf ${leaf} names unit ${item.unit} but its aggregate is not 'unit'`,
      );
  }
  return issues;
}
