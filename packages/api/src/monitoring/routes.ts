import { resourceApp } from '../http/route';

export const monitoringRoutes = resourceApp();
