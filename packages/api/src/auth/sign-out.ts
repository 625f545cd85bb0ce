import { isAppError } from '@jixiao/core';
import type { AppDeps } from '../deps';
import { endSessions, sessionGuardOf } from './session-guard';
import { callerScope, scopedData } from './tenant-scope';

/**
 * Signing out, server-side: the console's sign-out hands over the session's token and every
 * session of its user ends (here, and at Cognito where it is the issuer). The token is checked as
 * the auth middleware checks it; one that no longer counts (forged, expired, already signed out)
 * ends nothing, so an old token cannot be replayed to sign its user out of newer sessions.
 *
 * There is deliberately no `/v1` route for it: the isolation suite allows the platform operator
 * no API route but `GET /v1/me` and a unit user no write but its own indicator system, and a route
 * that ended the caller's session would end the suite's own walk through every route.
 */
export async function signOutToken(deps: AppDeps, token: string): Promise<boolean> {
  const guard = sessionGuardOf(deps);
  let identity: Awaited<ReturnType<AppDeps['verifyToken']>>;
  try {
    identity = await deps.verifyToken(token);
    const { issuedAt, ...who } = identity;
    await guard.check(who, issuedAt, scopedData(deps, callerScope(who)));
  } catch (e) {
    // Refused (401): nothing to end. Anything else (the table busy) is the caller's failure to see.
    if (isAppError(e) && e.status === 401) return false;
    throw e;
  }
  const userId = deps.directory.userIdOf(identity);
  if (!userId) return false;
  await endSessions({ ...deps, data: scopedData(deps, callerScope(identity)) }, identity.tenant, userId);
  return true;
}
