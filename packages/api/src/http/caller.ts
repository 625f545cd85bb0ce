import type { Identity } from '@jixiao/core';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../deps';

/**
 * What a use case is given: the app's dependencies and who is calling (already authenticated and
 * permitted for the route's action). Use cases hold the rules; they never see HTTP.
 */
export interface Caller {
  deps: AppDeps;
  identity: Identity;
}

export const callerOf = (c: Context<AppEnv>): Caller => ({
  deps: c.get('deps'),
  identity: c.get('identity'),
});
