import { MEETING_ROLE_LABELS, MEETING_ROLES, type MeetingView } from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import { FieldError, Hidden, TextArea, TextField } from '../../components/fields';
import { RowsTable } from '../../components/rows-table';
import { useView } from '../../context';
import { type FormErrors, type FormValues, str } from '../../forms';
import { type MessageKey, t } from '../../i18n';
import { CellInput, DateField } from '../cycles/office/calendar-fields';
import { KeptNote, keptVersion } from '../cycles/office/kept';
import { DECISION, DOCUMENT, MEMBER, rowsShown } from './form';
import { meetingHref } from './paths';

/** The office's editor of the meeting record: one form, the lists as rows with blank ones to add to. */

const LABELS: Record<string, MessageKey> = {
  name: 'mtMemberName',
  organisation: 'mtOrganisation',
  role: 'mtRole',
  title: 'mtDocTitle',
  evidence: 'mtEvidence',
  reference: 'mtReference',
  note: 'mtDocNote',
  unit: 'mtDecisionUnit',
  decision: 'mtDecision',
  points: 'mtPoints',
  reason: 'mtReason',
};
const MAX: Record<string, number> = {
  name: 60,
  organisation: 120,
  title: 200,
  evidence: 40,
  reference: 500,
  note: 1000,
  decision: 2000,
  points: 12,
  reason: 1000,
};

type Option = { value: string; label: string };

/** A select inside a table cell, with an empty first option (a blank row stays blank). */
function CellSelect(props: {
  name: string;
  label: string;
  value: string;
  options: Option[];
  error?: string | undefined;
}) {
  const { lang } = useView();
  const id = `f-${props.name}`;
  return (
    <>
      <select
        id={id}
        name={props.name}
        aria-label={props.label}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      >
        <option value="">{t(lang, 'chooseOne')}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError name={props.name} error={props.error} />
    </>
  );
}

function Rows(props: {
  prefix: 'member' | 'document' | 'decision';
  fields: readonly string[];
  rows: number;
  values: FormValues;
  errors: FormErrors;
  caption: string;
  options: Record<string, Option[]>;
}) {
  const { lang } = useView();
  return (
    <RowsTable
      {...props}
      heading={(f) => t(lang, LABELS[f]!)}
      cell={(f, cell) => {
        const options = props.options[f];
        return options ? (
          <CellSelect {...cell} options={options} />
        ) : (
          <CellInput {...cell} maxlength={MAX[f]} />
        );
      }}
    />
  );
}

export function MeetingEditor(props: {
  view: MeetingView;
  values: FormValues;
  errors: FormErrors;
  /** Open (a refused save, or nothing recorded yet). */
  open: boolean;
}) {
  const { lang } = useView();
  const { view, values, errors } = props;
  const m = view.meeting;
  const roles = MEETING_ROLES.map((r) => ({ value: r, label: MEETING_ROLE_LABELS[r][lang] }));
  const units = view.units.map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }));
  const v = (name: string) => str(values[name]);
  const version = m ? keptVersion({ values }, m.version) : '';
  return (
    <details open={props.open} class="card">
      <summary>{t(lang, m ? 'mtEdit' : 'mtCreate')}</summary>
      <form method="post" action={meetingHref(view.cycle.id)} class="stacked" id="meeting-form" novalidate>
        <ErrorSummary errors={errors} reloadHref={meetingHref(view.cycle.id)} />
        <KeptNote errors={errors} />
        {version !== '' ? <Hidden name="version" value={version} /> : null}
        <TextField
          name="title"
          label={t(lang, 'mtMeetingTitle')}
          value={v('title')}
          error={errors.fields.title}
          maxlength={200}
        />
        <DateField name="day" label={t(lang, 'mtDay')} value={v('day')} error={errors.fields.day} />
        <TextField
          name="place"
          label={t(lang, 'mtPlace')}
          value={v('place')}
          error={errors.fields.place}
          maxlength={200}
        />
        <p class="hint">{t(lang, 'mtRowsHint')}</p>
        <FieldError name="members" error={errors.fields.members} />
        <Rows
          prefix="member"
          fields={MEMBER}
          rows={rowsShown(values, 'member', m?.members.length ?? 0)}
          values={values}
          errors={errors}
          caption={t(lang, 'mtMembers')}
          options={{ role: roles }}
        />
        <p class="hint">{t(lang, 'mtEvidenceHint')}</p>
        <FieldError name="documents" error={errors.fields.documents} />
        <Rows
          prefix="document"
          fields={DOCUMENT}
          rows={rowsShown(values, 'document', m?.documents.length ?? 0)}
          values={values}
          errors={errors}
          caption={t(lang, 'mtDocuments')}
          options={{}}
        />
        <p class="hint">{t(lang, 'mtPointsHint')}</p>
        <FieldError name="decisions" error={errors.fields.decisions} />
        <Rows
          prefix="decision"
          fields={DECISION}
          rows={rowsShown(values, 'decision', m?.decisions.length ?? 0)}
          values={values}
          errors={errors}
          caption={t(lang, 'mtDecisions')}
          options={{ unit: units }}
        />
        <TextArea
          name="minutes"
          label={t(lang, 'mtMinutes')}
          value={v('minutes')}
          error={errors.fields.minutes}
          maxlength={20000}
        />
        <p>
          <button class="primary" type="submit">
            {t(lang, 'save')}
          </button>
        </p>
      </form>
    </details>
  );
}
