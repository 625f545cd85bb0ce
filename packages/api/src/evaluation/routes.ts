import { resourceApp } from '../http/route';

/** The year-end evaluation's routes (contract: ./contract). */
export const evaluationRoutes = resourceApp();
