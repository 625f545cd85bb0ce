import { labelOf } from '@jixiao/core';
import { ErrorSummary } from '../../../../components/feedback';
import { Hidden } from '../../../../components/fields';
import { useView } from '../../../../context';
import { type FormErrors, type FormValues, str } from '../../../../forms';
import { num, t } from '../../../../i18n';
import { Cell, CellArea, CellText, type FieldErrors } from '../controls';
import { RowIssues } from '../issues';
import { type EvidenceCounts, EvidenceLink } from './evidence-link';
import { type SelfView, suppliedOf } from './model';

/** The self-assessment as a form: per indicator the actual value, a self-score, a narrative; then the report. */
export function SelfForm(props: {
  view: SelfView;
  values: FormValues;
  fields: FieldErrors;
  rows: Map<number, string[]>;
  problem?: FormErrors;
  action: string;
  evidence?: EvidenceCounts;
}) {
  const { lang } = useView();
  const { view, fields } = props;
  const v = (k: string) => str(props.values[k]);
  const supplied = suppliedOf(view);
  return (
    <form method="post" action={props.action} class="editor" id="self-form" novalidate>
      <ErrorSummary errors={props.problem} reloadHref={props.action} />
      <Hidden name="version" value={v('version')} />
      {view.leaves.map((l, row) => {
        const n = (f: string) => `s.${l.code}.${f}`;
        const s = supplied.get(l.code);
        return (
          <section class="card" id={`self-${l.code}`} data-leaf={l.code}>
            <h3>
              {l.name} <span class="code">{l.code}</span>
            </h3>
            <p class="muted">
              {l.unitOfMeasure ? `${t(lang, 'unitOfMeasure')}${t(lang, 'colon')}${l.unitOfMeasure} · ` : ''}
              {t(lang, 'weight')}
              {t(lang, 'colon')}
              {num(l.weight)}{' '}
              <EvidenceLink
                cycleId={view.cycle.id}
                unit={view.unit.code}
                leaf={l.code}
                counts={props.evidence}
              />
            </p>
            <RowIssues issues={props.rows.get(row)} />
            <div class="grid">
              {s ? (
                <CellText label={t(lang, 'cuActual')}>
                  <span data-supplied={l.code}>
                    {s.value === undefined
                      ? t(lang, 'cuNotYetSupplied')
                      : `${num(s.value)}${l.unitOfMeasure ?? ''}`}
                  </span>{' '}
                  <span class="badge">{labelOf('valueStatus', s.status, lang)}</span>
                  <span class="hint">{t(lang, 'cuSuppliedNote')}</span>
                </CellText>
              ) : l.type === 'quantitative' ? (
                <Cell
                  name={n('actual')}
                  label={t(lang, 'cuActual')}
                  hint={l.unitOfMeasure}
                  value={v(n('actual'))}
                  inputmode="decimal"
                  errors={fields}
                  class="short"
                />
              ) : null}
              <Cell
                name={n('actualText')}
                label={t(lang, 'cuActualText')}
                value={v(n('actualText'))}
                errors={fields}
                class="wide"
              />
              <Cell
                name={n('selfScore')}
                label={t(lang, 'cuSelfScore')}
                hint={t(lang, 'cuSelfScoreHint', { max: num(l.weight) })}
                value={v(n('selfScore'))}
                inputmode="decimal"
                errors={fields}
                class="short"
              />
              <CellArea
                name={n('narrative')}
                label={t(lang, 'cuNarrative')}
                value={v(n('narrative'))}
                errors={fields}
                class="wide"
              />
            </div>
          </section>
        );
      })}
      <section class="card">
        <div class="grid">
          <CellArea
            name="report"
            label={t(lang, 'cuSelfReport')}
            hint={t(lang, 'cuSelfReportHint')}
            value={v('report')}
            errors={fields}
            class="wide"
            rows={12}
          />
        </div>
      </section>
      <p class="savebar">
        <button class="primary" type="submit">
          {t(lang, 'save')}
        </button>
      </p>
    </form>
  );
}

/** 提交 (the unit, when complete and in time) and 重新开放 (the office, after the deadline). */
export function SelfActions(props: { view: SelfView; action: string; problem?: FormErrors }) {
  const { lang } = useView();
  const { view } = props;
  const version = view.assessment?.version;
  if (version === undefined || (!view.allowed.submit && !view.allowed.reopen))
    return props.problem ? <ErrorSummary errors={props.problem} /> : null;
  return (
    <section class="card lifecycle" id="self-actions">
      <ErrorSummary errors={props.problem} reloadHref={props.action.replace(/\/actions$/, '')} />
      {view.allowed.submit ? (
        <form method="post" action={props.action} id="self-submit" class="stacked">
          <Hidden name="version" value={version} />
          <Hidden name="action" value="submit" />
          <button class="primary" type="submit">
            {t(lang, 'cuSubmitSelf')}
          </button>
        </form>
      ) : null}
      {view.allowed.reopen ? (
        <form method="post" action={props.action} id="self-reopen" class="stacked">
          <h2>{t(lang, 'cuReopenSelf')}</h2>
          <Hidden name="version" value={version} />
          <Hidden name="action" value="reopen" />
          <div class="field">
            <label for="f-reopen-reason">{t(lang, 'cuReopenReason')}</label>
            <textarea id="f-reopen-reason" name="reason" rows={2} maxlength={500} />
          </div>
          <div class="field">
            <label for="f-reopen-until">{t(lang, 'cuReopenUntil')}</label>
            <input type="date" id="f-reopen-until" name="until" />
          </div>
          <button class="secondary" type="submit">
            {t(lang, 'cuReopenSelf')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
