import { resourceApp } from '../http/route';

export const planRoutes = resourceApp();
