import { resourceApp } from '../http/route';

export const evidenceRoutes = resourceApp();
