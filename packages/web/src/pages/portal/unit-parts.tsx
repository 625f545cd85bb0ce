import { labelOf, type UnitReport } from '@jixiao/core';
import { useView } from '../../context';
import { t } from '../../i18n';
import { formatDay } from '../cycles/unit/parts';

/**
 * The parts of a unit's public page below its headline: each dimension (一级指标) as a collapsible
 * <details> (closed on a phone it is one line) with the unit's place in its group and the
 * indicators under it; where it lost most points; the appeals and their outcome; the
 * rectification tasks.
 */

type Dimension = UnitReport['dimensions'][number];
type Indicator = UnitReport['indicators'][number];

const valueText = (i: Indicator) =>
  i.value === null
    ? '—'
    : `${typeof i.value === 'number' ? String(i.value) : i.value}${i.unitOfMeasure ?? ''}`;

function DimensionDetails(props: { d: Dimension; indicators: Indicator[] }) {
  const { lang } = useView();
  const { d } = props;
  return (
    <details class="dimension" id={`dim-${d.code}`} data-verdict={d.verdict}>
      <summary>
        <span class="dim-name">{d.name}</span>{' '}
        <span class="dim-points">
          {d.points} / {d.max}
        </span>{' '}
        <span class={`badge verdict-${d.verdict}`}>{labelOf('positionVerdict', d.verdict, lang)}</span>
      </summary>
      <p class="muted">
        {t(lang, 'ptDimensionPlace', {
          position: d.position,
          of: d.of,
          mean: d.groupMean,
          max: d.groupMax,
          min: d.groupMin,
        })}
      </p>
      {props.indicators.length > 0 ? (
        <section class="scroll" aria-label={t(lang, 'ptIndicatorsOf', { dimension: d.name })} tabindex={0}>
          <table class="indicators">
            <caption>{t(lang, 'ptIndicatorsOf', { dimension: d.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'ptIndicator')}</th>
                <th scope="col">{t(lang, 'ptValue')}</th>
                <th scope="col">{t(lang, 'ptPoints')}</th>
                <th scope="col">{t(lang, 'ptReason')}</th>
              </tr>
            </thead>
            <tbody>
              {props.indicators.map((i) => (
                <tr data-leaf={i.code}>
                  <th scope="row">
                    {i.path.length > 1 ? <span class="muted">{i.path.slice(1).join(' / ')} / </span> : null}
                    {i.name}
                  </th>
                  <td>{valueText(i)}</td>
                  <td class="num">
                    {i.points} / {i.max}
                  </td>
                  <td>{i.reason[lang]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </details>
  );
}

export function Dimensions(props: { report: UnitReport }) {
  const { lang } = useView();
  const { report } = props;
  return (
    <section aria-labelledby="h-dimensions" id="dimensions">
      <h2 id="h-dimensions">{t(lang, 'ptDimensions')}</h2>
      <p class="hint">{t(lang, 'ptDimensionsHint')}</p>
      {report.dimensions.map((d) => (
        <DimensionDetails d={d} indicators={report.indicators.filter((i) => i.path[0] === d.name)} />
      ))}
      {report.losses.length > 0 ? (
        <div class="card" id="losses">
          <h3>{t(lang, 'ptLosses')}</h3>
          <ol>
            {report.losses.map((l) => (
              <li data-leaf={l.code}>{t(lang, 'ptLost', { name: l.name, lost: l.lost })}</li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}

export function Appeals(props: { report: UnitReport }) {
  const { lang } = useView();
  const list = props.report.appeals;
  return (
    <section class="card" aria-labelledby="h-appeals" id="appeals">
      <h2 id="h-appeals">{t(lang, 'ptAppeals')}</h2>
      {list.length === 0 ? <p class="muted">{t(lang, 'ptNoAppeals')}</p> : null}
      <ul class="plain items">
        {list.map((a) => (
          <li data-appeal={a.id} data-status={a.status}>
            <p>
              <strong>{a.subject}</strong> · {labelOf('appealStatus', a.status, lang)}
              {a.decidedOn ? ` · ${formatDay(a.decidedOn, lang)}` : ''}
            </p>
            {a.reason ? <p class="note">{a.reason}</p> : null}
            {a.before && a.after ? (
              <p>{t(lang, 'ptAppealChange', { before: a.before, after: a.after })}</p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Rectification(props: { report: UnitReport }) {
  const { lang } = useView();
  const list = props.report.rectification;
  return (
    <section class="card" aria-labelledby="h-rectification" id="rectification">
      <h2 id="h-rectification">{t(lang, 'ptRectification')}</h2>
      {list.length === 0 ? <p class="muted">{t(lang, 'ptNoTasks')}</p> : null}
      <ul class="plain items">
        {list.map((task) => (
          <li data-task={task.id} data-status={task.status}>
            <p>
              <strong>{task.title}</strong>
            </p>
            <p class="muted">
              {t(lang, 'ptTaskMeta', {
                owner: task.owner,
                deadline: formatDay(task.deadline, lang),
                status: labelOf('rectificationStatus', task.status, lang),
              })}
              {task.overdue ? <strong class="overdue"> · {t(lang, 'ptOverdue')}</strong> : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
