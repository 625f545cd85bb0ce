import type { CONTRACTS } from '@jixiao/api/contracts';
import type { CycleView, PlanView } from '@jixiao/core';
import type { SuccessOf } from '../../../client/api-client';
import type { Lang, MessageKey } from '../../../i18n';
import { meetingHref } from '../../review-meeting/paths';
import { formatDay } from './parts';
import { commentsHref, planHref, progressHref, selfHref, valuesHref } from './paths';

/** What the workspace reads: the cycle, and the unit's records of it (each may be missing). */
export interface WorkspaceData {
  cycle: CycleView | undefined;
  plan: PlanView;
  progress: SuccessOf<typeof CONTRACTS.monitoring.progress> | undefined;
  self: SuccessOf<typeof CONTRACTS.selfAssessments.get> | undefined;
  values: SuccessOf<typeof CONTRACTS.values.list>['items'] | undefined;
  /** The unit's evidence documents (佐证材料), when the list could be read. */
  evidence: SuccessOf<typeof CONTRACTS.evidence.unitList>['items'] | undefined;
}

export interface NextStep {
  key: MessageKey;
  params?: Record<string, string | number>;
  href?: string;
}

const DONE_PLAN = new Set(['submitted', 'approved', 'published']);

/** Whether the plan's consultation was held and has ended. */
export const consultationEnded = (plan: PlanView['plan']) =>
  !!plan?.consultation && (!!plan.consultation.closedAt || plan.status !== 'consultation');

/**
 * The next thing the unit has to do, by the cycle's step and the unit's records: one sentence and
 * the page where it is done.
 */
export function nextStep(d: WorkspaceData, lang: Lang): NextStep {
  const { plan: view } = d;
  const id = view.cycle.id;
  const unit = view.unit.code;
  const plan = view.plan;
  switch (view.cycle.state) {
    case 'draft':
      return { key: 'cuNextDraft' };
    case 'planning': {
      const status = plan?.status ?? 'missing';
      if (status === 'consultation')
        return {
          key: 'cuNextConsultation',
          params: { closes: formatDay(plan?.consultation?.closes, lang) },
          href: commentsHref(id, unit),
        };
      if (status === 'returned') return { key: 'cuNextReturned', href: planHref(id, unit) };
      if (status === 'submitted') return { key: 'cuNextWaitReview', href: planHref(id, unit) };
      if (DONE_PLAN.has(status)) return { key: 'cuNextApproved', href: planHref(id, unit) };
      if (consultationEnded(plan)) return { key: 'cuNextSubmit', href: planHref(id, unit) };
      return { key: 'cuNextWritePlan', href: planHref(id, unit) };
    }
    case 'monitoring': {
      const open = d.progress?.periods.find((p) => p.report?.status !== 'submitted');
      return open
        ? {
            key: 'cuNextProgress',
            params: { period: open.period.name, due: formatDay(open.period.due, lang) },
            href: progressHref(id, unit),
          }
        : { key: 'cuNextProgressDone', href: progressHref(id, unit) };
    }
    case 'self_assessment':
      return d.self?.assessment?.status === 'submitted'
        ? { key: 'cuNextSelfDone', href: selfHref(id, unit) }
        : { key: 'cuNextSelf', params: { due: formatDay(d.self?.deadline, lang) }, href: selfHref(id, unit) };
    case 'verification':
      return { key: 'cuNextVerification', href: `${valuesHref(id)}?unit=${encodeURIComponent(unit)}` };
    case 'review':
      // The review meeting decides; the unit sees its own decision there once it has concluded.
      return { key: 'cuNextClosed', href: meetingHref(id) };
    default:
      return { key: 'cuNextClosed' };
  }
}

/** Counts of the unit's values by status (the verification outcome). */
export function valueCounts(
  values: WorkspaceData['values'],
): Record<'pending' | 'confirmed' | 'corrected', number> {
  const out = { pending: 0, confirmed: 0, corrected: 0 };
  for (const v of values ?? []) out[v.status]++;
  return out;
}

/** Documents of the unit, and how many indicators have at least one. */
export function evidenceCount(evidence: WorkspaceData['evidence']): { docs: number; leaves: number } {
  const docs = evidence ?? [];
  return { docs: docs.length, leaves: new Set(docs.map((d) => d.leaf).filter(Boolean)).size };
}

export const planDone = (status: string | undefined) => DONE_PLAN.has(status ?? '');
