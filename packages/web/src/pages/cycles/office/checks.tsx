import { CONTRACTS } from '@jixiao/api/contracts';
import { CHECK_KINDS, type CycleView, FOLLOW_UP_STATUSES, labelOf, type MonitoringCheck } from '@jixiao/core';
import type { SuccessOf } from '../../../client/api-client';
import { ErrorSummary } from '../../../components/feedback';
import {
  FieldError,
  FormActions,
  Hidden,
  SelectField,
  TextArea,
  TextField,
} from '../../../components/fields';
import { ListPage } from '../../../components/list-page';
import { bindFields } from '../../../components/record-form';
import { useView } from '../../../context';
import { type FormErrors, type FormValues, str } from '../../../forms';
import { t } from '../../../i18n';
import { useMay } from '../../../policy';
import { DateField } from './calendar-fields';
import { BackToCycle, cycleHref, ExportLink } from './paths';

/** 察访核验 and 诊断咨询 (art. 14): the records, the form that adds one, and each one's follow-up. */

export interface ChecksState {
  create?: { values: FormValues; errors: FormErrors };
  /** A follow-up form that failed: its check, what was typed, the problem. */
  edit?: { checkId: string; values: FormValues; errors: FormErrors };
}

export type UnitChoice = { code: string; name: string };

function CheckCreateForm(props: {
  cycleId: string;
  units: UnitChoice[];
  values: FormValues;
  errors: FormErrors;
}) {
  const { lang } = useView();
  const field = bindFields(props.values, props.errors);
  const href = `${cycleHref(props.cycleId)}/checks`;
  return (
    <form method="post" action={href} class="stacked card" id="check-create" novalidate>
      <ErrorSummary errors={props.errors} />
      <Hidden name="_idem" value={str(props.values._idem)} />
      <SelectField
        {...field('kind')}
        label={t(lang, 'cyCheckKind')}
        options={CHECK_KINDS.map((k) => ({ value: k, label: labelOf('checkKind', k, lang) }))}
      />
      <SelectField
        {...field('unit')}
        label={t(lang, 'cyUnit')}
        empty={t(lang, 'chooseOne')}
        options={props.units.map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }))}
      />
      <DateField {...field('day')} label={t(lang, 'cyCheckDay')} />
      <TextField
        {...field('leaves')}
        label={t(lang, 'cyCheckLeaves')}
        hint={t(lang, 'cyCheckLeavesHint')}
        maxlength={2000}
      />
      <TextField {...field('participants')} label={t(lang, 'cyParticipants')} maxlength={500} />
      <TextArea {...field('findings')} label={t(lang, 'cyFindings')} maxlength={8000} />
      <TextArea {...field('followUp')} label={t(lang, 'cyFollowUp')} maxlength={4000} />
      <DateField {...field('followUpDue')} label={t(lang, 'cyFollowUpDue')} />
      <SelectField
        {...field('followUpStatus')}
        label={t(lang, 'cyFollowUpStatus')}
        options={FOLLOW_UP_STATUSES.map((s) => ({ value: s, label: labelOf('followUpStatus', s, lang) }))}
      />
      <FormActions label={t(lang, 'save')} back={cycleHref(props.cycleId)} />
    </form>
  );
}

/** A check's follow-up: its words, due day and status, changed in place (PATCH). */
function FollowUpForm(props: { cycleId: string; check: MonitoringCheck; failed?: ChecksState['edit'] }) {
  const { lang } = useView();
  const { check } = props;
  const failed = props.failed?.checkId === check.id ? props.failed : undefined;
  const v = (name: 'followUp' | 'followUpDue' | 'followUpStatus') =>
    failed ? str(failed.values[name]) : str(check[name]);
  const id = (name: string) => `f-${check.id}-${name}`;
  const err = (name: string) => failed?.errors.fields[name];
  return (
    <details open={!!failed}>
      <summary>{t(lang, 'cyEditFollowUp')}</summary>
      <form
        method="post"
        action={`${cycleHref(props.cycleId)}/checks/${check.id}`}
        id={`check-${check.id}`}
        novalidate
      >
        <ErrorSummary errors={failed?.errors} reloadHref={`${cycleHref(props.cycleId)}/checks`} />
        <Hidden name="version" value={check.version} />
        <label for={id('followUp')}>{t(lang, 'cyFollowUp')}</label>
        <textarea id={id('followUp')} name="followUp" rows={2} maxlength={4000}>
          {v('followUp')}
        </textarea>
        <FieldError name={`${check.id}-followUp`} error={err('followUp')} />
        <label for={id('followUpDue')}>{t(lang, 'cyFollowUpDue')}</label>
        <input type="date" id={id('followUpDue')} name="followUpDue" value={v('followUpDue')} />
        <FieldError name={`${check.id}-followUpDue`} error={err('followUpDue')} />
        <label for={id('followUpStatus')}>{t(lang, 'cyFollowUpStatus')}</label>
        <select id={id('followUpStatus')} name="followUpStatus">
          {FOLLOW_UP_STATUSES.map((s) => (
            <option value={s} selected={v('followUpStatus') === s}>
              {labelOf('followUpStatus', s, lang)}
            </option>
          ))}
        </select>
        <button class="secondary" type="submit">
          {t(lang, 'save')}
        </button>
      </form>
    </details>
  );
}

export function ChecksPage(props: {
  cycle: CycleView;
  page: SuccessOf<typeof CONTRACTS.monitoring.checks>;
  units: UnitChoice[];
  hasPrev: boolean;
  state: ChecksState;
}) {
  const { lang } = useView();
  const may = useMay();
  const { cycle, state } = props;
  const names = new Map(props.units.map((u) => [u.code, u.name]));
  const mayEdit = may(CONTRACTS.monitoring.updateCheck);
  return (
    <>
      <BackToCycle cycle={cycle} />
      <ListPage
        title={`${t(lang, 'cyChecks')} · ${cycle.name}`}
        actions={<ExportLink cycleId={cycle.id} table="checks.xlsx" />}
        items={props.page.items}
        rowAttrs={(k) => ({ 'data-id': k.id, id: `check-row-${k.id}` })}
        columns={[
          { label: t(lang, 'cyCheckKind'), cell: (k) => labelOf('checkKind', k.kind, lang) },
          { label: t(lang, 'cyUnit'), cell: (k) => `${names.get(k.unit) ?? ''} ${k.unit}`.trim() },
          { label: t(lang, 'cyCheckDay'), cell: (k) => k.day },
          { label: t(lang, 'cyCheckLeaves'), cell: (k) => k.leaves.join(lang === 'zh' ? '、' : ', ') },
          { label: t(lang, 'cyParticipants'), cell: (k) => k.participants },
          { label: t(lang, 'cyFindings'), cell: (k) => <span class="note">{k.findings}</span> },
          {
            label: t(lang, 'cyFollowUp'),
            cell: (k) => (
              <>
                <span class="note">{k.followUp}</span>
                {k.followUpDue ? ` （${t(lang, 'cyFollowUpDue')}${t(lang, 'colon')}${k.followUpDue}）` : ''}{' '}
                <span
                  class={k.followUpStatus === 'done' ? 'badge ok' : 'badge'}
                  data-follow-up={k.followUpStatus}
                >
                  {labelOf('followUpStatus', k.followUpStatus, lang)}
                </span>
                {mayEdit ? <FollowUpForm cycleId={cycle.id} check={k} failed={state.edit} /> : null}
              </>
            ),
          },
        ]}
        nextCursor={props.page.nextCursor}
        hasPrev={props.hasPrev}
      />
      {state.create && may(CONTRACTS.monitoring.createCheck) ? (
        <>
          <h2 class="mt">{t(lang, 'cyRecordCheck')}</h2>
          <CheckCreateForm cycleId={cycle.id} units={props.units} {...state.create} />
        </>
      ) : null}
    </>
  );
}
