import { CONTRACTS } from '@jixiao/api/contracts';
import { type CycleView, idPattern, labelOf, type PlanOpinion } from '@jixiao/core';
import type { SuccessOf } from '../../../client/api-client';
import { ErrorSummary } from '../../../components/feedback';
import { FieldError, Hidden } from '../../../components/fields';
import { ListPage } from '../../../components/list-page';
import { consoleProblem, problemPage, statusOf } from '../../../components/message-page';
import { type Ctx, PAGE_SIZE, param, redirectOk, useView } from '../../../context';
import {
  type FormErrors,
  type FormValues,
  fieldNames,
  formBody,
  problemToFormErrors,
  readForm,
  str,
} from '../../../forms';
import { formatDateTime, type MessageKey, t } from '../../../i18n';
import { officeWide } from '../../../policy';
import { unitsOfCycle } from './checks-actions';
import { BackToCycle, cycleHref, loadCycle } from './paths';

/**
 * 公众意见 (art. 12 ¶2): opinions of the public on published plans. The office forwards each to its
 * unit with a note, the unit replies, and the office closes the exchange with its conclusion.
 */

const step = CONTRACTS.plans.opinionStep;

interface Failed {
  opinionId: string;
  values: FormValues;
  errors: FormErrors;
}

function StepForm(props: {
  cycleId: string;
  o: PlanOpinion;
  action: 'forward' | 'close';
  failed?: Failed | undefined;
}) {
  const { lang } = useView();
  const { o, action } = props;
  const failed =
    props.failed?.opinionId === o.id && str(props.failed.values.action) === action ? props.failed : undefined;
  const id = `f-${o.id}-${action}`;
  const label: MessageKey = action === 'forward' ? 'cyForwardNote' : 'cyConclusion';
  return (
    <form
      method="post"
      action={`${cycleHref(props.cycleId)}/opinions/${o.id}`}
      id={`opinion-${o.id}-${action}`}
      novalidate
    >
      <ErrorSummary errors={failed?.errors} reloadHref={`${cycleHref(props.cycleId)}/opinions`} />
      <Hidden name="version" value={o.version} />
      <Hidden name="action" value={action} />
      <label for={id}>{t(lang, label)}</label>
      <textarea
        id={id}
        name="text"
        rows={2}
        maxlength={2000}
        aria-invalid={failed?.errors.fields.text ? 'true' : undefined}
      >
        {str(failed?.values.text)}
      </textarea>
      <FieldError name={`${o.id}-${action}`} error={failed?.errors.fields.text} />
      <button class="secondary" type="submit" data-action={action}>
        {t(lang, action === 'forward' ? 'cyForward' : 'cyCloseOpinion')}
      </button>
    </form>
  );
}

function Exchange(props: { o: PlanOpinion }) {
  const { lang } = useView();
  const { o } = props;
  const rows: [MessageKey, string | undefined, string | undefined][] = [
    ['cyForwardNote', o.forwardNote, o.forwardedAt],
    ['cyReply', o.reply, o.repliedAt],
    ['cyConclusion', o.conclusion, undefined],
  ];
  return (
    <dl class="facts">
      {rows
        .filter(([, text]) => text)
        .map(([k, text, at]) => (
          <>
            <dt>{t(lang, k)}</dt>
            <dd class="note">
              {text} {at ? <span class="muted">{formatDateTime(at, lang)}</span> : null}
            </dd>
          </>
        ))}
    </dl>
  );
}

function OpinionsPage(props: {
  cycle: CycleView;
  page: SuccessOf<typeof CONTRACTS.plans.opinions>;
  units: Map<string, string>;
  hasPrev: boolean;
  failed?: Failed | undefined;
}) {
  const { lang, me } = useView();
  const { cycle } = props;
  const office = officeWide(me);
  return (
    <>
      <BackToCycle cycle={cycle} />
      <ListPage
        title={`${t(lang, 'cyOpinions')} · ${cycle.name}`}
        items={props.page.items}
        rowAttrs={(o) => ({ 'data-id': o.id, id: `opinion-${o.id}` })}
        columns={[
          { label: t(lang, 'cyReceivedAt'), cell: (o) => formatDateTime(o.createdAt, lang) },
          { label: t(lang, 'cyUnit'), cell: (o) => `${props.units.get(o.unit) ?? ''} ${o.unit}`.trim() },
          {
            label: t(lang, 'cyOpinion'),
            cell: (o) => (
              <>
                <p class="note">{o.text}</p>
                <p class="muted">
                  {o.name ?? t(lang, 'cyAnonymous')}
                  {o.contact ? ` · ${o.contact}` : ''}
                </p>
              </>
            ),
          },
          {
            label: t(lang, 'status'),
            cell: (o) => (
              <span class={o.status === 'closed' ? 'badge ok' : 'badge'} data-status={o.status}>
                {labelOf('opinionStatus', o.status, lang)}
              </span>
            ),
          },
          {
            label: t(lang, 'cyExchange'),
            cell: (o) => (
              <>
                <Exchange o={o} />
                {office && o.status === 'received' ? (
                  <StepForm cycleId={cycle.id} o={o} action="forward" failed={props.failed} />
                ) : null}
                {office && (o.status === 'forwarded' || o.status === 'answered') ? (
                  <StepForm cycleId={cycle.id} o={o} action="close" failed={props.failed} />
                ) : null}
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

/** `GET /console/cycles/:id/opinions`: the public's opinions, with the office's forward and close forms. */
export async function opinionsPage(c: Ctx, id: string, failed?: Failed) {
  const cursor = c.req.query('cursor');
  const [cycle, page, units] = await Promise.all([
    loadCycle(c, id),
    c
      .get('api')
      .call(CONTRACTS.plans.opinions, { params: { cycleId: id }, query: { limit: PAGE_SIZE, cursor } }),
    unitsOfCycle(c, id),
  ]);
  if (!cycle.ok) return problemPage(c, cycle.problem);
  if (!page.ok) return problemPage(c, page.problem);
  const names = new Map(units.map((u) => [u.code, u.name]));
  return c.render(
    <OpinionsPage cycle={cycle.data} page={page.data} units={names} hasPrev={!!cursor} failed={failed} />,
    { title: t(c.get('lang'), 'cyOpinions') },
  );
}

/** `POST /console/cycles/:id/opinions/:opinionId`: forward (with a note) or close (with a conclusion). */
export async function stepOpinion(c: Ctx, id: string) {
  const opinionId = param(c, 'opinionId');
  if (!idPattern('opinion').test(opinionId))
    return problemPage(c, consoleProblem(404, 'not_found', { zh: '意见不存在。', en: 'Opinion not found.' }));
  const form = await readForm(c);
  const r = await c.get('api').call(step, { params: { cycleId: id, opinionId }, body: formBody(step, form) });
  if (r.ok) return redirectOk(c, `${cycleHref(id)}/opinions`, 'updated');
  c.status(statusOf(r.status));
  return opinionsPage(c, id, {
    opinionId,
    values: form,
    errors: problemToFormErrors(r.problem, c.get('lang'), fieldNames(step)),
  });
}
