import { CONTRACTS } from '@jixiao/api/contracts';
import { ANNUAL_PLAN_STATUSES, type CycleView, isEnumValue, labelOf } from '@jixiao/core';
import type { SuccessOf } from '../../../client/api-client';
import { SelectField } from '../../../components/fields';
import { ListPage } from '../../../components/list-page';
import { problemPage } from '../../../components/message-page';
import { type Ctx, PAGE_SIZE, seg, useView } from '../../../context';
import { formatDateTime, type Lang, t } from '../../../i18n';
import { BackToCycle, cycleHref, ExportLink, LateBadge, loadCycle } from './paths';

/** 计划审核: the cycle's annual plans, one row per unit, the submitted ones first by default. */

const STATUSES = ['missing', ...ANNUAL_PLAN_STATUSES] as const;
type PlanStatusFilter = (typeof STATUSES)[number];
const ALL = 'all';

/** A plan's status; `missing` (nothing saved yet) is the console's word, the rest core's. */
export const planStatusLabel = (s: PlanStatusFilter, lang: Lang) =>
  s === 'missing' ? t(lang, 'cyPlanMissing') : labelOf('annualPlanStatus', s, lang);

/** The plan page of a unit (built by the unit's workspace, shared with the office's review). */
export const planHref = (cycleId: string, unit: string) => `${cycleHref(cycleId)}/plans/${seg(unit)}`;

function PlansQueue(props: {
  cycle: CycleView;
  page: SuccessOf<typeof CONTRACTS.plans.list>;
  status: string;
  hasPrev: boolean;
}) {
  const { lang } = useView();
  const { cycle } = props;
  const href = `${cycleHref(cycle.id)}/plans`;
  return (
    <>
      <BackToCycle cycle={cycle} />
      <ListPage
        title={`${t(lang, 'cyPlansQueue')} · ${cycle.name}`}
        actions={<ExportLink cycleId={cycle.id} table="plans.xlsx" />}
        filter={{
          action: href,
          fields: (
            <SelectField
              name="status"
              label={t(lang, 'status')}
              value={props.status}
              options={[
                { value: ALL, label: t(lang, 'all') },
                ...STATUSES.map((s) => ({ value: s, label: planStatusLabel(s, lang) })),
              ]}
            />
          ),
        }}
        items={props.page.items}
        rowAttrs={(p) => ({ 'data-unit': p.unit, id: `plan-${p.unit}` })}
        empty={t(lang, 'cyNoPlans')}
        columns={[
          {
            label: t(lang, 'cyUnit'),
            cell: (p) => (
              <a href={planHref(cycle.id, p.unit)}>
                {p.unitName} <span class="code">{p.unit}</span>
              </a>
            ),
          },
          { label: t(lang, 'group'), cell: (p) => p.group },
          {
            label: t(lang, 'status'),
            cell: (p) => (
              <span class="badge" data-status={p.status}>
                {planStatusLabel(p.status, lang)}
              </span>
            ),
          },
          { label: t(lang, 'cyRound'), num: true, cell: (p) => String(p.round) },
          { label: t(lang, 'cyReturnedItems'), num: true, cell: (p) => String(p.returnedItems) },
          {
            label: t(lang, 'cySubmittedAt'),
            cell: (p) => (
              <>
                {formatDateTime(p.submittedAt, lang)} {p.late ? <LateBadge /> : null}
              </>
            ),
          },
        ]}
        nextCursor={props.page.nextCursor}
        hasPrev={props.hasPrev}
      />
    </>
  );
}

/** `GET /console/cycles/:id/plans?status=`: the review queue (已报审 unless another status or 全部 is asked). */
export async function plansQueue(c: Ctx, id: string) {
  const asked = c.req.query('status') ?? 'submitted';
  const status = asked === ALL || (STATUSES as readonly string[]).includes(asked) ? asked : 'submitted';
  const cursor = c.req.query('cursor');
  const [cycle, page] = await Promise.all([
    loadCycle(c, id),
    c.get('api').call(CONTRACTS.plans.list, {
      params: { cycleId: id },
      query: {
        limit: PAGE_SIZE,
        cursor,
        ...(status !== ALL && (isEnumValue('annualPlanStatus', status) || status === 'missing')
          ? { status: status as PlanStatusFilter }
          : {}),
      },
    }),
  ]);
  if (!cycle.ok) return problemPage(c, cycle.problem);
  if (!page.ok) return problemPage(c, page.problem);
  return c.render(<PlansQueue cycle={cycle.data} page={page.data} status={status} hasPrev={!!cursor} />, {
    title: t(c.get('lang'), 'cyPlansQueue'),
  });
}
