import { z } from 'zod';

/** Pieces every record of cross-region comparison carries (not exported from the package). */
export const stamp = z.object({ by: z.string(), name: z.string().optional(), at: z.string() });
export const meta = { version: z.number().int().positive(), createdAt: z.string(), updatedAt: z.string() };
