import type { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { Logger } from '../deps';

/**
 * Keys whose values never reach a log line, whoever passes them: credentials, cookies and bodies
 * (the app's own lines carry none; this is the net under a future mistake).
 */
export const REDACTED =
  /^(authorization|cookie|set-cookie|token|access_?token|id_?token|refresh_?token|password|secret|body)$/i;

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];
const levelOf = (v: unknown): Level => (LEVELS.includes(v as Level) ? (v as Level) : 'info');

const redact = (entry: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, REDACTED.test(k) ? '[redacted]' : v]));

/**
 * The app's `Logger` (one structured entry: `level`, `msg`, fields) written by a Powertools Logger,
 * which adds the invocation's context (cold start, function name and request id, sampling, the keys
 * the handler appended). `level` picks the method (so POWERTOOLS_LOG_LEVEL filters it), `msg`
 * becomes `message`, every other field is kept as it is.
 */
export function powertoolsLog(logger: PowertoolsLogger): Logger {
  return ({ level, msg, ...fields }) => {
    logger[levelOf(level)](typeof msg === 'string' ? msg : 'log', redact(fields));
  };
}
