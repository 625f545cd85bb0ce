import { comparisonFileRoutes } from '../comparisons/file-routes';
import { cycleFileRoutes } from '../cycle-files/routes';
import { indicatorFileRoutes } from '../indicator-files/routes';
import { publicReportRoutes } from '../public-results/file-routes';
import { reportRoutes } from '../reports/routes';

/** File work (Excel, PDF and HTML reports, charts): heavy libraries and a font, so its own cloud function. */
export const FILE_RESOURCES = [
  indicatorFileRoutes,
  cycleFileRoutes,
  reportRoutes,
  publicReportRoutes,
  comparisonFileRoutes,
];
