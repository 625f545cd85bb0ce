import { z } from 'zod';

/** One field-level problem: where (a JSON path such as `body.uscc`) and what, in both languages. */
export const fieldIssueSchema = z.object({
  path: z.string().meta({ description: 'JSON path of the offending value, e.g. `body.uscc`' }),
  zh: z.string(),
  en: z.string(),
  /** Which check found it, where a checker names its checks (an indicator system's `weight_sum`, …). */
  check: z.string().optional(),
});

/**
 * The problem document (RFC 9457) every error of the API is, defined once: the API writes it,
 * OpenAPI documents it, and the console reads it.
 */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string().meta({ description: 'In the language of Accept-Language (Chinese by default)' }),
    status: z.number().int(),
    code: z.string().meta({ description: 'Stable machine-readable error code' }),
    message: z.object({ zh: z.string(), en: z.string() }),
    errors: z.array(fieldIssueSchema).optional(),
    detail: z.record(z.string(), z.unknown()).optional(),
    instance: z.string(),
    requestId: z.string(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;
