import { resourceApp } from '../http/route';

export const publicPlanRoutes = resourceApp();
