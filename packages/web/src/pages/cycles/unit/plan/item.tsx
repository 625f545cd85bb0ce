import { type ItemReview, labelOf, type PlanView, PROGRESS_MODES } from '@jixiao/core';
import { Hidden } from '../../../../components/fields';
import { useView } from '../../../../context';
import { num, t } from '../../../../i18n';
import { Cell, CellArea, CellSelect, CellText, type FieldErrors } from '../controls';
import { RowIssues } from '../issues';
import { formatDay } from '../parts';
import { type ItemRow, milestoneRows } from './model';

type Leaf = PlanView['leaves'][number];

/** The anchor of an indicator's card. */
export const itemAnchor = (leaf: string) => `item-${leaf}`;

/** The office's latest word on an indicator (this round or before), if any. */
export const latestReview = (reviews: readonly ItemReview[], leaf: string): ItemReview | undefined =>
  reviews.filter((r) => r.leaf === leaf).at(-1);

/** 同意 / 退回 with the office's comment; a returned indicator stands out (an alert box). */
function ReviewNote(props: { review: ItemReview | undefined }) {
  const { lang } = useView();
  const r = props.review;
  if (!r) return null;
  return (
    <div class={r.decision === 'returned' ? 'alert' : 'flash'} data-review={r.decision}>
      <strong>
        {t(lang, 'cuReviewRound', { n: r.round })}
        {t(lang, 'colon')}
        {labelOf('reviewDecision', r.decision, lang)}
      </strong>
      {r.comment ? <p class="note">{r.comment}</p> : null}
    </div>
  );
}

/** What the indicator is: unit of measure, weight, and the office's fixed target (read-only). */
function LeafFacts(props: { leaf: Leaf }) {
  const { lang } = useView();
  const { leaf } = props;
  return (
    <p class="muted">
      {leaf.unitOfMeasure ? `${t(lang, 'unitOfMeasure')}${t(lang, 'colon')}${leaf.unitOfMeasure} · ` : ''}
      {t(lang, 'weight')}
      {t(lang, 'colon')}
      {num(leaf.weight)}
      {leaf.officeTarget !== undefined
        ? ` · ${t(lang, 'cuOfficeTarget')}${t(lang, 'colon')}${num(leaf.officeTarget)}${leaf.unitOfMeasure ?? ''}`
        : ''}
    </p>
  );
}

function Milestones(props: { row: number; item: ItemRow; errors: FieldErrors }) {
  const { lang } = useView();
  const { row, errors } = props;
  return (
    <fieldset class="plain">
      <legend>{t(lang, 'cuMilestones')}</legend>
      {milestoneRows(props.item.milestones).map((m, j) => {
        const n = (f: string) => `i.${row}.m.${j}.${f}`;
        return (
          <div class="grid" data-milestone={j}>
            <Cell name={n('name')} label={t(lang, 'cuMsName', { n: j + 1 })} value={m.name} errors={errors} />
            <Cell name={n('due')} label={t(lang, 'cuMsDue')} value={m.due} type="date" errors={errors} />
            <Cell name={n('owner')} label={t(lang, 'cuMsOwner')} value={m.owner} errors={errors} />
            <Cell
              name={n('standard')}
              label={t(lang, 'cuMsStandard')}
              value={m.standard}
              errors={errors}
              class="wide"
            />
            <Hidden name={n('done')} value={m.done ? 'true' : ''} />
          </div>
        );
      })}
    </fieldset>
  );
}

/** One indicator of the plan as a form: its target, basis, standard, measures, owner and milestones. */
export function ItemFields(props: {
  row: number;
  leaf: Leaf;
  item: ItemRow;
  review: ItemReview | undefined;
  errors: FieldErrors;
  issues: readonly string[] | undefined;
}) {
  const { lang } = useView();
  const { row, leaf, item, errors } = props;
  const n = (f: string) => `i.${row}.${f}`;
  const modes = PROGRESS_MODES.map((m) => ({ value: m, label: labelOf('progressMode', m, lang) }));
  return (
    <section class="card" id={itemAnchor(leaf.code)} data-leaf={leaf.code}>
      <h3>
        {leaf.name} <span class="code">{leaf.code}</span>
      </h3>
      <LeafFacts leaf={leaf} />
      <ReviewNote review={props.review} />
      <RowIssues issues={props.issues} />
      <Hidden name={n('leaf')} value={leaf.code} />
      <div class="grid">
        {leaf.officeTarget !== undefined ? (
          <>
            <CellText label={t(lang, 'cuTarget')}>
              {num(leaf.officeTarget)}
              {leaf.unitOfMeasure ?? ''} <span class="muted">{t(lang, 'officeParamsReadonly')}</span>
            </CellText>
            <Hidden name={n('target')} value={num(leaf.officeTarget)} />
          </>
        ) : leaf.type === 'quantitative' ? (
          <Cell
            name={n('target')}
            label={t(lang, 'cuTarget')}
            hint={leaf.unitOfMeasure}
            value={item.target}
            inputmode="decimal"
            errors={errors}
            class="short"
          />
        ) : null}
        <Cell
          name={n('targetText')}
          label={t(lang, 'cuTargetText')}
          value={item.targetText}
          errors={errors}
          class="wide"
        />
        <Cell name={n('owner')} label={t(lang, 'cuOwner')} value={item.owner} errors={errors} />
        <CellSelect
          name={n('progress')}
          label={t(lang, 'cuProgressMode')}
          value={item.progress}
          options={modes}
          errors={errors}
        />
        <CellArea
          name={n('basis')}
          label={t(lang, 'cuItemBasis')}
          value={item.basis}
          errors={errors}
          class="wide"
        />
        <CellArea
          name={n('standard')}
          label={t(lang, 'cuStandard')}
          value={item.standard}
          errors={errors}
          class="wide"
        />
        <CellArea
          name={n('measures')}
          label={t(lang, 'cuMeasures')}
          value={item.measures}
          errors={errors}
          class="wide"
        />
      </div>
      <Milestones row={row} item={item} errors={errors} />
    </section>
  );
}

/** One indicator of the plan, read only (the office, or a plan that is not the unit's to change now). */
export function ItemView(props: {
  leaf: Leaf;
  item: ItemRow;
  review: ItemReview | undefined;
  issues: readonly string[] | undefined;
}) {
  const { lang } = useView();
  const { leaf, item } = props;
  const rows: [string, string][] = [
    [t(lang, 'cuTarget'), item.target ? `${item.target}${leaf.unitOfMeasure ?? ''}` : ''],
    [t(lang, 'cuTargetText'), item.targetText],
    [t(lang, 'cuItemBasis'), item.basis],
    [t(lang, 'cuStandard'), item.standard],
    [t(lang, 'cuMeasures'), item.measures],
    [t(lang, 'cuOwner'), item.owner],
    [
      t(lang, 'cuProgressMode'),
      item.progress === 'level' || item.progress === 'cumulative'
        ? labelOf('progressMode', item.progress, lang)
        : '',
    ],
  ];
  return (
    <section class="card" id={itemAnchor(leaf.code)} data-leaf={leaf.code}>
      <h3>
        {leaf.name} <span class="code">{leaf.code}</span>
      </h3>
      <LeafFacts leaf={leaf} />
      <ReviewNote review={props.review} />
      <RowIssues issues={props.issues} />
      <dl class="facts">
        {rows
          .filter(([, v]) => v !== '')
          .map(([k, v]) => (
            <>
              <dt>{k}</dt>
              <dd class="note">{v}</dd>
            </>
          ))}
      </dl>
      {item.milestones.length ? (
        <table>
          <caption class="muted">{t(lang, 'cuMilestonesView')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'cuMsNameCol')}</th>
              <th scope="col">{t(lang, 'cuMsDue')}</th>
              <th scope="col">{t(lang, 'cuMsOwner')}</th>
              <th scope="col">{t(lang, 'cuMsStandard')}</th>
            </tr>
          </thead>
          <tbody>
            {item.milestones.map((m) => (
              <tr>
                <td>{m.name}</td>
                <td>{formatDay(m.due, lang)}</td>
                <td>{m.owner}</td>
                <td>{m.standard}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
