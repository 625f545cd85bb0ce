import { z } from 'zod';
import { codeSchema } from '../org/schemas';

/**
 * The office's choice of weight correction (see ./weight-correction), on its own so that the API
 * contract can name it without pulling the arithmetic (decimal.js) into the functions that only
 * describe it.
 */
const siblingPath = z
  .string()
  .regex(
    /^dimensions(\.\d{1,3}\.children){0,2}$/,
    '须为同级指标列表的路径，如 dimensions 或 dimensions.0.children / a sibling list path',
  );
const reduction = z.number().finite().gt(0).max(10000);

export const weightCorrectionSchema = z
  .discriminatedUnion('method', [
    z.object({ method: z.literal('scale'), path: siblingPath.default('dimensions') }).strict(),
    z
      .object({
        method: z.literal('lower'),
        path: siblingPath.default('dimensions'),
        /** Node code → points to take off its weight. */
        reductions: z.record(codeSchema, reduction).refine((r) => Object.keys(r).length > 0, {
          message: '至少指定一项需要降低的权重 / name at least one weight to lower',
        }),
      })
      .strict(),
  ])
  .meta({ id: 'WeightCorrection' });
export type WeightCorrection = z.infer<typeof weightCorrectionSchema>;
