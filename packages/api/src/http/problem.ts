import { AppError, errors, isAppError, type Problem, zodIssuesToFields } from '@jixiao/core';
import { awsErrorToAppError } from '@jixiao/data';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import type { AppEnv } from '../deps';

/**
 * application/problem+json (RFC 9457) for every error the API returns. `title` follows the
 * caller's Accept-Language (Chinese unless English is preferred); `message` carries both.
 */
export function problemBody(e: AppError, c: Context<AppEnv>): Problem {
  const en = prefersEnglish(c.req.header('accept-language'));
  return {
    type: `urn:jixiao:problem:${e.code}`,
    title: en ? e.en : e.zh,
    status: e.status,
    code: e.code,
    message: { zh: e.zh, en: e.en },
    ...(e.fields.length ? { errors: e.fields } : {}),
    ...(Object.keys(e.detail).length ? { detail: e.detail } : {}),
    instance: c.req.path,
    requestId: c.get('requestId'),
  };
}

export function problemResponse(e: AppError, c: Context<AppEnv>): Response {
  const headers: Record<string, string> = { 'content-type': 'application/problem+json; charset=utf-8' };
  if (e.retryAfterSeconds !== undefined) headers['retry-after'] = String(e.retryAfterSeconds);
  if (e.status === 401) headers['www-authenticate'] = 'Bearer realm="jixiao"';
  return new Response(JSON.stringify(problemBody(e, c)), { status: e.status, headers });
}

export const prefersEnglish = (acceptLanguage: string | undefined) =>
  !!acceptLanguage && /^\s*en\b/i.test(acceptLanguage);

/** Maps anything thrown to an AppError; unknown failures become a logged 500 without details. */
export function toAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  const aws = awsErrorToAppError(err);
  if (aws) return aws;
  if (err instanceof HTTPException) {
    if (err.status === 413) return errors.payloadTooLarge(0);
    if (err.status === 400) return errors.malformedJson();
    return new AppError({
      status: err.status,
      code: 'http_error',
      zh: '请求无法处理。',
      en: err.message || 'Bad request.',
    });
  }
  return errors.internal();
}

/** The hook zod-openapi calls when a request fails its schema. */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; target: string },
): void {
  if (!result.success) {
    const prefix = result.target === 'json' ? 'body' : result.target;
    throw errors.validation(zodIssuesToFields(result.error.issues, prefix));
  }
}
