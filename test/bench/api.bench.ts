import { startStack } from '@jixiao/local';
import { measure, report } from './harness';

/**
 * The API's own cost per request: a list of units through the whole app (token check, tenant
 * plan check, validation, logging, JSON) against the same repository call made directly.
 */
export async function apiBench(): Promise<void> {
  const s = await startStack({ log: () => {} });
  try {
    const token = await s.issuer.signFor('230100', 'hrb-admin');
    const opts = { warmup: 50, iterations: 400 };
    const baseline = await measure(
      {
        name: 'repository: list 23 units (dynalite)',
        run: () => s.data.org.listUnits('230100', { limit: 50 }),
      },
      opts,
    );
    const api = await measure(
      {
        name: 'API: GET /v1/units?limit=50 (in-process)',
        run: async () => {
          const r = await s.fetch(
            new Request(`${s.url}/v1/units?limit=50`, { headers: { authorization: `Bearer ${token}` } }),
          );
          await r.arrayBuffer();
        },
      },
      opts,
    );
    const http = await measure(
      {
        name: 'API over HTTP: GET /v1/units?limit=50',
        run: async () => {
          const r = await fetch(`${s.url}/v1/units?limit=50`, {
            headers: { authorization: `Bearer ${token}` },
          });
          await r.arrayBuffer();
        },
      },
      opts,
    );
    report('API request overhead (embedded stack)', baseline, [api, http]);
  } finally {
    await s.stop();
  }
}
