import {
  MEETING_ROLE_LABELS,
  MEETING_STATUS_LABELS,
  type Meeting,
  type MeetingDecision,
  type MeetingStatus,
} from '@jixiao/core';
import type { Child } from 'hono/jsx';
import { Facts } from '../../components/fields';
import { useView } from '../../context';
import { formatDateTime, num, t } from '../../i18n';

/** The meeting record as read: facts, members, documents, decisions with adjustments, minutes. */

export const signed = (p: number) => (p > 0 ? `+${num(p)}` : num(p));

export function StatusBadge(props: { status: MeetingStatus }) {
  const { lang } = useView();
  return (
    <span class={props.status === 'concluded' ? 'badge ok' : 'badge st-draft'} data-meeting={props.status}>
      {MEETING_STATUS_LABELS[props.status][lang]}
    </span>
  );
}

/** An adjustment's points and reason, or 不调整. */
export function Adjustment(props: { d: MeetingDecision }) {
  const { lang } = useView();
  const a = props.d.adjustment;
  if (!a) return <span class="muted">{t(lang, 'mtNoAdjustment')}</span>;
  return (
    <>
      <strong data-points={a.points}>{t(lang, 'mtPointsUnit', { points: signed(a.points) })}</strong>
      <span class="note">{a.reason}</span>
    </>
  );
}

function Table(props: { id: string; caption: string; heads: string[]; rows: Child[][] }) {
  const { lang } = useView();
  return (
    <section class="card" aria-labelledby={`h-${props.id}`}>
      <h2 id={`h-${props.id}`}>{props.caption}</h2>
      {props.rows.length === 0 ? (
        <p class="muted">{t(lang, 'mtNoRows')}</p>
      ) : (
        <div class="scroll">
          <table id={props.id}>
            <thead>
              <tr>
                {props.heads.map((h) => (
                  <th scope="col">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr>
                  {r.map((cell) => (
                    <td>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function MeetingRecord(props: { meeting: Meeting; unitNames: Map<string, string> }) {
  const { lang } = useView();
  const m = props.meeting;
  return (
    <>
      <Facts
        rows={[
          [t(lang, 'mtMeetingTitle'), <span id="meeting-title">{m.title}</span>],
          [t(lang, 'mtDay'), m.day],
          [t(lang, 'mtPlace'), m.place],
          [t(lang, 'mtStatus'), <StatusBadge status={m.status} />],
          ...(m.concludedAt
            ? ([
                [t(lang, 'mtConcludedAt'), formatDateTime(m.concludedAt, lang)],
                [t(lang, 'mtConcludedBy'), m.concludedBy?.name ?? m.concludedBy?.sub ?? ''],
              ] as [string, string][])
            : []),
        ]}
      />
      <Table
        id="meeting-members"
        caption={t(lang, 'mtMembers')}
        heads={[t(lang, 'mtMemberName'), t(lang, 'mtOrganisation'), t(lang, 'mtRole')]}
        rows={m.members.map((x) => [x.name, x.organisation, MEETING_ROLE_LABELS[x.role][lang]])}
      />
      <Table
        id="meeting-documents"
        caption={t(lang, 'mtDocuments')}
        heads={[t(lang, 'mtDocTitle'), t(lang, 'mtSource'), t(lang, 'mtDocNote')]}
        rows={m.documents.map((x) => [x.title, x.evidence ?? x.reference ?? '', x.note ?? ''])}
      />
      <Table
        id="meeting-decisions"
        caption={t(lang, 'mtDecisions')}
        heads={[t(lang, 'mtDecisionUnit'), t(lang, 'mtDecision'), t(lang, 'mtAdjustment')]}
        rows={m.decisions.map((d) => [
          `${props.unitNames.get(d.unit) ?? ''} ${d.unit}`.trim(),
          <span class="note">{d.decision}</span>,
          <Adjustment d={d} />,
        ])}
      />
      <section class="card" aria-labelledby="h-meeting-minutes">
        <h2 id="h-meeting-minutes">{t(lang, 'mtMinutes')}</h2>
        {m.minutes ? (
          <p class="note" id="meeting-minutes">
            {m.minutes}
          </p>
        ) : (
          <p class="muted">{t(lang, 'mtNoRows')}</p>
        )}
      </section>
    </>
  );
}
