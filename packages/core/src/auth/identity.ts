import { z } from 'zod';
import { ROLES } from './roles';

/**
 * Who is calling, as established from a verified token. `tenant` is the 6-digit division code of
 * the tenant the identity belongs to; it is absent only for the platform operator.
 */
export const identitySchema = z
  .object({
    sub: z.string(),
    /**
     * The account name the issuer knows the caller by, when its tokens carry one apart from `sub`
     * (Cognito: `username`, the name the identity directory created the account with). Which of
     * the two names the user record is for the directory to say (`IdentityDirectory.userIdOf`).
     */
    username: z.string().optional(),
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
