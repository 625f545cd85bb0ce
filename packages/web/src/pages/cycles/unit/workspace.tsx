import { CONTRACTS } from '@jixiao/api/contracts';
import { labelOf } from '@jixiao/core';
import type { Child } from 'hono/jsx';
import { problemPage } from '../../../components/message-page';
import { type Ctx, useView } from '../../../context';
import { type MessageKey, t } from '../../../i18n';
import { unitEvidenceHref } from '../../evidence/paths';
import { Badge, Due, LightLabel, PlanStatus } from './parts';
import { commentsHref, longTermHref, planHref, progressHref, selfHref, valuesHref } from './paths';
import {
  consultationEnded,
  evidenceCount,
  nextStep,
  planDone,
  valueCounts,
  type WorkspaceData,
} from './workspace-steps';

/**
 * `/console/cycles/:id/units/:unit`: the unit's landing page for a cycle. Its steps in order (plan →
 * consultation → approval → progress → self-assessment → evidence → verification outcome), each with its
 * status, its deadline from the calendar (days left, or 逾期 in red and in words) and the page where
 * it is done; on top, the next thing to do. The office sees the same page, read-only.
 */

interface Row {
  id: string;
  title: MessageKey;
  status: Child;
  due?: Child;
  href: string;
}

function Steps(props: { rows: Row[] }) {
  const { lang } = useView();
  return (
    <table class="steps-table">
      <thead>
        <tr>
          <th scope="col">{t(lang, 'cuStep')}</th>
          <th scope="col">{t(lang, 'status')}</th>
          <th scope="col">{t(lang, 'cuDeadline')}</th>
          <th scope="col">{t(lang, 'actions')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr id={`step-${r.id}`}>
            <th scope="row">{t(lang, r.title)}</th>
            <td>{r.status}</td>
            <td>{r.due ?? ''}</td>
            <td>
              <a href={r.href}>{t(lang, 'view')}</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Workspace(props: { d: WorkspaceData }) {
  const { lang } = useView();
  const { d } = props;
  const view = d.plan;
  const id = view.cycle.id;
  const unit = view.unit.code;
  const plan = view.plan;
  const cal = d.cycle?.calendar;
  const cons = plan?.consultation;
  const next = nextStep(d, lang);
  const counts = valueCounts(d.values);
  const returned = plan?.status === 'returned';
  const rows: Row[] = [
    {
      id: 'plan',
      title: 'cuStepPlan',
      status: (
        <>
          <PlanStatus status={plan?.status} />
          {view.allowed.edit && view.issues.length ? (
            <span class="muted"> {t(lang, 'cuIssuesN', { n: view.issues.length })}</span>
          ) : null}
        </>
      ),
      due: <Due day={cal?.planDeadline} done={planDone(plan?.status)} />,
      href: planHref(id, unit),
    },
    {
      id: 'consultation',
      title: 'cuStepConsultation',
      status: !cons ? (
        <Badge tone="todo">{t(lang, 'cuConsultationNone')}</Badge>
      ) : consultationEnded(plan) ? (
        <Badge tone="done">{t(lang, 'cuConsultationEnded')}</Badge>
      ) : (
        <Badge tone="waiting">{labelOf('annualPlanStatus', 'consultation', lang)}</Badge>
      ),
      due: cons ? <Due day={cons.closes} done={consultationEnded(plan)} /> : undefined,
      href: commentsHref(id, unit),
    },
    {
      id: 'approval',
      title: 'cuStepApproval',
      status:
        plan && (planDone(plan.status) || returned) ? (
          <PlanStatus status={plan.status} />
        ) : (
          <Badge tone="todo">{t(lang, 'cuNotSubmitted')}</Badge>
        ),
      href: planHref(id, unit),
    },
    {
      id: 'progress',
      title: 'cuStepProgress',
      status: d.progress?.periods.length ? (
        <ul class="plain">
          {d.progress.periods.map((p) => (
            <li data-period={p.period.code}>
              {p.period.name}{' '}
              <Badge tone={p.report?.status === 'submitted' ? 'done' : 'todo'}>
                {labelOf('reportStatus', p.report?.status ?? 'draft', lang)}
              </Badge>{' '}
              {p.report?.status === 'submitted' ? <LightLabel light={p.light} /> : null}
            </li>
          ))}
        </ul>
      ) : (
        <span class="muted">{t(lang, 'cuNoPeriods')}</span>
      ),
      due: (
        <ul class="plain">
          {(d.progress?.periods ?? []).map((p) => (
            <li>
              <Due day={p.period.due} done={p.report?.status === 'submitted'} />
            </li>
          ))}
        </ul>
      ),
      href: progressHref(id, unit),
    },
    {
      id: 'self',
      title: 'cuStepSelf',
      status: (
        <Badge tone={d.self?.assessment?.status === 'submitted' ? 'done' : 'todo'}>
          {d.self?.assessment
            ? labelOf('selfStatus', d.self.assessment.status, lang)
            : t(lang, 'cuNotFilled')}
        </Badge>
      ),
      due: (
        <Due
          day={d.self?.deadline ?? cal?.selfAssessment.closes}
          done={d.self?.assessment?.status === 'submitted'}
        />
      ),
      href: selfHref(id, unit),
    },
    ...(d.evidence
      ? [
          {
            id: 'evidence',
            title: 'evTitle' as const,
            status: <span>{t(lang, 'evStepStatus', evidenceCount(d.evidence))}</span>,
            href: unitEvidenceHref(id, unit),
          },
        ]
      : []),
    {
      id: 'verification',
      title: 'cuStepVerification',
      status: d.values?.length ? (
        <span>
          {t(lang, 'cuValueCounts', {
            confirmed: counts.confirmed,
            corrected: counts.corrected,
            pending: counts.pending,
          })}
        </span>
      ) : (
        <span class="muted">{t(lang, 'cuNoValues')}</span>
      ),
      due: cal ? (
        <Due
          day={cal.verification.closes}
          done={view.cycle.state === 'review' || view.cycle.state === 'closed'}
        />
      ) : undefined,
      href: `${valuesHref(id)}?unit=${encodeURIComponent(unit)}`,
    },
  ];
  return (
    <>
      <h1>{t(lang, 'cuWorkspaceTitle', { unit: view.unit.name, cycle: view.cycle.name })}</h1>
      <p class="muted">
        {t(lang, 'cuCycleState')}
        {t(lang, 'colon')}
        <span class="badge" data-state={view.cycle.state}>
          {labelOf('cycleState', view.cycle.state, lang)}
        </span>
      </p>
      <section class="notice" id="next-step" aria-labelledby="h-next">
        <strong id="h-next">{t(lang, 'cuNextTitle')}</strong>
        {t(lang, 'colon')}
        {next.href ? (
          <a href={next.href}>{t(lang, next.key, next.params)}</a>
        ) : (
          t(lang, next.key, next.params)
        )}
      </section>
      <Steps rows={rows} />
      <p class="mt">
        <a href={longTermHref(unit)}>{t(lang, 'cuLongTermLink')}</a>
      </p>
    </>
  );
}

export async function workspacePage(c: Ctx, cycleId: string, unit: string) {
  const api = c.get('api');
  const params = { cycleId, unit };
  const [plan, cycle, progress, self, values, evidence] = await Promise.all([
    api.call(CONTRACTS.plans.get, { params }),
    api.call(CONTRACTS.cycles.get, { params: { cycleId } }),
    api.call(CONTRACTS.monitoring.progress, { params }),
    api.call(CONTRACTS.selfAssessments.get, { params }),
    api.all(CONTRACTS.values.list, { params: { cycleId }, query: { unit } }),
    api.call(CONTRACTS.evidence.unitList, { params, query: {} }),
  ]);
  // The plan view says whether the unit is in the cycle and the caller's to see (404 otherwise).
  if (!plan.ok) return problemPage(c, plan.problem);
  const d: WorkspaceData = {
    plan: plan.data,
    cycle: cycle.ok ? cycle.data : undefined,
    progress: progress.ok ? progress.data : undefined,
    self: self.ok ? self.data : undefined,
    values: values.ok ? values.data.items : undefined,
    evidence: evidence.ok ? evidence.data.items : undefined,
  };
  return c.render(<Workspace d={d} />, {
    title: t(c.get('lang'), 'cuWorkspaceTitle', { unit: plan.data.unit.name, cycle: plan.data.cycle.name }),
  });
}
