import type { Option } from '../../../../components/fields';
import { useView } from '../../../../context';
import { t } from '../../../../i18n';

/** What a refused bulk entry shows again: the indicator chosen, the rows pasted, the lines that failed. */
export interface SupplyState {
  leaf: string;
  text: string;
  errors: string[];
  message?: string;
}

/** 一数一源 批量录入: choose the indicator, paste two columns from Excel (unit, value). */
export function SupplyForm(props: { action: string; leaves: readonly Option[]; state?: SupplyState }) {
  const { lang } = useView();
  const s = props.state;
  return (
    <section class="card mt" id="supply" aria-labelledby="h-supply">
      <h2 id="h-supply">{t(lang, 'cuSupplyTitle')}</h2>
      <p class="muted">{t(lang, 'cuSupplyHint')}</p>
      {s && (s.errors.length || s.message) ? (
        <div class="alert" role="alert">
          <strong>{s.message ?? t(lang, 'cuPasteFailed')}</strong>
          {s.errors.length ? (
            <ul>
              {s.errors.map((e) => (
                <li>{e}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <form method="post" action={props.action} class="stacked" id="supply-form">
        <div class="field">
          <label for="f-supply-leaf">{t(lang, 'cuIndicator')}</label>
          <select id="f-supply-leaf" name="leaf" required>
            {props.leaves.map((o) => (
              <option value={o.value} selected={o.value === s?.leaf}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-supply-rows">{t(lang, 'cuPasteRows')}</label>
          <span class="hint" id="f-supply-rows-hint">
            {t(lang, 'cuPasteRowsHint')}
          </span>
          <textarea
            id="f-supply-rows"
            name="rows"
            rows={10}
            class="code-area"
            aria-describedby="f-supply-rows-hint"
          >
            {s?.text ?? ''}
          </textarea>
        </div>
        <button class="primary" type="submit">
          {t(lang, 'cuSupply')}
        </button>
      </form>
    </section>
  );
}
