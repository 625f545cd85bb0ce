import { resourceApp } from '../http/route';

export const cycleRoutes = resourceApp();
