import { resourceApp } from '../http/route';

/** Skeleton: the publication routes (contract: ./contract.ts). */
export const publicationRoutes = resourceApp();
