import { resourceApp } from '../http/route';

export const auditRoutes = resourceApp();
