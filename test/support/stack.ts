import type { IdentityDirectory } from '@jixiao/data';
import { type Stack, startStack } from '@jixiao/local';
import { contractOf, problemMismatch, responseMismatch } from './contract-check';

/** API routes (`METHOD /v1/path/{param}`) that answered 2xx in this test file, checked against their contracts. */
export const coveredRoutes = new Set<string>();

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
  ): Promise<{ status: number; body: any; headers: Headers; text: string; bytes: Uint8Array }>;
  logs: Record<string, unknown>[];
}

export async function startTestStack(
  opts: {
    maxBodyBytes?: number;
    directory?: IdentityDirectory;
    demoYear?: boolean;
    demoResults?: boolean;
    demoProvince?: boolean;
    now?: () => Date;
  } = {},
): Promise<TestStack> {
  const logs: Record<string, unknown>[] = [];
  // The demo year (the 2025 cycle replayed through the API) takes seconds: only for suites that use it.
  const stack = await startStack({ log: (e) => logs.push(e), ...opts, demoYear: opts.demoYear ?? false });
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
      const bytes = new Uint8Array(await res.arrayBuffer());
      const text = new TextDecoder().decode(bytes);
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {}
      // Every successful API answer in the integration tier is checked against its OpenAPI contract.
      const { pathname } = new URL(`${stack.url}${path}`);
      if (res.ok && pathname.startsWith('/v1/')) {
        const mismatch = responseMismatch(method, pathname, res.status, parsed);
        if (mismatch) throw new Error(`response does not match its contract: ${mismatch}`);
        const found = contractOf(method, pathname);
        if (found) coveredRoutes.add(found.key);
      }
      // Every API error is the one problem document.
      if (res.status >= 400 && pathname.startsWith('/v1/')) {
        const mismatch = problemMismatch(parsed);
        if (mismatch) throw new Error(`error answer: ${mismatch}`);
      }
      return { status: res.status, body: parsed as any, headers: res.headers, text, bytes };
    },
  });
}
