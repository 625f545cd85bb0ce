import type { MiddlewareHandler } from 'hono';
import { messagePage } from '../components/message-page';
import type { ConsoleEnv } from '../context';
import { t } from '../i18n';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const hostOf = (u: string | undefined): string | undefined => {
  if (!u || u === 'null') return undefined;
  try {
    return new URL(u).host.toLowerCase();
  } catch {
    return undefined;
  }
};

/**
 * Forms carry no token, so a state-changing request must come from one of our own pages: its
 * Origin (or, failing that, its Referer) must name the host the request was sent to.
 */
export const sameOrigin: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  if (!UNSAFE.has(c.req.method)) return next();
  const from = hostOf(c.req.header('origin')) ?? hostOf(c.req.header('referer'));
  const own = new Set(
    [new URL(c.req.url).host, c.req.header('host'), c.req.header('x-forwarded-host')?.split(',')[0]?.trim()]
      .filter((h): h is string => !!h)
      .map((h) => h.toLowerCase()),
  );
  if (from && own.has(from)) return next();
  const lang = c.get('lang');
  return messagePage(c, 403, { title: t(lang, 'forbiddenTitle'), body: t(lang, 'csrfBody') });
};
