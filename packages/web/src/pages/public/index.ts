import { Hono, type MiddlewareHandler } from 'hono';
import { ApiClient, type ApiFetch } from '../../client/api-client';
import type { ConsoleEnv } from '../../context';
import { portalPages } from '../portal';
import { publicSurveyPages } from '../public-surveys';
import { consultationPage } from './consultation';
import { publicPlanPages } from './plans';

/** The public's client: no token (the API's public routes need none and see no tenant's records). */
const anonymousApi =
  (api: ApiFetch): MiddlewareHandler<ConsoleEnv> =>
  async (c, next) => {
    c.set('api', new ApiClient(api, '', c.get('lang')));
    await next();
  };

/**
 * Pages for the public (no sign-in): the consultation on a draft plan (art. 11), published plans
 * and the opinion form (art. 12), surveys, and the portal of published results (home, cycle,
 * unit). They call only the API's public routes (`/v1/public/…`); the layout renders without a
 * caller (no navigation, no sign-out).
 */
export const publicPages = (api: ApiFetch) =>
  new Hono<ConsoleEnv>()
    .use('*', anonymousApi(api))
    .get('/:tenant/consultations/:cid', consultationPage.get)
    .post('/:tenant/consultations/:cid', consultationPage.post)
    .get('/:tenant/plans', publicPlanPages.list)
    .get('/:tenant/plans/:cycleId/:unit', publicPlanPages.get)
    .post('/:tenant/plans/:cycleId/:unit', publicPlanPages.post)
    .route('/', publicSurveyPages)
    .route('/', portalPages);
