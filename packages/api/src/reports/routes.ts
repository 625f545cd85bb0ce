import { resourceApp } from '../http/route';

/** Skeleton: the report routes (contract: ./contract.ts). */
export const reportRoutes = resourceApp();
