import { cycleFileRoutes } from '../cycle-files/routes';
import { indicatorFileRoutes } from '../indicator-files/routes';

/** File work (Excel now, reports later): heavy libraries, so its own cloud function. */
export const FILE_RESOURCES = [indicatorFileRoutes, cycleFileRoutes];
