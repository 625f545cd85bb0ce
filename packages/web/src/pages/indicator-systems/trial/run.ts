import { CONTRACTS } from '@jixiao/api/contracts';
import { statusOf } from '../../../components/message-page';
import type { Ctx } from '../../../context';
import { type BodyOf, formMessage, problemToFormErrors, readForm, str } from '../../../forms';
import { t } from '../../../i18n';
import { versionPage } from '../version/view';

/**
 * `POST …/versions/:v/trial`: scores the typed inputs with this version (nothing is stored) and
 * shows the version page with the result, or with why the inputs were refused.
 */
export async function runTrial(c: Ctx, id: string, v: number) {
  const lang = c.get('lang');
  const form = await readForm(c);
  const inputs = str(form.inputs);
  let parsed: unknown;
  try {
    parsed = JSON.parse(inputs);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    c.status(422);
    return versionPage(c, id, v, {
      trial: { inputs, errors: formMessage(t(lang, 'trialBadJson', { detail })) },
    });
  }
  const units = Array.isArray(parsed) ? parsed : (parsed as { units?: unknown })?.units;
  const r = await c.get('api').call(CONTRACTS.systems.trial, {
    params: { id, v },
    // The API validates what the user typed; its issues come back on the panel.
    body: { units } as BodyOf<typeof CONTRACTS.systems.trial>,
  });
  if (r.ok) return versionPage(c, id, v, { trial: { inputs, result: r.data } });
  c.status(statusOf(r.status));
  return versionPage(c, id, v, { trial: { inputs, errors: problemToFormErrors(r.problem, lang, []) } });
}
