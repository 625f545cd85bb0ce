import { resourceApp } from '../http/route';

export const surveyRoutes = resourceApp();
