import { type CycleTarget, type CycleView, type IndicatorNode, leavesOf, usesTarget } from '@jixiao/core';
import { ErrorSummary } from '../../../components/feedback';
import { FieldError, Hidden } from '../../../components/fields';
import { useView } from '../../../context';
import { type FormErrors, type FormValues, noErrors, numberFrom, str } from '../../../forms';
import { formatNumber, t } from '../../../i18n';
import { leafRowsFrom } from './cycle-form';
import { KeptNote, keptVersion } from './kept';
import { cycleHref } from './paths';

/**
 * 本周期目标值: targets the office fixes for this cycle, in place of the bound system's own
 * (`officeParams.target`) for the year. The editor lists the numeric leaves of the bound versions
 * whose rule compares with a target (and any leaf already given one), each beside the system's
 * target; a blank input keeps the system's.
 */

export interface TargetChoices {
  leaves: { code: string; name: string; systemTarget?: number; unitOfMeasure?: string }[];
}

/** The leaves of a bound version the office may fix a target for: numeric ones whose rule uses a target. */
export const targetLeavesOf = (dimensions: readonly IndicatorNode[]): TargetChoices['leaves'] =>
  leavesOf(dimensions)
    .filter((l) => l.type === 'quantitative' && usesTarget(l))
    .map((l) => ({
      code: l.code,
      name: l.name,
      ...(l.officeParams?.target !== undefined ? { systemTarget: l.officeParams.target } : {}),
      ...(l.unitOfMeasure !== undefined ? { unitOfMeasure: l.unitOfMeasure } : {}),
    }));

export const targetField = (leaf: string) => `target.${leaf}`;

/** The targets from the form's `target.<leaf>` inputs, and where each body row came from. */
export function targetsFrom(form: FormValues) {
  // Typed as the API's body; a value that is not a number is refused by the API at its field.
  const { rows, renames, fields } = leafRowsFrom(
    form,
    'target',
    'targets',
    (leaf, typed): CycleTarget => ({
      leaf,
      target: numberFrom(typed) as number,
    }),
  );
  return { targets: rows, renames, fields };
}

export function Targets(props: {
  cycle: CycleView;
  choices: TargetChoices | undefined;
  state?: { values: FormValues; errors: FormErrors } | undefined;
}) {
  const { lang } = useView();
  const { cycle, choices, state } = props;
  const known = new Map((choices?.leaves ?? []).map((l) => [l.code, l]));
  const fixed = new Map((cycle.targets ?? []).map((x) => [x.leaf, x.target]));
  const leaves = [...new Set([...known.keys(), ...fixed.keys()])];
  const editing = cycle.allowed.edit && choices !== undefined;
  if (leaves.length === 0 && !cycle.allowed.edit) return null;
  const errors = state?.errors ?? noErrors();
  const typed = (leaf: string) => {
    if (state) return str(state.values[targetField(leaf)]);
    const v = fixed.get(leaf);
    return v === undefined ? '' : String(v);
  };
  const named = (code: string) => {
    const name = known.get(code)?.name;
    return name ? `${name}（${code}）` : code;
  };
  const systemTarget = (code: string) => {
    const l = known.get(code);
    if (l?.systemTarget === undefined) return t(lang, 'cyTargetsNoSystem');
    return `${formatNumber(l.systemTarget)}${l.unitOfMeasure ?? ''}`;
  };
  const head = (
    <thead>
      <tr>
        <th scope="col">{t(lang, 'cyLeaf')}</th>
        <th scope="col" class="num">
          {t(lang, 'cyTargetsSystem')}
        </th>
        <th scope="col" class="num">
          {t(lang, 'cyTargetsCycle')}
        </th>
      </tr>
    </thead>
  );
  return (
    <section class="card" aria-labelledby="h-targets">
      <h2 id="h-targets">{t(lang, 'cyTargets')}</h2>
      {editing ? <p class="hint">{t(lang, 'cyTargetsHint')}</p> : null}
      {editing ? (
        leaves.length === 0 ? (
          <p class="muted">{t(lang, 'cyTargetsNoLeaves')}</p>
        ) : (
          <form method="post" action={`${cycleHref(cycle.id)}/targets`} id="cycle-targets" novalidate>
            <ErrorSummary errors={errors} reloadHref={cycleHref(cycle.id)} />
            <KeptNote errors={state?.errors} />
            <Hidden name="version" value={keptVersion(state, cycle.version)} />
            <table>
              {head}
              <tbody>
                {leaves.map((leaf) => {
                  const name = targetField(leaf);
                  const error = errors.fields[name];
                  const unit = known.get(leaf)?.unitOfMeasure;
                  return (
                    <tr data-leaf={leaf}>
                      <th scope="row">
                        <label for={`f-${name}`}>{named(leaf)}</label>
                      </th>
                      <td class="num">{systemTarget(leaf)}</td>
                      <td class="num">
                        <input
                          id={`f-${name}`}
                          name={name}
                          value={typed(leaf)}
                          inputmode="decimal"
                          aria-invalid={error ? 'true' : undefined}
                          aria-describedby={error ? `f-${name}-error` : undefined}
                        />
                        {unit ? ` ${unit}` : null}
                        <FieldError name={name} error={error} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <p>
              <button class="primary" type="submit">
                {t(lang, 'save')}
              </button>
            </p>
          </form>
        )
      ) : fixed.size === 0 ? (
        <p class="muted">{t(lang, 'cyTargetsNone')}</p>
      ) : (
        <table id="targets">
          {head}
          <tbody>
            {[...fixed].map(([leaf, target]) => (
              <tr data-leaf={leaf}>
                <td>{named(leaf)}</td>
                <td class="num">{systemTarget(leaf)}</td>
                <td class="num">
                  {formatNumber(target)}
                  {known.get(leaf)?.unitOfMeasure ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
