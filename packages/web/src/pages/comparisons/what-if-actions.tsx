import type { ComparisonIndicator } from '@jixiao/core';
import { problemPage, statusOf } from '../../components/message-page';
import type { Ctx } from '../../context';
import {
  type FormErrors,
  type FormValues,
  noErrors,
  numberFrom,
  problemToFormErrors,
  readForm,
  str,
} from '../../forms';
import { t } from '../../i18n';
import { loadSelection, NothingShared } from './compare';
import type { Selection } from './paths';
import { COMPARISONS } from './routes';
import { WhatIfPage, weightField } from './what-if';

/** The weights typed (empty: the group's own), numbers as typed for the API to check. */
function weightsOf(form: FormValues, indicators: readonly ComparisonIndicator[]) {
  const weights: Record<string, number> = {};
  for (const i of indicators) {
    const v = str(form[weightField(i.code)]).trim();
    // Text that is not a number is sent as typed: the API's problem names it at its field.
    if (v !== '') weights[i.code] = numberFrom(v) as number;
  }
  return weights;
}

async function show(c: Ctx, form: FormValues | undefined) {
  const lang = c.get('lang');
  const loaded = await loadSelection(c);
  if ('problem' in loaded) return problemPage(c, loaded.problem!);
  const sel: Selection | undefined = loaded.sel;
  if (!sel)
    return c.render(<NothingShared current="whatIf" title={t(lang, 'wiTitle')} />, {
      title: t(lang, 'wiTitle'),
    });
  const api = c.get('api');
  const cmp = await api.call(COMPARISONS.get, {
    query: { year: sel.year, group: sel.group, method: sel.method },
  });
  if (!cmp.ok) return problemPage(c, cmp.problem);
  const values = form ?? {};
  const body = {
    year: sel.year,
    group: sel.group,
    ...(sel.method ? { method: sel.method } : {}),
    weights: weightsOf(values, cmp.data.indicators),
  };
  const r = await api.call(COMPARISONS.whatIf, { body });
  let errors: FormErrors = noErrors();
  if (!r.ok) {
    if (r.status === 403 || r.status === 404) return problemPage(c, r.problem);
    c.status(statusOf(r.status));
    errors = problemToFormErrors(
      r.problem,
      lang,
      cmp.data.indicators.map((i) => weightField(i.code)),
    );
  }
  return c.render(
    <WhatIfPage
      years={loaded.years}
      groups={loaded.groups}
      sel={sel}
      cmp={cmp.data}
      result={r.ok ? r.data : undefined}
      values={values}
      errors={errors}
    />,
    { title: t(lang, 'wiTitle'), wide: true },
  );
}

/** `GET /console/comparisons/what-if?year&group&method`: the group's weights, and its ranks. */
export const whatIfPage = (c: Ctx) => show(c, undefined);

/** `POST /console/comparisons/what-if?…`: the ranks with the weights typed. */
export const whatIfPost = async (c: Ctx) => show(c, await readForm(c));
