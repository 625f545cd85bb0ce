import type { CONTRACTS } from '@jixiao/api/contracts';
import { labelOf, type ValueStatus } from '@jixiao/core';
import type { SuccessOf } from '../../../../client/api-client';
import { ErrorSummary } from '../../../../components/feedback';
import { Hidden } from '../../../../components/fields';
import { seg, useView } from '../../../../context';
import { type FormErrors, type FormValues, str } from '../../../../forms';
import { num, t } from '../../../../i18n';
import { Badge, type Tone } from '../parts';

export type ValueRow = SuccessOf<typeof CONTRACTS.values.list>['items'][number];

/** A row's refused verification: which row, what was typed, why. */
export interface RowState {
  at: string;
  values: FormValues;
  errors: FormErrors;
}

export const rowKey = (r: { unit: string; leaf: string }) => `${r.unit}/${r.leaf}`;
const rowId = (r: { unit: string; leaf: string }) => `v-${r.unit}-${r.leaf}`;

const TONE: Record<ValueStatus, Tone> = { pending: 'todo', confirmed: 'done', corrected: 'back' };

/** 确认 and 更正 (value and reason) of one row, for who may verify it. */
function VerifyForms(props: { r: ValueRow; action: string; query: string; state: RowState | undefined }) {
  const { lang } = useView();
  const { r } = props;
  const typed = props.state?.values ?? {};
  const id = rowId(r);
  return (
    <>
      {props.state ? <ErrorSummary errors={props.state.errors} /> : null}
      {r.status !== 'confirmed' ? (
        <form method="post" action={props.action} class="inline" id={`${id}-confirm`}>
          <Hidden name="version" value={r.version} />
          <Hidden name="action" value="confirm" />
          <Hidden name="_q" value={props.query} />
          <button class="mini" type="submit">
            {t(lang, 'cuConfirm')}
          </button>
        </form>
      ) : null}
      <details open={!!props.state}>
        <summary>{t(lang, 'cuCorrect')}</summary>
        <form method="post" action={props.action} class="stacked" id={`${id}-correct`}>
          <Hidden name="version" value={r.version} />
          <Hidden name="action" value="correct" />
          <Hidden name="_q" value={props.query} />
          <div class="field">
            <label for={`${id}-value`}>{t(lang, 'cuCorrectedValue')}</label>
            <input type="text" id={`${id}-value`} name="value" inputmode="decimal" value={str(typed.value)} />
          </div>
          <div class="field">
            <label for={`${id}-reason`}>{t(lang, 'cuReason')}</label>
            <textarea id={`${id}-reason`} name="reason" rows={2} maxlength={1000}>
              {str(typed.reason)}
            </textarea>
          </div>
          <button class="secondary" type="submit">
            {t(lang, 'cuCorrect')}
          </button>
        </form>
      </details>
    </>
  );
}

/** The values of the cycle as the table shows them, each verifiable row with its forms. */
export function ValuesTable(props: {
  rows: readonly ValueRow[];
  cycleHref: string;
  query: string;
  state: RowState | undefined;
}) {
  const { lang } = useView();
  const anyVerify = props.rows.some((r) => r.mayVerify);
  return (
    <div class="scroll">
      <table id="values">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'unit')}</th>
            <th scope="col">{t(lang, 'cuIndicator')}</th>
            <th scope="col">{t(lang, 'cuOrigin')}</th>
            <th scope="col" class="num">
              {t(lang, 'cuOriginal')}
            </th>
            <th scope="col" class="num">
              {t(lang, 'cuValue')}
            </th>
            <th scope="col">{t(lang, 'status')}</th>
            <th scope="col">{t(lang, 'cuReason')}</th>
            {anyVerify ? <th scope="col">{t(lang, 'actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr
              id={rowId(r)}
              data-status={r.status}
              class={props.state?.at === rowKey(r) ? 'has-issue' : undefined}
            >
              <td>{r.unitName}</td>
              <td>
                {r.leafName} <span class="code">{r.leaf}</span>
              </td>
              <td>{labelOf('valueOrigin', r.origin, lang)}</td>
              <td class="num">{num(r.original)}</td>
              <td class="num">{num(r.value)}</td>
              <td>
                <Badge tone={TONE[r.status]} status={r.status}>
                  {labelOf('valueStatus', r.status, lang)}
                </Badge>
              </td>
              <td class="note">{r.reason ?? ''}</td>
              {anyVerify ? (
                <td>
                  {r.mayVerify ? (
                    <VerifyForms
                      r={r}
                      action={`${props.cycleHref}/values/${seg(r.unit)}/${seg(r.leaf)}`}
                      query={props.query}
                      state={props.state?.at === rowKey(r) ? props.state : undefined}
                    />
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
