import { financeRoutes } from '../finance/routes';
import { indicatorSystemRoutes } from '../indicator-systems/routes';
import { templateRoutes } from '../indicator-templates/routes';

/**
 * Indicator systems, their templates and the finance calculators: JSON, but they carry the scoring
 * engine, decimal arithmetic and the eight templates (about 180 KiB minified), so in the cloud
 * they are their own function and the org resources stay small.
 */
export const INDICATOR_RESOURCES = [templateRoutes, indicatorSystemRoutes, financeRoutes];
