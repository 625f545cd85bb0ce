/**
 * The one error type of the product. Every failure a user can see is an AppError: a stable
 * machine `code`, an HTTP status, a message in Chinese and in English, and optional field paths.
 * The API turns it into application/problem+json (RFC 9457); the console shows `zh` or `en`.
 */
import type { z } from 'zod';
import type { fieldIssueSchema } from './problem';

/** JSON path of the offending value (e.g. `units.3.code` or `body.name`) and what is wrong with it. */
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export interface AppErrorInit {
  status: number;
  code: string;
  zh: string;
  en: string;
  fields?: FieldIssue[];
  /** Extra machine-readable facts (e.g. the current version on a conflict). */
  detail?: Record<string, unknown>;
  retryAfterSeconds?: number;
}

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly fields: FieldIssue[];
  readonly detail: Record<string, unknown>;
  readonly retryAfterSeconds: number | undefined;

  constructor(init: AppErrorInit) {
    super(`${init.code}: ${init.en}`);
    this.name = 'AppError';
    this.status = init.status;
    this.code = init.code;
    this.zh = init.zh;
    this.en = init.en;
    this.fields = init.fields ?? [];
    this.detail = init.detail ?? {};
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
