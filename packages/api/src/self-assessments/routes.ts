import { resourceApp } from '../http/route';

export const selfAssessmentRoutes = resourceApp();
