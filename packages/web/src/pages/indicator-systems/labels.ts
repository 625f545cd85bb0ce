import { isEnumValue, type Label, RULE_LABELS, type RuleKind } from '@jixiao/core';
import type { Lang } from '../../i18n';

// Enum labels come from the core vocabulary (DIRECTION_LABELS, DATA_SOURCE_LABELS …), not from i18n.

/** Options for a <select> of an enum: each value with its vocabulary label. */
export const enumOptions = <E extends string>(
  lang: Lang,
  values: readonly E[],
  labels: Readonly<Record<E, Label>>,
): { value: E; label: string }[] => values.map((value) => ({ value, label: labels[value][lang] }));

/** A rule's name: the Chinese name offices write in the 评分方法 column (with English in English). */
export const ruleName = (lang: Lang, kind: RuleKind | string): string =>
  !isEnumValue('rule', kind)
    ? kind
    : lang === 'zh'
      ? RULE_LABELS[kind].zh
      : `${RULE_LABELS[kind].en} (${RULE_LABELS[kind].zh})`;
