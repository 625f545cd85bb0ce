import {
  RESULT_USE_KIND_LABELS,
  RESULT_USE_KINDS,
  type ResultUseList,
  type ResultUseView,
} from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import { Hidden, SelectField, TextArea, TextField } from '../../components/fields';
import { ListPage } from '../../components/list-page';
import { useView } from '../../context';
import { type FormErrors, type FormValues, str } from '../../forms';
import { formatNumber, t } from '../../i18n';
import { OutcomeHeading, stampText } from '../appeals/parts';
import { BackToCycle } from '../cycles/office/paths';
import { useHref, usesHref } from './paths';

/** The use of results: the list with its totals and the office's form; one record with its edit and revoke forms. */

export interface UseState {
  form: 'create' | 'edit' | 'revoke';
  values: FormValues;
  errors: FormErrors;
}

function UseFields(props: { values: FormValues; errors: FormErrors | undefined }) {
  const { lang } = useView();
  const e = props.errors?.fields ?? {};
  const v = (n: string) => str(props.values[n]);
  return (
    <>
      <SelectField
        name="kind"
        label={t(lang, 'ocKind')}
        options={RESULT_USE_KINDS.map((k) => ({ value: k, label: RESULT_USE_KIND_LABELS[k][lang] }))}
        value={v('kind')}
        error={e.kind}
      />
      <TextArea
        name="description"
        label={t(lang, 'ocDescription')}
        value={v('description')}
        maxlength={2000}
        error={e.description}
      />
      <TextField
        name="amount"
        label={t(lang, 'ocAmount')}
        hint={t(lang, 'ocAmountHint')}
        inputmode="text"
        value={v('amount')}
        error={e.amount}
      />
      <TextField
        name="document"
        label={t(lang, 'ocDocument')}
        value={v('document')}
        maxlength={100}
        error={e.document}
      />
      <TextField
        name="day"
        label={t(lang, 'ocDay')}
        hint="YYYY-MM-DD"
        value={v('day')}
        maxlength={10}
        error={e.day}
      />
    </>
  );
}

const kindText = (lang: 'zh' | 'en', u: ResultUseView) => RESULT_USE_KIND_LABELS[u.kind][lang];

export function UsesPage(props: {
  list: ResultUseList;
  filter: { unit: string; kind: string };
  hasPrev: boolean;
  form: { values: FormValues; errors: FormErrors | undefined };
}) {
  const { lang } = useView();
  const { list, filter, form } = props;
  const tot = list.totals;
  return (
    <>
      <BackToCycle cycle={list.cycle} />
      <ListPage
        title={`${t(lang, 'ocUsesTitle')} · ${list.cycle.name}`}
        filter={{
          action: usesHref(list.cycle.id),
          fields: (
            <>
              {list.units.length > 1 ? (
                <SelectField
                  name="unit"
                  label={t(lang, 'ocUnit')}
                  empty={t(lang, 'ocAllUnits')}
                  options={list.units.map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }))}
                  value={filter.unit}
                />
              ) : null}
              <SelectField
                name="kind"
                label={t(lang, 'ocKind')}
                empty={t(lang, 'ocAllKinds')}
                options={RESULT_USE_KINDS.map((k) => ({ value: k, label: RESULT_USE_KIND_LABELS[k][lang] }))}
                value={filter.kind}
              />
            </>
          ),
        }}
        items={list.items}
        rowAttrs={(u) => ({ 'data-id': u.id, 'data-revoked': String(!!u.revoked) })}
        empty={t(lang, 'ocNoUses')}
        columns={[
          { label: t(lang, 'ocUnit'), cell: (u) => u.unitName },
          {
            label: t(lang, 'ocKind'),
            cell: (u) => <a href={useHref(list.cycle.id, u.unit, u.id)}>{kindText(lang, u)}</a>,
          },
          { label: t(lang, 'ocDescription'), cell: (u) => u.description },
          {
            label: t(lang, 'ocAmount'),
            num: true,
            cell: (u) => (u.amount === undefined ? '' : formatNumber(u.amount)),
          },
          { label: t(lang, 'ocDocument'), cell: (u) => u.document },
          { label: t(lang, 'ocDay'), cell: (u) => u.day },
          {
            label: t(lang, 'ocStatus'),
            cell: (u) => (
              <span class={u.revoked ? 'badge off' : 'badge ok'}>
                {t(lang, u.revoked ? 'ocRevoked' : 'ocInForce')}
              </span>
            ),
          },
        ]}
        nextCursor={list.nextCursor}
        hasPrev={props.hasPrev}
      />
      <section class="card" aria-labelledby="h-uses-totals" id="uses-totals">
        <h2 id="h-uses-totals">{t(lang, 'ocUsesTitle')}</h2>
        <p class="hint">{t(lang, 'ocUsesIntro')}</p>
        <p>
          {t(lang, 'ocUsesTotals', {
            count: tot.count,
            active: tot.active,
            amount: formatNumber(tot.amount),
          })}
        </p>
        {list.blocked ? (
          <p class="notice" id="uses-blocked">
            {list.blocked[lang]}
          </p>
        ) : null}
      </section>
      {list.allowed.create ? (
        <section class="card" aria-labelledby="h-uses-new" id="uses-new">
          <h2 id="h-uses-new">{t(lang, 'ocNewUse')}</h2>
          <form method="post" action={usesHref(list.cycle.id)} id="uses-create-form" novalidate>
            <ErrorSummary errors={form.errors} />
            <Hidden name="_idem" value={str(form.values._idem)} />
            <SelectField
              name="unit"
              label={t(lang, 'ocUnit')}
              empty=""
              options={list.units.map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }))}
              value={str(form.values.unit)}
              error={form.errors?.fields.unit}
            />
            <UseFields values={form.values} errors={form.errors} />
            <button class="primary" type="submit">
              {t(lang, 'ocNewUse')}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}

export const useValues = (u: ResultUseView): FormValues => ({
  kind: u.kind,
  description: u.description,
  amount: u.amount === undefined ? '' : String(u.amount),
  document: u.document,
  day: u.day,
});

export function UsePage(props: {
  use: ResultUseView;
  cycle: { id: string; name: string };
  state?: UseState | undefined;
}) {
  const { lang } = useView();
  const { use: u, cycle, state } = props;
  const href = useHref(cycle.id, u.unit, u.id);
  const failed = (f: UseState['form']) => (state?.form === f ? state : undefined);
  const orphan = state && !u.allowed.edit ? state.errors : undefined;
  return (
    <>
      <OutcomeHeading
        cycle={cycle}
        title={`${t(lang, 'ocUsesTitle')} · ${u.unitName}`}
        back={usesHref(cycle.id)}
      />
      <ErrorSummary errors={orphan} id="use-error" />
      <section class="card" aria-labelledby="h-use-facts" id="use-facts">
        <h2 id="h-use-facts">{kindText(lang, u)}</h2>
        <dl class="facts">
          <dt>{t(lang, 'ocStatus')}</dt>
          <dd>
            <span class={u.revoked ? 'badge off' : 'badge ok'} id="use-status">
              {t(lang, u.revoked ? 'ocRevoked' : 'ocInForce')}
            </span>
          </dd>
          <dt>{t(lang, 'ocUnit')}</dt>
          <dd>{u.unitName}</dd>
          <dt>{t(lang, 'ocDescription')}</dt>
          <dd class="note">{u.description}</dd>
          {u.amount !== undefined ? (
            <>
              <dt>{t(lang, 'ocAmount')}</dt>
              <dd>{formatNumber(u.amount)}</dd>
            </>
          ) : null}
          <dt>{t(lang, 'ocDocument')}</dt>
          <dd>{u.document}</dd>
          <dt>{t(lang, 'ocDay')}</dt>
          <dd>{u.day}</dd>
          <dt>{t(lang, 'ocBasedOn')}</dt>
          <dd>{t(lang, 'ocRunN', { n: u.run.number })}</dd>
          <dt>{t(lang, 'ocRecordedBy')}</dt>
          <dd>{stampText(lang, u.recorded)}</dd>
          {u.revoked ? (
            <>
              <dt>{t(lang, 'ocRevokedBy')}</dt>
              <dd>{stampText(lang, u.revoked)}</dd>
              <dt>{t(lang, 'ocRevokeReason')}</dt>
              <dd class="note">{u.revoked.reason}</dd>
            </>
          ) : null}
        </dl>
      </section>
      {u.allowed.edit ? (
        <details class="card" id="use-edit" open={!!failed('edit')}>
          <summary>
            <strong>{t(lang, 'ocEditUse')}</strong>
          </summary>
          <form method="post" action={href} id="use-edit-form" novalidate>
            <ErrorSummary errors={failed('edit')?.errors} reloadHref={href} />
            <Hidden name="version" value={u.version} />
            <UseFields values={failed('edit')?.values ?? useValues(u)} errors={failed('edit')?.errors} />
            <button class="primary" type="submit">
              {t(lang, 'save')}
            </button>
          </form>
        </details>
      ) : null}
      {u.allowed.revoke ? (
        <section class="card" aria-labelledby="h-use-revoke" id="use-revoke">
          <h2 id="h-use-revoke">{t(lang, 'ocRevoke')}</h2>
          <form method="post" action={`${href}/revoke`} id="use-revoke-form" novalidate>
            <ErrorSummary errors={failed('revoke')?.errors} reloadHref={href} />
            <Hidden name="version" value={u.version} />
            <TextField
              name="reason"
              label={t(lang, 'ocRevokeReason')}
              value={str(failed('revoke')?.values.reason)}
              maxlength={1000}
              error={failed('revoke')?.errors.fields.reason}
            />
            <button type="submit">{t(lang, 'ocRevoke')}</button>
          </form>
        </section>
      ) : null}
    </>
  );
}
