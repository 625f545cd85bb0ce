import type { Identity } from '@jixiao/core';
import type { DataLayer } from '@jixiao/data';
import type { AppDeps, EvidenceDeps, Logger } from '../../deps';
import type { Caller } from '../../http/caller';

/** What the batch's function is given (AppDeps satisfies it: the function builds the same deps). */
export interface BatchDeps {
  data: DataLayer;
  now: () => Date;
  log: Logger;
  evidence?: EvidenceDeps;
}

/** Who the batch acts as within the tenant: the office's own authority, named as the batch. */
export const systemIdentity = (tenant: string): Identity => ({
  sub: 'system:evaluation',
  name: '年终评估批处理',
  tenant,
  roles: ['tenant_admin'],
});

const refuse = (what: string) => () => {
  throw new Error(`the evaluation batch does not ${what}`);
};

/**
 * The batch as a caller of the API's use cases (reading the cycle, locking its evidence): the same
 * rules as a request, under the tenant's system identity. It signs nobody in and mirrors no account.
 */
export function systemCaller(deps: BatchDeps, tenant: string): Caller {
  const app: AppDeps = {
    data: deps.data,
    now: deps.now,
    log: deps.log,
    ...(deps.evidence ? { evidence: deps.evidence } : {}),
    directory: { upsertUser: refuse('manage sign-in accounts'), userIdOf: refuse('manage sign-in accounts') },
    verifyToken: refuse('verify tokens'),
    oidc: { authorizeUrl: '', tokenUrl: '', clientId: '' },
  };
  return { deps: app, identity: systemIdentity(tenant) };
}
