import { z } from 'zod';
import { daySchema } from '../cycles/model';
import { AppError, type FieldIssue } from '../errors/app-error';
import { codeSchema } from '../org/schemas';
import { RESULT_USE_KIND_LABELS } from '../vocabulary/evaluation-labels';
import { outcomeCycleRefSchema, outcomeStampSchema, outcomeUnitRefSchema } from './appeals';

/**
 * Use of results (结果运用): how the office records that results were used, per unit, audited.
 * Labels: ../vocabulary/evaluation-labels.ts.
 */
export const RESULT_USE_KINDS = [
  'reward',
  'accountability',
  'budget',
  'cadre',
  'provider_favour',
  'provider_exclude',
  'other',
] as const;
export type ResultUseKind = (typeof RESULT_USE_KINDS)[number];

/** Uses that carry an amount of money (万元): a reward, or a link to the budget. */
export const MONEY_USES: readonly ResultUseKind[] = ['reward', 'budget'];
/** The largest amount recorded (万元): 1 000 亿元. */
export const MAX_USE_AMOUNT = 10_000_000;

const bi = (zh: string, en: string) => `${zh} / ${en}`;
const required = (max: number, zh: string, en: string) =>
  z
    .string()
    .trim()
    .min(1, { message: bi(`须填写${zh}`, `give ${en}`) })
    .max(max);

/** Whether a number has at most two decimals (万元 to the hundred 元). */
const cents = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;

const amountSchema = z
  .number()
  .finite()
  .min(0, { message: bi('金额不能为负', 'the amount cannot be negative') })
  .max(MAX_USE_AMOUNT, {
    message: bi(`金额不能超过 ${MAX_USE_AMOUNT} 万元`, `at most ${MAX_USE_AMOUNT} (10k yuan)`),
  })
  .refine(cents, { message: bi('金额最多保留两位小数', 'at most two decimals') });

const fields = {
  kind: z.enum(RESULT_USE_KINDS),
  /** What was decided (e.g. 通报表扬并奖励, 约谈主要负责人, 下年度预算核减 5%). */
  description: required(2000, '运用情况', 'a description'),
  /** 万元; only for a reward or a budget link. */
  amount: amountSchema.optional(),
  /** The decision document's number (文号), e.g. 哈政办发〔2026〕3号. */
  document: required(100, '文号', 'the decision document (its number)'),
  /** The day it was decided (Asia/Shanghai). */
  day: daySchema,
};

export const resultUseCreateSchema = z
  .object(fields)
  .strict()
  .superRefine((u, ctx) => {
    for (const i of resultUseIssues(u))
      ctx.addIssue({ code: 'custom', path: [i.path], message: bi(i.zh, i.en) });
  })
  .meta({ id: 'ResultUseCreate' });
export type ResultUseCreate = z.infer<typeof resultUseCreateSchema>;

export const resultUsePatchSchema = z
  .object({
    version: z.number().int().positive(),
    kind: fields.kind.optional(),
    description: fields.description.optional(),
    amount: amountSchema.nullable().optional(),
    document: fields.document.optional(),
    day: daySchema.optional(),
  })
  .strict()
  .meta({ id: 'ResultUsePatch' });
export type ResultUsePatch = z.infer<typeof resultUsePatchSchema>;

export const resultUseRevokeSchema = z
  .object({
    version: z.number().int().positive(),
    reason: required(1000, '撤销理由', 'the reason'),
  })
  .strict()
  .meta({ id: 'ResultUseRevoke' });
export type ResultUseRevoke = z.infer<typeof resultUseRevokeSchema>;

export const resultUseSchema = z
  .object({
    id: z.string(),
    cycle: z.string(),
    unit: codeSchema,
    kind: z.enum(RESULT_USE_KINDS),
    description: z.string(),
    amount: z.number().optional(),
    document: z.string(),
    day: z.string(),
    /** The released run the use was recorded against (its number). */
    run: z.object({ id: z.string(), number: z.number().int() }),
    recorded: outcomeStampSchema,
    /** Set when revoked: kept, marked revoked, with the reason. */
    revoked: outcomeStampSchema.extend({ reason: z.string() }).optional(),
    version: z.number().int().positive(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ResultUse' });
export type ResultUse = z.infer<typeof resultUseSchema>;

export const resultUseViewSchema = resultUseSchema
  .extend({
    unitName: z.string(),
    allowed: z.object({ edit: z.boolean(), revoke: z.boolean() }),
  })
  .meta({ id: 'ResultUseView' });
export type ResultUseView = z.infer<typeof resultUseViewSchema>;

export const resultUseListSchema = z
  .object({
    cycle: outcomeCycleRefSchema,
    items: z.array(resultUseViewSchema),
    nextCursor: z.string().optional(),
    /** Over every use in the caller's scope (all pages): how many, how many in force, Σ 万元 in force. */
    totals: z.object({
      count: z.number().int(),
      active: z.number().int(),
      amount: z.number(),
      byKind: z.record(z.string(), z.number().int()),
    }),
    units: z.array(outcomeUnitRefSchema),
    allowed: z.object({ create: z.boolean() }),
    /** Why nothing can be recorded now (no released results), in words; null when it can. */
    blocked: z.object({ zh: z.string(), en: z.string() }).nullable(),
  })
  .meta({ id: 'ResultUseList' });
export type ResultUseList = z.infer<typeof resultUseListSchema>;

// ─── Rules ────────────────────────────────────────────────────────────────────────────────────

/** What is wrong with a use as a whole (an amount on a kind that carries none). */
export function resultUseIssues(u: {
  kind: ResultUseKind;
  amount?: number | null | undefined;
}): FieldIssue[] {
  if (u.amount === undefined || u.amount === null || MONEY_USES.includes(u.kind)) return [];
  const k = RESULT_USE_KIND_LABELS[u.kind];
  return [
    {
      path: 'amount',
      zh: `「${k.zh}」不填写金额；金额只用于奖励或预算安排挂钩`,
      en: `A use of kind "${k.en}" has no amount; amounts are for rewards and budget links`,
    },
  ];
}

/** 409 `invalid_transition`: a revoked use is kept as it was; nothing changes it. */
export const resultUseRevoked = () =>
  new AppError({
    status: 409,
    code: 'invalid_transition',
    zh: '该结果运用记录已撤销，不能再修改或撤销。',
    en: 'This use of results was revoked; it cannot be changed or revoked again.',
  });

/** Σ of amounts (万元) exactly to the hundredth, over the uses in force. */
export function amountInForce(uses: readonly Pick<ResultUse, 'amount' | 'revoked'>[]): number {
  const hundredths = uses
    .filter((u) => !u.revoked && u.amount !== undefined)
    .reduce((n, u) => n + Math.round((u.amount ?? 0) * 100), 0);
  return hundredths / 100;
}
