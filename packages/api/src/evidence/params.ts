import { z } from '@hono/zod-openapi';
import { idPattern } from '@jixiao/core';
import { cycleParams, cycleUnitParams } from '../cycles/params';

/** Path parameters of the evidence routes. */
const uploadId = z.string().regex(idPattern('upload'));
const evidenceId = z.string().regex(idPattern('evidence'));
const n = z.coerce.number().int().positive().max(10_000);

export const unitUploadParams = cycleUnitParams.extend({ uploadId });
export const officeUploadParams = cycleParams.extend({ uploadId });
export const unitVersionParams = cycleUnitParams.extend({ evidenceId, n });
export const officeVersionParams = cycleParams.extend({ evidenceId, n });
export const unitListQuery = z.object({ leaf: z.string().max(32).optional() });
export const downloadQuery = z.object({
  disposition: z
    .enum(['inline', 'attachment'])
    .default('attachment')
    .openapi({ description: 'inline: shown in the browser (images, PDF); attachment: saved' }),
});
