import {
  type Leaf,
  MAPPING_AGGREGATE_LABELS,
  MAPPING_AGGREGATES,
  type StandardIndicator,
  type SystemView,
  type Unit,
} from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import { Hidden } from '../../components/fields';
import { useView } from '../../context';
import { type FormErrors, type FormValues, str } from '../../forms';
import { t } from '../../i18n';
import { MAPPINGS_HREF } from '../sharing/paths';
import { cell } from './body';

/**
 * The mapping of one system's leaves: a row per leaf of its latest version — the leaf and its
 * unit, the standard indicator (with its unit) chosen, the conversion factor between the two
 * units, how the region's value is taken (and from which unit) — with the API's issues beside
 * the rows they concern. Qualitative leaves cannot be mapped and say so.
 */

function Row(props: {
  i: number;
  leaf: Leaf;
  library: readonly StandardIndicator[];
  units: readonly Unit[];
  values: FormValues;
  issues: string[] | undefined;
}) {
  const { lang } = useView();
  const { i, leaf, values } = props;
  const v = (f: string) => str(values[cell(i, f)]);
  const chosen = props.library.find((s) => s.code === v('standard'));
  const from = leaf.unitOfMeasure || '—';
  const label = (f: string) =>
    `${leaf.name} ${t(lang, f === 'standard' ? 'mpStandard' : f === 'factor' ? 'mpFactor' : f === 'aggregate' ? 'mpAggregate' : 'mpUnit')}`;
  const issueId = props.issues ? `m-${i}-issues` : undefined;
  return (
    <tr id={`leaf-${leaf.code}`} data-leaf={leaf.code} class={props.issues ? 'has-issue' : undefined}>
      <th scope="row">
        <span class="code">{leaf.code}</span> {leaf.name}
        {props.issues ? (
          <ul class="node-issues" id={issueId}>
            {props.issues.map((x) => (
              <li>{x}</li>
            ))}
          </ul>
        ) : null}
      </th>
      <td>{from}</td>
      {leaf.type === 'qualitative' ? (
        <td colspan={4} class="muted">
          {t(lang, 'mpQualitative')}
        </td>
      ) : (
        <>
          <td>
            <select name={cell(i, 'standard')} aria-label={label('standard')} aria-describedby={issueId}>
              <option value="">{t(lang, 'mpNone')}</option>
              {props.library.map((s) => (
                <option value={s.code} selected={s.code === v('standard')}>
                  {`${s.code} ${s.name}（${s.unit}）`}
                </option>
              ))}
            </select>
          </td>
          <td>
            <input
              type="number"
              name={cell(i, 'factor')}
              value={v('factor')}
              step="any"
              min="0"
              inputmode="decimal"
              aria-label={label('factor')}
              aria-describedby={`m-${i}-factor-hint`}
            />
            <span class="hint" id={`m-${i}-factor-hint`}>
              {t(lang, 'mpFactorHint', { from, to: chosen?.unit ?? '…' })}
            </span>
          </td>
          <td>
            <select name={cell(i, 'aggregate')} aria-label={label('aggregate')}>
              {MAPPING_AGGREGATES.map((a) => (
                <option value={a} selected={a === (v('aggregate') || 'mean')}>
                  {MAPPING_AGGREGATE_LABELS[a][lang]}
                </option>
              ))}
            </select>
          </td>
          <td>
            <select name={cell(i, 'unit')} aria-label={label('unit')}>
              <option value="">{t(lang, 'mpUnitNone')}</option>
              {props.units.map((u) => (
                <option value={u.code} selected={u.code === v('unit')}>
                  {u.name}
                </option>
              ))}
            </select>
          </td>
        </>
      )}
    </tr>
  );
}

export function MappingForm(props: {
  system: SystemView;
  leaves: readonly Leaf[];
  library: readonly StandardIndicator[];
  units: readonly Unit[];
  values: FormValues;
  errors: FormErrors;
  byRow: ReadonlyMap<number, string[]>;
  action: string;
}) {
  const { lang } = useView();
  const version = str(props.values.version);
  return (
    <form method="post" action={props.action} class="card editor" id="mapping-form" novalidate>
      <ErrorSummary errors={props.errors} reloadHref={props.action} id="mapping-error" />
      {version ? <Hidden name="version" value={version} /> : null}
      <div class="scroll">
        <table id="mapping-table" class="mapping">
          <caption>
            {t(lang, 'mpCaption', { name: props.system.name, v: props.system.systemVersion })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'mpLeaf')}</th>
              <th scope="col">{t(lang, 'mpLeafUnit')}</th>
              <th scope="col">{t(lang, 'mpStandard')}</th>
              <th scope="col">{t(lang, 'mpFactor')}</th>
              <th scope="col">{t(lang, 'mpAggregate')}</th>
              <th scope="col">{t(lang, 'mpUnit')}</th>
            </tr>
          </thead>
          <tbody>
            {props.leaves.map((leaf, i) => (
              <Row
                i={i}
                leaf={leaf}
                library={props.library}
                units={props.units}
                values={props.values}
                issues={props.byRow.get(i)}
              />
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <button class="primary" type="submit">
          {t(lang, 'mpSave')}
        </button>{' '}
        <a href={MAPPINGS_HREF}>{t(lang, 'cancel')}</a>
      </p>
    </form>
  );
}
