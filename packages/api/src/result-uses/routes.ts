import { resourceApp } from '../http/route';

export const resultUseRoutes = resourceApp();
