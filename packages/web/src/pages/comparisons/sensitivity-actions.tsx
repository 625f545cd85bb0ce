import type { Problem, SensitivityResult } from '@jixiao/core';
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
import { sensitivityChart } from './charts';
import { loadSelection, NothingShared } from './compare';
import type { Selection } from './paths';
import { COMPARISONS } from './routes';
import { SensitivityPage } from './sensitivity';

/** The form's first values: ±20%, 1,000 draws, seed 1 (the API's defaults). */
const DEFAULTS: FormValues = { band: '20', draws: '1000', seed: '1' };

/** The band as typed in percent (1–90), or undefined when it is not one. */
function bandOf(v: string): number | undefined {
  const n = numberFrom(v);
  return typeof n === 'number' && n >= 1 && n <= 90 ? n : undefined;
}

type Outcome =
  | { ok: true; result: SensitivityResult; chart: string }
  | { ok: false; status: number; errors: FormErrors; problem?: Problem };

/** The API's intervals for the values (the band checked first: the form takes it in percent). */
async function compute(c: Ctx, sel: Selection, values: FormValues, groupName: string): Promise<Outcome> {
  const lang = c.get('lang');
  const band = bandOf(str(values.band));
  if (band === undefined)
    return {
      ok: false,
      status: 422,
      errors: { ...noErrors(), message: t(lang, 'fixErrors'), fields: { band: t(lang, 'rsBandInvalid') } },
    };
  const r = await c.get('api').call(COMPARISONS.sensitivity, {
    body: {
      year: sel.year,
      group: sel.group,
      ...(sel.method ? { method: sel.method } : {}),
      band: band / 100,
      draws: numberFrom(str(values.draws)) as number,
      seed: numberFrom(str(values.seed)) as number,
    },
  });
  if (r.ok) return { ok: true, result: r.data, chart: await sensitivityChart(r.data, groupName) };
  const errors = problemToFormErrors(r.problem, lang, ['band', 'draws', 'seed']);
  return { ok: false, status: r.status, errors, problem: r.problem };
}

/** The page opens with the defaults' answer; the form asks again with other parameters. */
async function show(c: Ctx, form: FormValues | undefined) {
  const lang = c.get('lang');
  const loaded = await loadSelection(c);
  if ('problem' in loaded) return problemPage(c, loaded.problem!);
  const { sel } = loaded;
  if (!sel)
    return c.render(<NothingShared current="sensitivity" title={t(lang, 'rsTitle')} />, {
      title: t(lang, 'rsTitle'),
    });
  const values = form ?? DEFAULTS;
  // The chart's words are Chinese (as every chart's), whatever the page's language.
  const groupName = loaded.groups.find((g) => g.code === sel.group)?.name ?? t('zh', 'cmGroupAll');
  const out = await compute(c, sel, values, groupName);
  if (!out.ok) {
    if (out.problem && (out.status === 403 || out.status === 404)) return problemPage(c, out.problem);
    c.status(statusOf(out.status));
  }
  return c.render(
    <SensitivityPage
      years={loaded.years}
      groups={loaded.groups}
      sel={sel}
      result={out.ok ? out.result : undefined}
      chart={out.ok ? out.chart : undefined}
      values={values}
      errors={out.ok ? noErrors() : out.errors}
    />,
    { title: t(lang, 'rsTitle'), wide: true },
  );
}

/** `GET /console/comparisons/sensitivity?year&group&method`: the form, and the defaults' answer. */
export const sensitivityPage = (c: Ctx) => show(c, undefined);

/** `POST /console/comparisons/sensitivity?…`: the intervals of ranks. */
export const sensitivityPost = async (c: Ctx) => show(c, await readForm(c));
