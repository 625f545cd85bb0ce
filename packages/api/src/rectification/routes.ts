import { resourceApp } from '../http/route';

export const rectificationRoutes = resourceApp();
