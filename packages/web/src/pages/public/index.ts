import { Hono } from 'hono';
import type { ApiFetch } from '../../client/api-client';
import type { ConsoleEnv } from '../../context';

/**
 * Pages for the public (no sign-in): the consultation on a draft plan, published plans, opinions.
 * They call only the API's public routes (`/v1/public/…`), with no token.
 */
export const publicPages = (_api: ApiFetch) => new Hono<ConsoleEnv>();
