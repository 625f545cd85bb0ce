import { isDeepStrictEqual } from 'node:util';
import type { RouteConfig } from '@hono/zod-openapi';
import { ALL_ROUTES } from '@jixiao/api/contracts';
import { problemSchema } from '@jixiao/core';
import type { z } from 'zod';

/**
 * Checks an API response against the route's contract: the body of a 2xx JSON answer must parse
 * with the response schema the OpenAPI document shows, and parse to itself, so a field the
 * schema does not declare (which zod would silently strip) is caught too.
 */
const matchers = ALL_ROUTES.map((route) => ({
  route,
  key: `${route.method.toUpperCase()} ${route.path}`,
  pattern: new RegExp(`^${route.path.replace(/\{[A-Za-z]+\}/g, '[^/]+')}$`),
}));

export function contractOf(method: string, path: string): { route: RouteConfig; key: string } | undefined {
  return matchers.find((m) => m.route.method.toUpperCase() === method.toUpperCase() && m.pattern.test(path));
}

type Responses = Record<string, { content?: Record<string, { schema?: z.ZodType }> }>;

/** A problem with the response, in words, or undefined when it matches its contract. */
export function responseMismatch(
  method: string,
  path: string,
  status: number,
  body: unknown,
): string | undefined {
  const found = contractOf(method, path);
  if (!found) return `${method} ${path}: no contract for this route`;
  const declared = (found.route.responses as Responses)[String(status)];
  if (!declared) return `${found.key}: status ${status} is not declared`;
  const schema = declared.content?.['application/json']?.schema;
  if (!schema) return undefined; // not a JSON answer (204, a workbook)
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    return `${found.key} ${status}: ${parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ')}`;
  }
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(parsed.data)), body)) {
    return `${found.key} ${status}: the body has fields its schema does not declare (or differs after parsing)`;
  }
  return undefined;
}

/** A problem with an error answer, or undefined when it is exactly the one problem document. */
export function problemMismatch(body: unknown): string | undefined {
  const parsed = problemSchema.safeParse(body);
  if (!parsed.success) return `not a problem document: ${JSON.stringify(body).slice(0, 200)}`;
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(parsed.data)), body)) {
    return `the problem has fields its schema does not declare: ${JSON.stringify(body).slice(0, 200)}`;
  }
  return undefined;
}
