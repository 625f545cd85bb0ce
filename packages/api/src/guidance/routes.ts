import { callerOf } from '../http/caller';
import { idempotent } from '../http/idempotency';
import { resourceApp } from '../http/route';
import { guidanceContract as r } from './contract';
import { guidanceInbox, guidanceReceived, guidanceSent, sendGuidance } from './use-cases';

/** Guidance documents (contract: ./contract.ts); the rules live in the use cases. */
export const guidanceRoutes = resourceApp()
  .openapi(r.send, async (c) => {
    const input = c.req.valid('json');
    const sent = await idempotent(c, 'guidance', input, () =>
      sendGuidance(callerOf(c), input, c.req.header('idempotency-key')),
    );
    return c.json(sent, 201);
  })
  .openapi(r.sent, async (c) => c.json(await guidanceSent(callerOf(c), c.req.valid('query')), 200))
  .openapi(r.inbox, async (c) => c.json(await guidanceInbox(callerOf(c), c.req.valid('query')), 200))
  .openapi(r.received, async (c) =>
    c.json(await guidanceReceived(callerOf(c), c.req.valid('param').id), 200),
  );
