import { CONTRACTS } from '@jixiao/api/contracts';
import { statusOf } from '../../../components/message-page';
import { type Ctx, redirectOk } from '../../../context';
import { type BodyOf, numberFrom, problemToFormErrors, readForm, str } from '../../../forms';
import { versionHref } from '../paths';
import { type VersionState, versionPage } from './view';
import { REDUCTIONS_FIELD, reductionErrorField, reductionField } from './weight-correction';

const PREFIX = reductionField('');

/**
 * `POST …/versions/:v/weight-corrections`: the office's choice for one sibling list — scale it, or
 * lower the weights it named (`r.<code>` fields; a field left empty or 0 lowers nothing). Back to
 * the version page with a flash, or the page again with the API's reasons at the inputs.
 */
export async function correctWeights(c: Ctx, id: string, v: number) {
  const route = CONTRACTS.systems.correctWeights;
  const form = await readForm(c);
  const path = str(form.path);
  const method = str(form.method);
  const values: Record<string, string> = {};
  for (const [k, x] of Object.entries(form))
    if (k.startsWith(PREFIX) && k.length > PREFIX.length) values[k.slice(PREFIX.length)] = str(x).trim();
  const reductions = Object.fromEntries(
    Object.entries(values)
      .map(([code, x]) => [code, numberFrom(x)] as const)
      .filter(([, x]) => x !== '' && x !== 0),
  );
  // Typed text that is not a number goes as typed: the API refuses it at its field.
  const body = {
    version: numberFrom(str(form.version)),
    correction: method === 'lower' ? { method, path, reductions } : { method, path },
  } as BodyOf<typeof route>;
  const r = await c.get('api').call(route, { params: { id, v }, body });
  if (r.ok) return redirectOk(c, versionHref(id, v), 'updated');
  c.status(statusOf(r.status));
  const fields = [REDUCTIONS_FIELD, ...Object.keys(values).map(reductionErrorField)];
  const state: VersionState = {
    weightCorrection: {
      path,
      method,
      values,
      errors: problemToFormErrors(r.problem, c.get('lang'), fields),
    },
  };
  return versionPage(c, id, v, state);
}
