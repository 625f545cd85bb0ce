import { resourceApp } from '../http/route';

export const appealRoutes = resourceApp();
