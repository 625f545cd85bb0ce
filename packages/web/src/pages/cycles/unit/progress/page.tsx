import { CONTRACTS } from '@jixiao/api/contracts';
import { Flash } from '../../../../components/feedback';
import { problemPage, statusOf } from '../../../../components/message-page';
import { type Ctx, param, useView } from '../../../../context';
import { noErrors, readForm, str } from '../../../../forms';
import { t } from '../../../../i18n';
import { placeIssues } from '../issues';
import { Back } from '../parts';
import { progressHref, workspaceHref } from '../paths';
import { fieldOfPath, type ProgressView, toBody, valuesOf } from './model';
import { Period, type Typed } from './period';

/**
 * `/console/cycles/:id/progress/:unit`: the unit's progress reports, one per period of the
 * calendar; `POST …/:period` saves a period (保存) or reports it (报送). A reported period shows
 * its warnings (预警) with the rule of each.
 */

function ProgressPage(props: { view: ProgressView; typed?: { period: string } & Typed }) {
  const { lang } = useView();
  const { view, typed } = props;
  const href = progressHref(view.cycle.id, view.unit.code);
  return (
    <>
      <Back href={workspaceHref(view.cycle.id, view.unit.code)} label={t(lang, 'cuBackWorkspace')} />
      <h1>{t(lang, 'cuProgressTitle', { unit: view.unit.name, cycle: view.cycle.name })}</h1>
      <Flash />
      {view.periods.length === 0 ? <p class="card">{t(lang, 'cuNoPeriods')}</p> : null}
      {view.periods.map((p) => {
        const mine = typed?.period === p.period.code ? typed : undefined;
        return (
          <Period
            view={view}
            p={p}
            values={mine?.values ?? valuesOf(view, p)}
            typed={mine}
            action={`${href}/${encodeURIComponent(p.period.code)}`}
            reload={href}
          />
        );
      })}
    </>
  );
}

async function show(c: Ctx, cycleId: string, unit: string, typed?: { period: string } & Typed) {
  const r = await c.get('api').call(CONTRACTS.monitoring.progress, { params: { cycleId, unit } });
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(<ProgressPage view={r.data} typed={typed} />, {
    title: t(c.get('lang'), 'cuProgressTitle', { unit: r.data.unit.name, cycle: r.data.cycle.name }),
    wide: true,
  });
}

export const progressPage = {
  get: (c: Ctx, cycleId: string, unit: string) => show(c, cycleId, unit),
  post: async (c: Ctx, cycleId: string, unit: string) => {
    const lang = c.get('lang');
    const period = param(c, 'period');
    const values = await readForm(c);
    const view = await c.get('api').call(CONTRACTS.monitoring.progress, { params: { cycleId, unit } });
    if (!view.ok) return problemPage(c, view.problem);
    const body = toBody(view.data, values, str(values.submit) === 'true');
    const r = await c
      .get('api')
      .call(CONTRACTS.monitoring.report, { params: { cycleId, unit, period }, body });
    if (r.ok)
      return c.redirect(`${progressHref(cycleId, unit)}?ok=updated#p-${encodeURIComponent(period)}`, 303);
    c.status(statusOf(r.status));
    const placed = placeIssues(
      r.problem.errors ?? [],
      lang,
      (p) => fieldOfPath(body, p),
      () => undefined,
    );
    const problem = {
      ...noErrors(),
      message: r.problem.message[lang],
      code: r.problem.code,
      requestId: r.problem.requestId || undefined,
      other: placed.other,
    };
    return show(c, cycleId, unit, { period, values, fields: placed.fields, problem });
  },
};
