import { CONTRACTS } from '@jixiao/api/contracts';
import { idPattern, type Leaf, leavesOf } from '@jixiao/core';
import { consoleProblem, problemPage, statusOf } from '../../components/message-page';
import { type Ctx, param, useView } from '../../context';
import { type FormErrors, type FormValues, noErrors, readForm } from '../../forms';
import { t } from '../../i18n';
import { MAPPINGS, STANDARDS } from '../comparisons/routes';
import { MAPPINGS_HREF, mappingHref } from '../sharing/paths';
import { mappingBody, mappingValues, rowIssues } from './body';
import { MappingForm } from './form';

type Props = Parameters<typeof MappingForm>[0];

function MappingPage(props: Props) {
  const { lang, url } = useView();
  return (
    <>
      <p>
        <a href={MAPPINGS_HREF}>{t(lang, 'mpBack')}</a>
      </p>
      <h1>
        {t(lang, 'mpTitle')} · {props.system.name}
      </h1>
      {url.searchParams.get('ok') === 'saved' ? (
        <p class="flash" role="status" id="mapping-flash">
          {t(lang, 'mpSaved')}
        </p>
      ) : null}
      <p class="hint">{t(lang, 'mpIntro')}</p>
      {props.library.length === 0 ? <p class="notice">{t(lang, 'mpNoLibrary')}</p> : null}
      <MappingForm {...props} />
    </>
  );
}

const SYSTEM = idPattern('indicatorSystem');

/** The page with the given values (the stored mapping's, or what was typed and why it was refused). */
async function show(c: Ctx, form?: { values: FormValues; errors: FormErrors; byRow: Map<number, string[]> }) {
  const id = param(c, 'system');
  if (!SYSTEM.test(id))
    return problemPage(
      c,
      consoleProblem(404, 'not_found', { zh: '指标体系不存在。', en: 'Indicator system not found.' }),
    );
  const api = c.get('api');
  const [system, mapping, library, units] = await Promise.all([
    api.call(CONTRACTS.systems.get, { params: { id } }),
    api.call(MAPPINGS.get, { params: { system: id } }),
    api.call(STANDARDS.list, {}),
    api.all(CONTRACTS.units.list, {}),
  ]);
  if (!system.ok) return problemPage(c, system.problem);
  if (!mapping.ok && mapping.status !== 404) return problemPage(c, mapping.problem);
  if (!library.ok) return problemPage(c, library.problem);
  const leaves: Leaf[] = leavesOf(system.data.dimensions);
  return c.render(
    <MappingPage
      system={system.data}
      leaves={leaves}
      library={library.data.items}
      units={units.ok ? units.data.items : []}
      values={form?.values ?? mappingValues(mapping.ok ? mapping.data : undefined, leaves)}
      errors={form?.errors ?? noErrors()}
      byRow={form?.byRow ?? new Map()}
      action={mappingHref(id)}
    />,
    { title: `${t(c.get('lang'), 'mpTitle')} · ${system.data.name}`, wide: true },
  );
}

/** `GET /console/sharing/mappings/:system`. */
export const mappingPage = (c: Ctx) => show(c);

/** `POST /console/sharing/mappings/:system`: saves the rows mapped, or shows every issue beside its row. */
export async function saveMapping(c: Ctx) {
  const id = param(c, 'system');
  if (!SYSTEM.test(id)) return show(c);
  const form = await readForm(c);
  const system = await c.get('api').call(CONTRACTS.systems.get, { params: { id } });
  if (!system.ok) return problemPage(c, system.problem);
  const { body, rows } = mappingBody(form, leavesOf(system.data.dimensions));
  const r = await c.get('api').call(MAPPINGS.put, { params: { system: id }, body });
  if (r.ok) return c.redirect(`${mappingHref(id)}?ok=saved`, 303);
  if (r.status === 403 || r.status === 404) return problemPage(c, r.problem);
  c.status(statusOf(r.status));
  const { errors, byRow } = rowIssues(r.problem, c.get('lang'), rows);
  return show(c, { values: form, errors, byRow });
}
