import { resourceApp } from '../http/route';

export const valueRoutes = resourceApp();
