import { mayCall, type Permission } from '@jixiao/api';
import { unitScope } from '@jixiao/core';
import type { Me } from './context';
import { useView } from './context';

/**
 * What the console offers a user (a nav item, a button, a form) is decided here, by the policy the
 * API enforces (`mayCall`): a route's permission from its contract. The API still decides every
 * call; this only keeps the console from offering what would be refused.
 */
type Route = { 'x-permission': Permission };

/** Whether the caller may call the route. */
export const may = (me: Me | undefined, route: Route): boolean => !!me && mayCall(me.identity, route);

/** Whether the caller sees the whole tenant (an office-wide role), not one unit only. */
export const officeWide = (me: Me | undefined): boolean =>
  !!me?.identity.tenant && unitScope(me.identity) === undefined;

/** `may` for the caller of the page being rendered. */
export const useMay = (): ((route: Route) => boolean) => {
  const { me } = useView();
  return (route) => may(me, route);
};
