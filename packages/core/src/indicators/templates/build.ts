import type { z } from 'zod';
import type { Bilingual } from '../../scoring/types';
import {
  type Branch,
  type bonusItemSchema,
  DEFAULT_GRADING,
  type Grading,
  type Leaf,
  type OfficeParams,
  type ScoringRule,
  type StatisticItem,
  type SystemContent,
  type vetoItemSchema,
} from '../model';
import type { Provenance } from '../provenance';

/**
 * Small constructors for writing templates: they fill the defaults the schemas would (rule
 * parameters, evidence, grading), so a template is a fully parsed `SystemContent` without running
 * zod at import time. The templates' test parses every one with `systemContentSchema` anyway.
 */

/** A ready-made indicator system an office can copy and adapt (模板). */
export interface Template {
  /** Stable id, stored as `template` on systems copied from it. */
  id: string;
  name: Bilingual;
  description: Bilingual;
  /** Who it is for (适用对象). */
  appliesTo: Bilingual;
  /** The seed document (and section) it follows. */
  source: string;
  /**
   * Unit groups the template's leaves name in `appliesTo` (e.g. units that do approval work). A
   * tenant's system copied from it reports them as unknown groups until the office creates the
   * group or changes the leaf: the template cannot know the tenant's group codes.
   */
  groups?: readonly { code: string; name: Bilingual }[];
  content: SystemContent;
}

type RuleOf<K extends ScoringRule['kind']> = Extract<ScoringRule, { kind: K }>;
type Band = RuleOf<'bands'>['bands'][number];
type BandTuple = readonly [min: number | null, max: number | null, fraction: number, label?: string];
type Weighted = readonly [key: string, label: string, weight: number];

const band = ([min, max, fraction, label]: BandTuple): Band =>
  label === undefined ? { min, max, fraction } : { min, max, fraction, label };

export const rule = {
  /** 目标完成率: w · min(actual/target, cap). */
  target: (cap = 1): RuleOf<'target_completion'> => ({ kind: 'target_completion', cap }),
  /** 逆向指标: w · min(target/actual, cap). */
  reverse: (cap = 1): RuleOf<'reverse'> => ({ kind: 'reverse', cap }),
  /** 分档: [min, max) → fraction of w. */
  bands: (bands: readonly BandTuple[]): RuleOf<'bands'> => ({ kind: 'bands', bands: bands.map(band) }),
  /** 扣分: [code, label, points each]. */
  deduction: (
    items: readonly (readonly [string, string, number])[],
    maxDeduction?: number,
  ): RuleOf<'deduction'> => {
    const r: RuleOf<'deduction'> = {
      kind: 'deduction',
      items: items.map(([code, label, pointsEach]) => ({ code, label, pointsEach })),
    };
    if (maxDeduction !== undefined) r.maxDeduction = maxDeduction;
    return r;
  },
  /** 功效系数法 60 + 40 across the peer group. */
  efficacy: (): RuleOf<'efficacy'> => ({ kind: 'efficacy', base: 60, span: 40 }),
  /** 排名法: first place full marks, last `lastFraction`. */
  rank: (lastFraction = 0.6): RuleOf<'rank'> => ({ kind: 'rank', lastFraction }),
  /** 定性等级 A/B/C/D = 优/良/中/差. */
  grade: (fractions = { A: 1, B: 0.8, C: 0.6, D: 0.4 }): RuleOf<'qualitative_grade'> => ({
    kind: 'qualitative_grade',
    fractions,
  }),
  /** 专家评分 0..100, trimmed mean from 5 experts (去掉一个最高分和一个最低分). */
  expert: (): RuleOf<'expert'> => ({ kind: 'expert', scale: 100, trimFrom: 5 }),
  /** 满意度测评 with the default Likert points (100/80/60/30/0) and a minimum of 30 valid answers. */
  satisfaction: (groups: readonly Weighted[], minSample = 30): RuleOf<'satisfaction'> => ({
    kind: 'satisfaction',
    levelPoints: { very_satisfied: 100, satisfied: 80, fair: 60, dissatisfied: 30, very_dissatisfied: 0 },
    groups: groups.map(([key, label, weight]) => ({ key, label, weight })),
    minSample,
  }),
  /** 综合得分: sources (each 0..100) weighted. */
  composite: (sources: readonly Weighted[]): RuleOf<'composite'> => ({
    kind: 'composite',
    sources: sources.map(([key, label, weight]) => ({ key, label, weight })),
  }),
  /** 公式指标: a calculator computes the value, `then` scores it. */
  formula: (calculator: string, then: RuleOf<'formula'>['then']): RuleOf<'formula'> => ({
    kind: 'formula',
    calculator,
    then,
  }),
};

/** The respondent groups of a government satisfaction survey (满意度测评). */
export const PUBLIC_GROUPS: readonly Weighted[] = [
  ['clients', '服务对象', 0.5],
  ['deputies', '人大代表政协委员', 0.2],
  ['public', '社会公众', 0.3],
];

export interface LeafSpec {
  code: string;
  name: string;
  weight: number;
  /** 计量单位. */
  unit?: string;
  direction?: Leaf['direction'];
  type: Leaf['type'];
  source: Leaf['source'];
  rule: ScoringRule;
  /** 评分标准. */
  criteria: string;
  /** 数据来源, appended to the criteria as the office would print it. */
  dataSource: string;
  /** 佐证材料. */
  evidence: string;
  /** 原文 (fromSource) or 示例 (example). Every template leaf says which. */
  provenance: Provenance;
  /** What the office fixes: the target, a formula's office arguments. */
  officeParams?: OfficeParams;
  /** Whose performance it measures (purchased services). */
  party?: Leaf['party'];
  /** Unit groups it applies to (see Template.groups). */
  appliesTo?: readonly string[];
}

export const leaf = (s: LeafSpec): Leaf => {
  const l: Leaf = {
    code: s.code,
    name: s.name,
    weight: s.weight,
    criteria: `${s.criteria}数据来源：${s.dataSource}。`,
    direction: s.direction ?? 'higher',
    type: s.type,
    source: s.source,
    rule: s.rule,
    evidence: { required: true, description: s.evidence },
    provenance: s.provenance,
  };
  if (s.unit !== undefined) l.unitOfMeasure = s.unit;
  if (s.officeParams !== undefined) l.officeParams = s.officeParams;
  if (s.party !== undefined) l.party = s.party;
  if (s.appliesTo !== undefined) l.appliesTo = [...s.appliesTo];
  return l;
};

export const dim = (
  code: string,
  name: string,
  weight: number,
  provenance: Provenance,
  children: Branch['children'],
  criteria?: string,
): Branch =>
  criteria === undefined
    ? { code, name, weight, provenance, children }
    : { code, name, weight, criteria, provenance, children };

type BonusItem = z.infer<typeof bonusItemSchema>;
type VetoItem = z.infer<typeof vetoItemSchema>;

export const bonus = (
  code: string,
  name: string,
  maxPoints: number,
  criteria: string,
  provenance: Provenance = { kind: 'example' },
): BonusItem => ({ code, name, maxPoints, criteria, provenance });
export const veto = (
  code: string,
  name: string,
  effect: VetoItem['effect'],
  criteria: string,
  provenance: Provenance = { kind: 'example' },
): VetoItem => ({ code, name, effect, criteria, provenance });

/** 统计数据指标: reported and shown, never scored. */
export const statistic = (s: {
  code: string;
  name: string;
  unit?: string;
  criteria: string;
  provenance: Provenance;
}): StatisticItem => ({
  code: s.code,
  name: s.name,
  ...(s.unit !== undefined ? { unitOfMeasure: s.unit } : {}),
  criteria: s.criteria,
  provenance: s.provenance,
});

/** The bonus items most plans share (表彰 and 经验推广), capped at 5 points in all. */
export const COMMON_BONUS: readonly BonusItem[] = [
  bonus(
    'B1',
    '获国家级表彰',
    2,
    '年度内工作获党中央、国务院或国家部委表彰、通报表扬的，每项加 1 分，最多 2 分。',
  ),
  bonus('B2', '获省级表彰', 1, '年度内工作获省委、省政府表彰、通报表扬的，每项加 0.5 分，最多 1 分。'),
  bonus(
    'B3',
    '改革创新经验被上级推广',
    2,
    '工作经验或创新做法被国家或省级文件、会议推广的，每项加 1 分，最多 2 分。',
  ),
];
export const COMMON_BONUS_CAP = 5;

export const COMMON_VETO: readonly VetoItem[] = [
  veto(
    'V1',
    '发生重大安全生产责任事故',
    'fail',
    '年度内发生重大及以上安全生产责任事故的，年度绩效等级定为不及格。',
  ),
  veto(
    'V2',
    '违反中央八项规定精神被查处',
    'bar_excellent',
    '单位或领导班子成员因违反中央八项规定精神被查处并通报的，不得评为优秀。',
  ),
];

export interface SystemSpec {
  name: string;
  description: string;
  dimensions: Branch[];
  bonusItems?: readonly BonusItem[];
  bonusCap?: number;
  vetoItems?: readonly VetoItem[];
  statistics?: readonly StatisticItem[];
  tieBreak?: Grading['tieBreak'];
  /**
   * The grade levels' provenance, by level code (优秀/良好/一般/不及格): 示例 unless a source names
   * the grades (the department-project plan does). Thresholds and quotas are always examples.
   */
  gradeProvenance?: Partial<Record<string, Provenance>>;
}

export const system = (s: SystemSpec): SystemContent => ({
  name: s.name,
  description: s.description,
  total: 100,
  dimensions: s.dimensions,
  bonusItems: [...(s.bonusItems ?? [])],
  bonusCap: s.bonusCap ?? 0,
  vetoItems: [...(s.vetoItems ?? [])],
  statistics: [...(s.statistics ?? [])],
  grading: {
    levels: DEFAULT_GRADING.levels.map((l) => ({
      ...l,
      label: { ...l.label },
      provenance: s.gradeProvenance?.[l.code] ?? { kind: 'example' },
    })),
    quotaRounding: DEFAULT_GRADING.quotaRounding,
    tieBreak: [...(s.tieBreak ?? [])],
  },
  missingData: 'zero',
  exemption: 'redistribute',
  decimals: 2,
});
