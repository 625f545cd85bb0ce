import { describe, expect, it } from 'vitest';
import {
  DATA_SOURCE,
  DIRECTION,
  type EnumWords,
  EXEMPTION_POLICY,
  enumWordList,
  formatTieBreak,
  INDICATOR_TYPE,
  MEASURED_PARTY,
  MISSING_POLICY,
  PROVENANCE_COVER,
  PROVENANCE_KIND,
  QUOTA_ROUNDING,
  readEnum,
  readTieBreak,
  SOURCE_DOCUMENT,
  VETO_EFFECT,
  writeEnum,
} from './labels';
import { DATA_SOURCE_LABELS, RULE_KINDS, RULE_LABELS, VETO_EFFECT_LABELS } from './model';
import { ruleKindFromName, ruleNames } from './rule-params';

const ALL: EnumWords<string>[] = [
  DIRECTION,
  INDICATOR_TYPE,
  DATA_SOURCE,
  MISSING_POLICY,
  EXEMPTION_POLICY,
  VETO_EFFECT,
  QUOTA_ROUNDING,
  MEASURED_PARTY,
  PROVENANCE_KIND,
  PROVENANCE_COVER,
  SOURCE_DOCUMENT,
];

describe('enum words in the workbook', () => {
  it('writes the core vocabulary’s label and reads it back, and the English label and key', () => {
    for (const words of ALL) {
      for (const value of words.values) {
        expect(writeEnum(words, value)).toBe(words.labels[value]?.zh);
        expect(readEnum(words, writeEnum(words, value))).toBe(value);
        expect(readEnum(words, ` ${value.toUpperCase()} `)).toBe(value);
        expect(readEnum(words, words.labels[value]?.en ?? '')).toBe(value);
      }
    }
    expect(writeEnum(DATA_SOURCE, 'data_provider')).toBe(DATA_SOURCE_LABELS.data_provider.zh);
    expect(enumWordList(VETO_EFFECT)).toEqual([
      VETO_EFFECT_LABELS.fail.zh,
      VETO_EFFECT_LABELS.bar_excellent.zh,
    ]);
  });

  it('still reads the wordings earlier exports wrote (aliases), and never writes them', () => {
    expect(readEnum(DATA_SOURCE, '部门提供')).toBe('data_provider');
    expect(readEnum(VETO_EFFECT, '不及格')).toBe('fail');
    expect(readEnum(VETO_EFFECT, '不得评优')).toBe('bar_excellent');
    expect(ruleKindFromName('目标完成率')).toBe('target_completion');
    expect(ruleKindFromName('分档')).toBe('bands');
    for (const words of ALL) {
      const written = new Set(enumWordList(words));
      for (const alias of Object.keys(words.aliases)) expect(written.has(alias), alias).toBe(false);
    }
  });

  it('names rules by RULE_LABELS', () => {
    expect(ruleNames()).toEqual(RULE_KINDS.map((k) => RULE_LABELS[k].zh));
    for (const kind of RULE_KINDS) expect(ruleKindFromName(RULE_LABELS[kind].zh)).toBe(kind);
  });

  it('writes tie-breaks with the vocabulary and reads the older 较少/较多 wording', () => {
    const text = formatTieBreak(['fewer_deductions', 'dimension:JJ', 'more_bonus']);
    expect(text).toBe('扣分少者优先; 一级指标 JJ 得分高者优先; 加分多者优先');
    expect(readTieBreak(text ?? '')).toEqual(['fewer_deductions', 'dimension:JJ', 'more_bonus']);
    expect(readTieBreak('扣分较少者优先；加分较多者优先')).toEqual(['fewer_deductions', 'more_bonus']);
  });
});
