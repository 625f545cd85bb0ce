import type { Problem } from '@jixiao/core';
import type { Lang } from '../i18n';

/** A problem as a form shows it: the message on top, each issue under its field, the rest in a list. */
export interface FormErrors {
  /** The problem's overall message. */
  message?: string;
  code?: string;
  requestId?: string;
  /** Form field name → message(s). */
  fields: Record<string, string>;
  /** Issues that point at no field on the form. */
  other: string[];
}

export const noErrors = (): FormErrors => ({ fields: {}, other: [] });

/** A form-level message of the console's own (not from the API). */
export const formMessage = (message: string): FormErrors => ({ ...noErrors(), message });

/**
 * Field errors from a problem: an issue at `body.roles.1` lands on the field `roles`, one at
 * `body.evidence.description` on `evidence.description` when the form has that field (the longest
 * field name the path starts with); the rest go to the summary.
 */
export function problemToFormErrors(problem: Problem, lang: Lang, fieldNames: readonly string[]): FormErrors {
  const fe: FormErrors = {
    message: problem.message[lang],
    code: problem.code,
    requestId: problem.requestId || undefined,
    fields: {},
    other: [],
  };
  for (const issue of problem.errors ?? []) {
    const parts = issue.path.split('.');
    const rest = parts[0] === 'body' ? parts.slice(1) : parts;
    let name: string | undefined;
    for (let n = rest.length; n > 0 && !name; n--) {
      const candidate = rest.slice(0, n).join('.');
      if (fieldNames.includes(candidate)) name = candidate;
    }
    const text = issue[lang];
    if (name) fe.fields[name] = fe.fields[name] ? `${fe.fields[name]}；${text}` : text;
    else fe.other.push(text);
  }
  return fe;
}
