import { type DemoCall, type DemoDriver, demoCaller, type Loose } from './demo-api';

/**
 * How the province demo calls the product: as users of many tenants (tokens signed per tenant), and
 * all tenants in lockstep, one day at a time (the demo clock is global, so every request made
 * together is made on the same day).
 */
export interface ProvinceDriver extends DemoDriver {
  /** A bearer token for a user of any demo tenant. */
  tokenFor: (tenant: string, user: string) => Promise<string>;
}

/** A caller acting in one tenant (its tokens signed for that tenant). */
export const tenantCaller = (d: ProvinceDriver, tenant: string): DemoCall =>
  demoCaller({ ...d, token: (user) => d.tokenFor(tenant, user) });

/** Sets the clock to `day`, then runs `step` for every item at once. */
export async function lockstep<T>(
  d: DemoDriver,
  day: string,
  items: readonly T[],
  step: (item: T) => Promise<void>,
): Promise<void> {
  d.at(day);
  await Promise.all(items.map(step));
}

/** Waits for a run of the year-end state machine (in the background) to finish, then returns it. */
export async function finishedRun(call: DemoCall, admin: string, cycle: string, run: string): Promise<Loose> {
  const until = Date.now() + 5 * 60_000;
  while (Date.now() < until) {
    const r = await call(admin, 'GET', `/v1/cycles/${cycle}/evaluation/runs/${run}`);
    if (r.status !== 'running') {
      if (r.status === 'failed')
        throw new Error(`demo: run ${r.number} of ${cycle} failed: ${JSON.stringify(r.failures)}`);
      return r;
    }
    await new Promise((res) => setTimeout(res, 200));
  }
  throw new Error(`demo: a run of ${cycle} did not finish in 5 minutes`);
}
