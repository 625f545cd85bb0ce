import { z } from '@hono/zod-openapi';
import { codeSchema, idPattern } from '@jixiao/core';

/** Path parameters shared by the cycle's resources. */
export const cycleParams = z.object({ cycleId: z.string().regex(idPattern('cycle')) });
export const cycleUnitParams = cycleParams.extend({ unit: codeSchema });
