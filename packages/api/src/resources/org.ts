import { divisionRoutes } from '../divisions/routes';
import { identityRoutes } from '../identity/routes';
import { platformTenantRoutes } from '../platform-tenants/routes';
import { provinceRoutes } from '../province/routes';
import { unitGroupRoutes } from '../unit-groups/routes';
import { unitRoutes } from '../units/routes';
import { userRoutes } from '../users/routes';

/**
 * Who and where: identity, tenants, divisions, unit groups, units, users. The lightest resources,
 * served by the JSON API function, which also answers every `/v1` path no other function claims.
 */
export const ORG_RESOURCES = [
  identityRoutes,
  provinceRoutes,
  divisionRoutes,
  platformTenantRoutes,
  unitGroupRoutes,
  unitRoutes,
  userRoutes,
];
