import {
  type DeterminationPut,
  type FieldIssue,
  INPUT_KIND_LABELS,
  type Leaf,
  type LeafInput,
  leafLabel,
  officeParamIssues,
  RULE_LABELS,
  type RuleKind,
  type SystemContent,
} from '@jixiao/core';

/**
 * What the office may determine for a unit, checked before anything is stored: every leaf named
 * applies to the unit and gets an input of the kind its rule scores; incidents name the rule's
 * deduction items; bonus points stay within each item's cap; vetoes name the system's veto items.
 * Inputs that come from their own channel (expert scores, survey answers, 360° source scores) are
 * not typed in here. One bilingual issue per problem, at its path in the body.
 */

/** The input kind each rule scores. */
const KIND_OF_RULE: Record<RuleKind, LeafInput['kind']> = {
  target_completion: 'value',
  reverse: 'value',
  target_gap: 'value',
  bands: 'value',
  efficacy: 'value',
  rank: 'value',
  deduction: 'incidents',
  qualitative_grade: 'grade',
  formula: 'formula',
  expert: 'expert_scores',
  satisfaction: 'survey',
  composite: 'sources',
};

/** Kinds fed by the expert review and the surveys only. */
const FED: ReadonlySet<LeafInput['kind']> = new Set(['expert_scores', 'survey', 'sources']);

type Words = { zh: string; en: string };
const issue = (path: string, w: Words): FieldIssue => ({ path, ...w });

function leafIssues(leaf: Leaf, input: LeafInput, at: string): FieldIssue[] {
  if (input.kind === 'exempt') return [];
  const label = leafLabel(leaf);
  const got = INPUT_KIND_LABELS[input.kind];
  if (FED.has(input.kind))
    return [
      issue(`${at}.kind`, {
        zh: `${label.zh}：${got.zh}来自专家评议或满意度测评，不能由年终认定录入`,
        en: `${label.en}: ${got.en.toLowerCase()} come from the expert review or the survey, not from a determination`,
      }),
    ];
  const want = KIND_OF_RULE[leaf.rule.kind];
  if (input.kind !== want) {
    const rule = RULE_LABELS[leaf.rule.kind];
    const need = INPUT_KIND_LABELS[want];
    return [
      issue(`${at}.kind`, {
        zh: `${label.zh}按「${rule.zh}」计分，需要${need.zh}（或免考），不能认定为${got.zh}`,
        en: `${label.en} is scored by ${rule.en.toLowerCase()}: it takes ${need.en.toLowerCase()} (or an exemption), not ${got.en.toLowerCase()}`,
      }),
    ];
  }
  if (input.kind === 'incidents' && leaf.rule.kind === 'deduction') {
    const items = new Set(leaf.rule.items.map((i) => i.code));
    const known = leaf.rule.items.map((i) => i.code).join('、');
    return Object.keys(input.counts)
      .filter((code) => !items.has(code))
      .map((code) =>
        issue(`${at}.counts.${code}`, {
          zh: `${label.zh}没有扣分事项 ${code}（可用：${known}）`,
          en: `${label.en} has no deduction item ${code} (known: ${known})`,
        }),
      );
  }
  return [];
}

export function determinationIssues(
  content: SystemContent,
  applicable: readonly Leaf[],
  input: Pick<DeterminationPut, 'leaves' | 'bonus' | 'vetoes'>,
  officeArgsOf: (calculator: string) => readonly string[] | undefined,
): FieldIssue[] {
  const out: FieldIssue[] = [];
  const leaves = new Map(applicable.map((l) => [l.code, l]));
  const fitting: DeterminationPut['leaves'] = {};
  for (const [code, leafInput] of Object.entries(input.leaves)) {
    const at = `body.leaves.${code}`;
    const leaf = leaves.get(code);
    if (!leaf) {
      out.push(
        issue(at, {
          zh: `指标 ${code} 不是该单位适用的指标`,
          en: `Indicator ${code} does not apply to this unit`,
        }),
      );
      continue;
    }
    const found = leafIssues(leaf, leafInput, at);
    if (found.length) out.push(...found);
    else fitting[code] = leafInput;
  }
  // Targets and formula arguments the office fixed on the leaf stay the leaf's: the engine refuses them in an input.
  out.push(
    ...officeParamIssues(
      content,
      [{ unit: '-', group: '-', leaves: fitting, bonus: {}, vetoes: {}, statistics: {} }],
      officeArgsOf,
      'body',
    ).map((i) => ({ ...i, path: i.path.replace(/^body\.0\./, 'body.') })),
  );
  const bonusItems = new Map(content.bonusItems.map((b) => [b.code, b]));
  for (const [code, points] of Object.entries(input.bonus)) {
    const item = bonusItems.get(code);
    if (!item)
      out.push(
        issue(`body.bonus.${code}`, {
          zh: `指标体系没有加分项 ${code}`,
          en: `The indicator system has no bonus item ${code}`,
        }),
      );
    else if (points > item.maxPoints)
      out.push(
        issue(`body.bonus.${code}`, {
          zh: `加分项 ${code}「${item.name}」最多 ${item.maxPoints} 分，认定了 ${points} 分`,
          en: `Bonus item ${code} "${item.name}" gives at most ${item.maxPoints} points; ${points} were determined`,
        }),
      );
  }
  const vetoItems = new Set(content.vetoItems.map((v) => v.code));
  for (const code of Object.keys(input.vetoes))
    if (!vetoItems.has(code))
      out.push(
        issue(`body.vetoes.${code}`, {
          zh: `指标体系没有一票否决事项 ${code}`,
          en: `The indicator system has no veto item ${code}`,
        }),
      );
  return out;
}
