import { resourceApp } from '../http/route';

export const cycleFileRoutes = resourceApp();
