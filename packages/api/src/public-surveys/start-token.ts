import { createHash } from 'node:crypto';
import { errors } from '@jixiao/core';
import type { Caller } from '../http/caller';

/**
 * The start token: the questionnaire's GET hands one out, the answer sends it back, and the server
 * measures the time between (the page cannot claim it took longer). It is signed with the data
 * layer's cursor codec, bound to the tenant, the survey and the invitation, and expires.
 */

/** A questionnaire left open longer than this must be reopened (a token is not reusable forever). */
export const START_TTL_SECONDS = 48 * 3600;

const scopeOf = (tenant: string, surveyId: string, token: string | undefined) =>
  `T:${tenant}:survey-start:${surveyId}:${token ?? 'open'}`;

export function startToken(
  caller: Caller,
  tenant: string,
  surveyId: string,
  token: string | undefined,
): string {
  const at = caller.deps.now().getTime();
  return caller.deps.data.store.cursors.encode(scopeOf(tenant, surveyId, token), { at })!;
}

const restart = () =>
  errors.validation([
    {
      path: 'body.start',
      zh: '问卷页面已失效，请重新打开问卷链接后作答',
      en: 'The questionnaire page has expired; open the link again and answer',
    },
  ]);

/** Seconds since the start token was issued; 422 when it is forged, of another survey or expired. */
export function secondsSince(
  caller: Caller,
  tenant: string,
  surveyId: string,
  token: string | undefined,
  start: string,
): number {
  let decoded: Record<string, unknown> | undefined;
  try {
    decoded = caller.deps.data.store.cursors.decode(scopeOf(tenant, surveyId, token), start);
  } catch {
    throw restart();
  }
  const at = decoded?.at;
  if (typeof at !== 'number') throw restart();
  const seconds = (caller.deps.now().getTime() - at) / 1000;
  if (seconds < 0 || seconds > START_TTL_SECONDS) throw restart();
  return Math.round(seconds * 10) / 10;
}

/** A salted one-way hash (the survey's salt): stored instead of a device id or a network. */
export const saltedHash = (salt: string, kind: string, value: string) =>
  createHash('sha256').update(`${salt}\u0000${kind}\u0000${value}`).digest('hex').slice(0, 16);
