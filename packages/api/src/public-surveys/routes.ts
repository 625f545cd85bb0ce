import { resourceApp } from '../http/route';

export const publicSurveyRoutes = resourceApp();
