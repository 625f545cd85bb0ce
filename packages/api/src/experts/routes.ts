import { resourceApp } from '../http/route';

export const expertRoutes = resourceApp();
