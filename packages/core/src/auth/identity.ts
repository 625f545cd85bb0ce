import { z } from 'zod';
import { ROLES } from './roles';

/**
 * Who is calling, as established from a verified token. `tenant` is the 6-digit division code of
 * the tenant the identity belongs to; it is absent only for the platform operator.
 */
export const identitySchema = z
  .object({
    sub: z.string(),
    name: z.string(),
    tenant: z.string().optional(),
    roles: z.array(z.enum(ROLES)),
    /** The unit a unit-scoped role is tied to. */
    unit: z.string().optional(),
    /** Province code a provincial analyst works for. */
    province: z.string().optional(),
  })
  .meta({ id: 'Identity' });
export type Identity = z.infer<typeof identitySchema>;
