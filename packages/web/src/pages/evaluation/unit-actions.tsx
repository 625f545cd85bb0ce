import { CONTRACTS } from '@jixiao/api/contracts';
import { mapLimit } from '@jixiao/core';
import { problemPage, statusOf } from '../../components/message-page';
import { type Ctx, redirectOk } from '../../context';
import { type FormErrors, type FormValues, noErrors, readForm } from '../../forms';
import { t } from '../../i18n';
import { loadCycle } from '../cycles/office/paths';
import { DeterminationPage } from './determination';
import {
  determinationBody,
  determinationErrors,
  determinationFields,
  determinationValues,
} from './determination-form';
import { type DeterminationRow, DeterminationsPage } from './determinations';
import { groupNames, rulesFor } from './load';
import { determinationHref } from './paths';
import { ReleasedPage } from './released';

/** The handlers of a unit's pages: the office's determinations (list, form, save) and the released result. */

const E = CONTRACTS.evaluation;

/** `GET /console/cycles/:id/determinations`: the units in scope, each with whether it is determined. */
export async function determinationsPage(c: Ctx, cycleId: string) {
  const api = c.get('api');
  const [cycle, units, names] = await Promise.all([
    loadCycle(c, cycleId),
    api.all(CONTRACTS.cycles.overview, { params: { cycleId } }),
    groupNames(c),
  ]);
  if (!cycle.ok) return problemPage(c, cycle.problem);
  if (!units.ok) return problemPage(c, units.problem);
  // No list route of determinations: one read per unit, a few at a time.
  const rows = await mapLimit(units.data.items, 6, async (u): Promise<DeterminationRow> => {
    const d = await api.call(E.determination, { params: { cycleId, unit: u.unit } });
    const determined = d.ok
      ? d.data.determination && {
          version: d.data.determination.version,
          updatedAt: d.data.determination.updatedAt,
        }
      : undefined;
    return { unit: u.unit, name: u.unitName, group: u.group, determined };
  });
  return c.render(<DeterminationsPage cycle={cycle.data} rows={rows} groupNames={names} />, {
    title: t(c.get('lang'), 'erDeterminations'),
  });
}

async function showDetermination(
  c: Ctx,
  cycleId: string,
  unit: string,
  typed?: FormValues,
  errors?: FormErrors,
) {
  const r = await c.get('api').call(E.determination, { params: { cycleId, unit } });
  if (!r.ok) return problemPage(c, r.problem);
  const rules = await rulesFor(c, cycleId, r.data.unit.group);
  return c.render(
    <DeterminationPage
      view={r.data}
      rules={rules}
      values={typed ?? determinationValues(r.data)}
      errors={errors ?? noErrors()}
    />,
    { title: t(c.get('lang'), 'erDetermination') },
  );
}

/** `GET /console/cycles/:id/determinations/:unit`. */
export const determinationPage = (c: Ctx, cycleId: string, unit: string) =>
  showDetermination(c, cycleId, unit);

/** `POST /console/cycles/:id/determinations/:unit`: saved (created the first time), or the form again with why not. */
export async function saveDetermination(c: Ctx, cycleId: string, unit: string) {
  const form = await readForm(c);
  const api = c.get('api');
  const view = await api.call(E.determination, { params: { cycleId, unit } });
  if (!view.ok) return problemPage(c, view.problem);
  const rules = await rulesFor(c, cycleId, view.data.unit.group);
  const body = determinationBody(view.data, form, rules);
  const r = await api.call(E.determine, { params: { cycleId, unit }, body });
  if (r.ok) return redirectOk(c, determinationHref(cycleId, unit), 'updated');
  c.status(statusOf(r.status));
  const errors = determinationErrors(r.problem, c.get('lang'), determinationFields(view.data, form));
  return showDetermination(c, cycleId, unit, form, errors);
}

/** `GET /console/cycles/:id/results/:unit`: the unit's released result (the API decides who may see it). */
export async function releasedPage(c: Ctx, cycleId: string, unit: string) {
  const r = await c.get('api').call(E.released, { params: { cycleId, unit } });
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(<ReleasedPage view={r.data} />, { title: t(c.get('lang'), 'erMyResult'), wide: true });
}
