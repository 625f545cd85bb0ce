import { resourceApp } from '../http/route';

/** Skeleton: the public's published results (contract: ./contract.ts, `publicResultContract`). */
export const publicResultRoutes = resourceApp();

/** Skeleton: the published reports' files (contract: ./contract.ts, `publicReportContract`). */
export const publicReportRoutes = resourceApp();
