/**
 * How the demo scripts call the product: through the real API (so every rule and the audit trail
 * apply), as a named Harbin demo user, with the product's clock moved to the day a step happened.
 */
type Fetch = (req: Request) => Promise<Response>;

export interface DemoDriver {
  fetch: Fetch;
  /** A bearer token for a Harbin demo user. */
  token: (user: string) => Promise<string>;
  /** Sets the product's clock (the day a step happens, Asia/Shanghai noon). */
  at: (day: string) => void;
}

// biome-ignore lint/suspicious/noExplicitAny: the demo scripts read the API's answers loosely; their shapes are the contracts'
export type Loose = any;

/** Calls the API as `user` (undefined: the public, no token); throws on any answer but 2xx. */
export type DemoCall = (
  user: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  /** Extra headers (e.g. a respondent's forwarded address). */
  headers?: Record<string, string>,
) => Promise<Loose>;

export const DEMO_TENANT = '230100';

export function demoCaller(d: DemoDriver): DemoCall {
  const tokens = new Map<string, string>();
  const tok = async (user: string) => {
    if (!tokens.has(user)) tokens.set(user, await d.token(user));
    return tokens.get(user)!;
  };
  return async (user, method, path, body, extra) => {
    const headers: Record<string, string> = { origin: 'http://demo', ...extra };
    if (user) headers.authorization = `Bearer ${await tok(user)}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await d.fetch(
      new Request(`http://demo${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    const json = (await res.json().catch(() => ({}))) as Loose;
    if (!res.ok)
      throw new Error(`demo: ${method} ${path} → ${res.status} ${JSON.stringify(json).slice(0, 400)}`);
    return json;
  };
}
