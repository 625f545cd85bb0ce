import { z } from 'zod';
import { type Leaf, type LeafInput, LIKERT_LEVELS, type LikertLevel } from '../indicators/model';
import { applyRule } from '../scoring/rules';
import {
  INTEGRITY_DECISIONS,
  INTEGRITY_SIGNALS,
  type IntegrityFlag,
  type IntegrityParams,
  integrityFlagSchema,
  integrityFlags,
  isStraightLined,
} from './integrity';
import type { Survey, SurveyAnswer } from './model';

/**
 * A survey's results (pure, so the year-end batch can call it too): per rated unit and linked
 * satisfaction leaf, counts per respondent group and Likert level for ALL answers, the VERIFIED
 * ones (invitation tokens) and AS DECIDED (the answers of flags the office excluded removed); the
 * leaf input as decided and the scoring rule's preview with its minimum-sample rule (`applyRule`,
 * never a second implementation). Likert questions linked to no leaf are tallied alike.
 */

export const integrityDecisionInputSchema = z
  .object({
    signal: z.enum(INTEGRITY_SIGNALS),
    key: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    decision: z.enum(INTEGRITY_DECISIONS),
    reason: z.string().trim().min(1).max(500),
    /** The version of the decision being replaced (absent for the first decision on a flag). */
    version: z.number().int().positive().optional(),
  })
  .strict()
  .meta({ id: 'IntegrityDecisionInput' });
export type IntegrityDecisionInput = z.infer<typeof integrityDecisionInputSchema>;

export const integrityDecisionSchema = z
  .object({
    survey: z.string(),
    signal: z.enum(INTEGRITY_SIGNALS),
    key: z.string(),
    decision: z.enum(INTEGRITY_DECISIONS),
    reason: z.string(),
    /** The answers the flag named when the office decided: the decision applies to exactly these. */
    answers: z.array(z.string()),
    by: z.string(),
    version: z.number().int().positive(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'IntegrityDecision' });
export type IntegrityDecisionRecord = z.infer<typeof integrityDecisionSchema>;

const countsSchema = z.object(
  Object.fromEntries(LIKERT_LEVELS.map((l) => [l, z.number().int()])) as Record<LikertLevel, z.ZodNumber>,
);
export type LikertCounts = Record<LikertLevel, number>;
const viewsSchema = z.object({ all: countsSchema, verified: countsSchema, decided: countsSchema });

const groupTallySchema = z.object({
  key: z.string(),
  label: z.string(),
  weight: z.number(),
  counts: viewsSchema,
  n: z.object({ all: z.number().int(), verified: z.number().int(), decided: z.number().int() }),
  /** Fewer answers as decided than the rule's minimum sample: the group is not counted. */
  belowMinSample: z.boolean(),
});

export const surveyResultsSchema = z
  .object({
    summary: z.object({
      answers: z.number().int(),
      verified: z.number().int(),
      openLink: z.number().int(),
      excluded: z.number().int(),
      straightLined: z.number().int(),
      byGroup: z.array(z.object({ group: z.string(), all: z.number().int(), verified: z.number().int() })),
    }),
    flags: z.array(
      integrityFlagSchema.extend({
        decision: z
          .object({
            decision: z.enum(INTEGRITY_DECISIONS),
            reason: z.string(),
            by: z.string(),
            at: z.string(),
            version: z.number().int(),
            /** The flag names other answers now than when decided: decide again. */
            stale: z.boolean(),
          })
          .optional(),
      }),
    ),
    leaves: z.array(
      z.object({
        unit: z.string(),
        leaf: z.string(),
        leafName: z.string(),
        question: z.string(),
        minSample: z.number().int(),
        groups: z.array(groupTallySchema),
        input: z.object({
          kind: z.literal('survey'),
          answers: z.record(z.string(), z.partialRecord(z.enum(LIKERT_LEVELS), z.number().int())),
        }),
        preview: z.object({
          status: z.enum(['scored', 'invalid', 'missing']),
          fraction: z.number(),
          value: z.union([z.number(), z.string(), z.null()]),
          reason: z.object({ zh: z.string(), en: z.string() }),
        }),
      }),
    ),
    questions: z.array(
      z.object({ unit: z.string(), question: z.string(), groups: z.array(groupTallySchema) }),
    ),
  })
  .meta({ id: 'SurveyResults' });
export type SurveyResults = z.infer<typeof surveyResultsSchema>;

export const emptyCounts = (): LikertCounts =>
  Object.fromEntries(LIKERT_LEVELS.map((l) => [l, 0])) as LikertCounts;
const total = (c: LikertCounts) => LIKERT_LEVELS.reduce((s, l) => s + c[l], 0);

export interface ResultsInput {
  survey: Pick<Survey, 'groups' | 'units' | 'questions' | 'fastSeconds'>;
  answers: readonly SurveyAnswer[];
  decisions: readonly IntegrityDecisionRecord[];
  /** The leaf a unit's question is linked to, as the unit's bound system defines it. */
  leafOf: (unit: string, code: string) => Leaf | undefined;
  params?: Partial<IntegrityParams>;
}

/** The answers the office's exclude decisions remove (those the flag named when decided). */
export function excludedAnswers(decisions: readonly IntegrityDecisionRecord[]): Set<string> {
  return new Set(decisions.filter((d) => d.decision === 'exclude').flatMap((d) => d.answers));
}

function tally(
  survey: ResultsInput['survey'],
  answers: readonly SurveyAnswer[],
  excluded: Set<string>,
  unit: string,
  question: string,
  minSample: number,
) {
  return survey.groups.map((g) => {
    const counts = { all: emptyCounts(), verified: emptyCounts(), decided: emptyCounts() };
    for (const a of answers) {
      if (a.group !== g.key) continue;
      const level = a.ratings[unit]?.[question];
      if (!level) continue;
      counts.all[level]++;
      if (a.channel === 'invitation') counts.verified[level]++;
      if (!excluded.has(a.id)) counts.decided[level]++;
    }
    const n = { all: total(counts.all), verified: total(counts.verified), decided: total(counts.decided) };
    return { key: g.key, label: g.label, weight: g.weight, counts, n, belowMinSample: n.decided < minSample };
  });
}

const sparse = (c: LikertCounts) =>
  Object.fromEntries(LIKERT_LEVELS.filter((l) => c[l] > 0).map((l) => [l, c[l]])) as Partial<LikertCounts>;

export function surveyResults(input: ResultsInput): SurveyResults {
  const { survey, answers, decisions } = input;
  const flags = integrityFlags(answers, { fastSeconds: survey.fastSeconds, ...input.params });
  const excluded = excludedAnswers(decisions);
  const decisionOf = new Map(decisions.map((d) => [`${d.signal}:${d.key}`, d]));
  const sameIds = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
  const shownFlags = flags.map((f: IntegrityFlag) => {
    const d = decisionOf.get(`${f.signal}:${f.key}`);
    return d
      ? {
          ...f,
          decision: {
            decision: d.decision,
            reason: d.reason,
            by: d.by,
            at: d.updatedAt,
            version: d.version,
            stale: !sameIds(d.answers, f.answers),
          },
        }
      : f;
  });

  const leaves: SurveyResults['leaves'] = [];
  const questions: SurveyResults['questions'] = [];
  for (const unit of survey.units) {
    for (const q of survey.questions) {
      if (q.kind !== 'likert') continue;
      const leaf = q.leaf ? input.leafOf(unit, q.leaf) : undefined;
      if (leaf?.rule.kind !== 'satisfaction') {
        if (!q.leaf)
          questions.push({
            unit,
            question: q.code,
            groups: tally(survey, answers, excluded, unit, q.code, 0),
          });
        continue;
      }
      const rule = leaf.rule;
      const groups = tally(survey, answers, excluded, unit, q.code, rule.minSample);
      const leafInput: Extract<LeafInput, { kind: 'survey' }> = {
        kind: 'survey',
        answers: Object.fromEntries(groups.map((g) => [g.key, sparse(g.counts.decided)])),
      };
      const o = applyRule(rule, leafInput, { leaf, decimals: 2 });
      leaves.push({
        unit,
        leaf: leaf.code,
        leafName: leaf.name,
        question: q.code,
        minSample: rule.minSample,
        groups,
        input: leafInput,
        preview: { status: o.status, fraction: o.fraction.toNumber(), value: o.value, reason: o.reason },
      });
    }
  }

  const byGroup = survey.groups.map((g) => ({
    group: g.key,
    all: answers.filter((a) => a.group === g.key).length,
    verified: answers.filter((a) => a.group === g.key && a.channel === 'invitation').length,
  }));
  return {
    summary: {
      answers: answers.length,
      verified: answers.filter((a) => a.channel === 'invitation').length,
      openLink: answers.filter((a) => a.channel === 'open_link').length,
      excluded: answers.filter((a) => excluded.has(a.id)).length,
      straightLined: answers.filter((a) => isStraightLined(a)).length,
      byGroup,
    },
    flags: shownFlags,
    leaves,
    questions,
  };
}
