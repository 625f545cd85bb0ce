import {
  apportion,
  type IndicatorNode,
  isBranch,
  PROVENANCE_KIND_LABELS,
  type SystemView,
} from '@jixiao/core';
import { ErrorSummary } from '../../../components/feedback';
import { FieldError, Hidden } from '../../../components/fields';
import { useView } from '../../../context';
import type { FormErrors } from '../../../forms';
import { num, t } from '../../../i18n';
import { versionHref } from '../paths';
import type { LifecycleState } from './lifecycle';

/**
 * 调整权重: on a draft whose weights do not add up (the KPI plan's 110), the office chooses the
 * correction per sibling list — scale every weight of the list to the expected sum, or name which
 * weights to lower and by how much (the reductions must remove exactly the excess; the API checks
 * and its field errors come back to the inputs). The console chooses nothing itself.
 */

/** A correction the office submitted and the API refused: what was typed, and why. */
export interface CorrectionForm {
  /** The sibling list (`dimensions`, `dimensions.0.children`). */
  path: string;
  method: string;
  /** Node code → points typed to take off. */
  values: Record<string, string>;
  errors: FormErrors;
}

/** What the version page carries for this card when it re-renders a refused correction. */
export interface CorrectionState {
  weightCorrection?: CorrectionForm;
}

/** The form field of a node's reduction, and the error path the API reports for it. */
export const reductionField = (code: string) => `r.${code}`;
export const reductionErrorField = (code: string) => `correction.reductions.${code}`;
export const REDUCTIONS_FIELD = 'correction.reductions';

/** The nodes of a sibling list and the branch that holds it (none for the dimensions). */
function listAt(
  dimensions: readonly IndicatorNode[],
  path: string,
): { nodes: readonly IndicatorNode[]; parent?: IndicatorNode } | undefined {
  const steps = path.split('.').slice(1);
  let nodes = dimensions;
  let parent: IndicatorNode | undefined;
  for (let k = 0; k < steps.length; k += 2) {
    const n = nodes[Number(steps[k])];
    if (!n || !isBranch(n) || steps[k + 1] !== 'children') return undefined;
    parent = n;
    nodes = n.children;
  }
  return { nodes, ...(parent ? { parent } : {}) };
}

const placesOf = (x: number) => {
  const s = String(x);
  return s.includes('.') && !s.includes('e') ? s.length - s.indexOf('.') - 1 : 0;
};

const anchorOfList = (path: string) => `wc-${path.replace(/\./g, '-')}`;

/**
 * The card, when the caller may edit this draft and a sibling list's weights do not add up. `state`
 * is the version page's (which carries a refused correction when this card's route re-renders it).
 */
export function WeightCorrection(props: { s: SystemView; state?: LifecycleState & CorrectionState }) {
  const { lang } = useView();
  const { s } = props;
  const editable = s.status === 'draft' && s.allowed.edit;
  const paths = [...new Set(s.issues.filter((i) => i.check === 'weight_sum').map((i) => i.path))];
  const lists = (editable ? paths : []).flatMap((path) => {
    const at = listAt(s.dimensions, path);
    const sum = s.weights.find((w) => w.path === path);
    return at && sum ? [{ path, ...at, sum: sum.sum, expected: sum.expected }] : [];
  });
  const submitted = props.state?.weightCorrection;
  // A refused correction is explained even when its list is gone (corrected meanwhile, or filed).
  if (lists.length === 0 && !submitted) return null;
  const orphan = submitted && !lists.some((l) => l.path === submitted.path);
  return (
    <section class="card weight-correction" id="weight-correction" aria-labelledby="h-wc">
      <h2 id="h-wc">{t(lang, 'wcTitle')}</h2>
      <p class="muted">{t(lang, 'wcIntro')}</p>
      {orphan ? (
        <ErrorSummary errors={submitted.errors} reloadHref={versionHref(s.id, s.systemVersion)} />
      ) : null}
      {lists.map((l) => (
        <SiblingList s={s} {...l} submitted={submitted?.path === l.path ? submitted : undefined} />
      ))}
    </section>
  );
}

function SiblingList(props: {
  s: SystemView;
  path: string;
  nodes: readonly IndicatorNode[];
  parent?: IndicatorNode;
  sum: number;
  expected: number;
  submitted: CorrectionForm | undefined;
}) {
  const { lang } = useView();
  const { s, path, nodes, parent, sum, expected, submitted } = props;
  const href = `${versionHref(s.id, s.systemVersion)}/weight-corrections`;
  const id = anchorOfList(path);
  // 原文权重 only when the source gives every weight of the list (the KPI plan's seven aspects).
  const fromSource = nodes.every(
    (n) => n.provenance?.kind === 'source' && (n.provenance.covers ?? []).includes('weight'),
  );
  const excess = Math.round((sum - expected) * 1e6) / 1e6;
  const places = Math.max(s.decimals, placesOf(expected));
  const scaled =
    sum > 0
      ? apportion(
          expected,
          nodes.map((n) => n.weight),
          places,
        )
      : undefined;
  const sep = lang === 'zh' ? '、' : ', ';
  const errors = submitted?.errors;
  const typed = submitted?.method === 'lower' ? submitted.values : {};
  return (
    <div class="wc-list" id={id} data-path={path}>
      <h3>
        {parent ? t(lang, 'wcChildren', { name: `${parent.code} ${parent.name}` }) : t(lang, 'wcDimensions')}
      </h3>
      <p class="wc-sum" data-sum={sum} data-expected={expected}>
        {fromSource
          ? t(lang, 'wcSumSource', {
              src: PROVENANCE_KIND_LABELS.source[lang],
              sum: num(sum),
              expected: num(expected),
            })
          : t(lang, 'wcSum', { sum: num(sum), expected: num(expected) })}
      </p>
      {errors ? <ErrorSummary errors={errors} reloadHref={versionHref(s.id, s.systemVersion)} /> : null}
      <div class="wc-forms">
        {scaled ? (
          <form method="post" action={href} class="wc-scale" id={`${id}-scale`}>
            <Hidden name="version" value={s.version} />
            <Hidden name="path" value={path} />
            <Hidden name="method" value="scale" />
            <p class="hint">
              {t(lang, 'wcScaleHint', {
                list: nodes.map((n, i) => `${n.code} ${num(n.weight)} → ${num(scaled[i])}`).join(sep),
              })}
            </p>
            <button class="primary" type="submit" data-correction="scale">
              {t(lang, 'wcScale', { n: num(expected) })}
            </button>
          </form>
        ) : null}
        {excess > 0 ? (
          <form method="post" action={href} class="wc-lower" id={`${id}-lower`}>
            <Hidden name="version" value={s.version} />
            <Hidden name="path" value={path} />
            <Hidden name="method" value="lower" />
            <fieldset class="plain">
              <legend>{t(lang, 'wcLower')}</legend>
              <p class="hint">{t(lang, 'wcLowerHint', { n: num(excess) })}</p>
              <table class="wc-table">
                <thead>
                  <tr>
                    <th scope="col">{t(lang, 'code')}</th>
                    <th scope="col">{t(lang, 'name')}</th>
                    <th scope="col" class="num">
                      {t(lang, 'weight')}
                    </th>
                    <th scope="col">{t(lang, 'wcReduction')}</th>
                  </tr>
                </thead>
                <tbody>
                  {nodes.map((n) => {
                    const field = `${id}-${n.code}`;
                    const error = errors?.fields[reductionErrorField(n.code)];
                    return (
                      <tr>
                        <td>{n.code}</td>
                        <td>
                          <label for={`f-${field}`}>{n.name}</label>
                        </td>
                        <td class="num">{num(n.weight)}</td>
                        <td>
                          <input
                            type="number"
                            id={`f-${field}`}
                            name={reductionField(n.code)}
                            value={typed[n.code] ?? ''}
                            min="0"
                            max={String(n.weight)}
                            step="any"
                            inputmode="decimal"
                            aria-invalid={error ? 'true' : undefined}
                            aria-describedby={error ? `f-${field}-error` : undefined}
                          />
                          <FieldError name={field} error={error} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <FieldError name={`${id}-reductions`} error={errors?.fields[REDUCTIONS_FIELD]} />
            </fieldset>
            <button class="secondary" type="submit" data-correction="lower">
              {t(lang, 'wcLowerSubmit')}
            </button>
          </form>
        ) : null}
      </div>
    </div>
  );
}
