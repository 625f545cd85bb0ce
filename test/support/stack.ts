import type { IdentityDirectory } from '@jixiao/data';
import { type Stack, startStack } from '@jixiao/local';

/**
 * A throwaway embedded stack (in-memory dynalite, temp s3rver, random ports) with demo data,
 * plus small helpers to call the API as a given demo user.
 */
export interface TestStack extends Stack {
  token(tenant: string | undefined, user: string): Promise<string>;
  call(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: BodyInit },
  ): Promise<{ status: number; body: any; headers: Headers; text: string }>;
  logs: Record<string, unknown>[];
}

export async function startTestStack(
  opts: { maxBodyBytes?: number; directory?: IdentityDirectory } = {},
): Promise<TestStack> {
  const logs: Record<string, unknown>[] = [];
  const stack = await startStack({ log: (e) => logs.push(e), ...opts });
  const tokens = new Map<string, string>();
  return Object.assign(stack, {
    logs,
    async token(tenant: string | undefined, user: string) {
      const k = `${tenant}/${user}`;
      if (!tokens.has(k)) tokens.set(k, await stack.issuer.signFor(tenant, user));
      return tokens.get(k)!;
    },
    async call(
      method: string,
      path: string,
      o: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: BodyInit } = {},
    ) {
      const headers: Record<string, string> = { ...o.headers };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      let body: BodyInit | undefined = o.raw;
      if (o.body !== undefined) {
        body = JSON.stringify(o.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await stack.fetch(new Request(`${stack.url}${path}`, { method, headers, body }));
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {}
      return { status: res.status, body: parsed as any, headers: res.headers, text };
    },
  });
}
