import { z } from 'zod';
import { divisionCodeSchema } from '../../org/schemas';
import { stamp } from './parts';

// ─── Guidance documents (city → counties: 指导文件) ───────────────────────────────────────────────

export const guidanceCreateSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    /** 文号, e.g. 哈绩效办〔2026〕3号. */
    reference: z.string().trim().max(100).default(''),
    body: z.string().trim().min(1).max(20_000),
    /** Recipient counties (division codes under the city); empty = every subscribing county under it. */
    to: z.array(divisionCodeSchema).max(200).default([]),
  })
  .strict()
  .meta({ id: 'GuidanceCreate' });
export type GuidanceCreate = z.infer<typeof guidanceCreateSchema>;

export const guidanceSchema = guidanceCreateSchema
  .omit({ to: true })
  .extend({
    id: z.string(),
    from: divisionCodeSchema,
    fromName: z.string(),
    to: z.array(z.object({ tenant: divisionCodeSchema, name: z.string() })),
    sent: stamp,
  })
  .meta({ id: 'Guidance' });
export type Guidance = z.infer<typeof guidanceSchema>;
