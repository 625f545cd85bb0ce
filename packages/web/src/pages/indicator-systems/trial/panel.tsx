import type { ScoringResult } from '@jixiao/core';
import { ErrorSummary } from '../../../components/feedback';
import { useView } from '../../../context';
import type { FormErrors } from '../../../forms';
import { t } from '../../../i18n';
import { TrialResults } from './results';

/**
 * The 试算 panel of a version page: sample inputs (JSON) in a textarea, and the API's scoring
 * result as a ranked table per group with each unit's breakdown in a <details>.
 */
export interface TrialState {
  inputs: string;
  result?: ScoringResult;
  errors?: FormErrors;
}

export function TrialPanel(props: {
  action: string;
  state: TrialState;
  unitNames: Map<string, string>;
  groupNames: Map<string, string>;
  levels: readonly string[];
  noUnits?: boolean;
}) {
  const { lang } = useView();
  const { state } = props;
  return (
    <section class="card" id="trial" aria-labelledby="h-trial">
      <h2 id="h-trial">{t(lang, 'trialTitle')}</h2>
      {props.noUnits ? <p class="muted">{t(lang, 'trialNoUnits')}</p> : null}
      <form method="post" action={`${props.action}#trial`}>
        <ErrorSummary errors={state.errors} />
        <div class="field">
          <label for="f-inputs">{t(lang, 'trialInputs')}</label>
          <span class="hint" id="f-inputs-hint">
            {t(lang, 'trialHint')}
          </span>
          <textarea id="f-inputs" name="inputs" rows={10} class="code-area" aria-describedby="f-inputs-hint">
            {state.inputs}
          </textarea>
        </div>
        <p>
          <button class="primary" type="submit">
            {t(lang, 'trialRun')}
          </button>
        </p>
      </form>
      {state.result ? (
        <TrialResults
          result={state.result}
          unitNames={props.unitNames}
          groupNames={props.groupNames}
          levels={props.levels}
        />
      ) : null}
    </section>
  );
}
