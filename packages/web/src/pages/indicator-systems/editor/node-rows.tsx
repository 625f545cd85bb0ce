import {
  DATA_SOURCE_LABELS,
  DATA_SOURCES,
  DIRECTION_LABELS,
  DIRECTIONS,
  INDICATOR_TYPE_LABELS,
  INDICATOR_TYPES,
  MEASURED_PARTIES,
  MEASURED_PARTY_LABELS,
  MISSING_POLICIES,
  MISSING_POLICY_LABELS,
  RULE_KINDS,
} from '@jixiao/core';
import { PARAM_EXAMPLES } from '@jixiao/reports/grammar';
import { Hidden } from '../../../components/fields';
import { useView } from '../../../context';
import { type MessageKey, t } from '../../../i18n';
import { enumOptions, ruleName } from '../labels';
import { NodeIssues } from '../version/issues';
import { Area, fid, type GroupOption, Inp, OpButton, Sel, SumOut } from './controls';
import { AppliesTo, ParamText } from './leaf-fields';
import type { EdNode } from './model';
import type { EditorErrors } from './place-issues';

/**
 * The tree's rows in the editor: per node its level, code, name, weight (with its children's sum
 * for a branch) and the structural buttons; per leaf a second row with its details. 考核办设定参数
 * is editable only where the caller may set it (`officeParams`: the office, on a draft).
 */

type LeafChoice = 'direction' | 'type' | 'source' | 'rule';

export function NodeRows(props: {
  n: EdNode;
  k: string;
  parent: string;
  depth: number;
  count: number;
  index: number;
  errors: EditorErrors;
  groups: GroupOption[];
  /** Whether the caller may set office parameters (the version's `allowed.officeParams`). */
  officeParams: boolean;
  focus?: string;
}) {
  const { lang } = useView();
  const { n, k, depth, errors } = props;
  const p = (f: string) => `n.${k}.${f}`;
  const anchor = `node-${k.replace(/\./g, '-')}`;
  const rowIssues = errors.rows.get(anchor);
  const who = `${n.code || '—'} ${n.name}`.trim();
  const level = t(lang, depth === 0 ? 'level1' : depth === 1 ? 'level2' : 'level3');
  const isBranch = n.kind === 'branch';
  /** A leaf's choices: direction, indicator type, data source, scoring rule. */
  const choices: [LeafChoice, MessageKey, { value: string; label: string }[]][] = [
    ['direction', 'direction', enumOptions(lang, DIRECTIONS, DIRECTION_LABELS)],
    ['type', 'indicatorType', enumOptions(lang, INDICATOR_TYPES, INDICATOR_TYPE_LABELS)],
    ['source', 'dataSource', enumOptions(lang, DATA_SOURCES, DATA_SOURCE_LABELS)],
    ['rule', 'ruleMethod', RULE_KINDS.map((r) => ({ value: r, label: ruleName(lang, r) }))],
  ];
  return (
    <>
      <tr
        id={anchor}
        data-key={k}
        class={`lv${depth + 1}${isBranch ? ' branch' : ' leaf'}${rowIssues ? ' has-issue' : ''}`}
      >
        <td>
          <div class={`indent d${depth}`}>
            <span class="lvl">{level}</span>
            <Hidden name={p('kind')} value={n.kind} />
            <Hidden name={p('extra')} value={n.extra} />
            <Inp
              name={p('code')}
              value={n.code}
              label={`${level} ${t(lang, 'code')}`}
              errors={errors}
              class="code"
              autofocus={props.focus === `n.${k}`}
            />
          </div>
        </td>
        <td>
          <Inp name={p('name')} value={n.name} label={`${who} ${t(lang, 'name')}`} errors={errors} />
          {isBranch ? (
            <details class="criteria" open={errors.fields[p('criteria')] ? true : undefined}>
              <summary>
                {t(lang, 'criteria')}
                {n.criteria.trim() ? t(lang, 'criteriaFilled') : ''}
              </summary>
              <Area
                name={p('criteria')}
                value={n.criteria}
                label={`${who} ${t(lang, 'criteria')}`}
                errors={errors}
              />
            </details>
          ) : null}
          <NodeIssues issues={rowIssues?.map((x) => ({ path: k, zh: x, en: x }))} />
        </td>
        <td>
          <Inp
            name={p('weight')}
            value={n.weight}
            label={`${who} ${t(lang, 'weight')}`}
            errors={errors}
            class="weight"
            inputmode="decimal"
            data={{ w: k, parent: props.parent === '' ? 'root' : props.parent }}
          />
          {isBranch ? (
            <SumOut forKey={k} values={n.children.map((c) => c.weight)} expected={n.weight} />
          ) : null}
        </td>
        <td class="ops">
          {props.index > 0 ? <OpButton op={`up:${k}`} label="↑" title={`${t(lang, 'opUp')} ${who}`} /> : null}
          {props.index < props.count - 1 ? (
            <OpButton op={`down:${k}`} label="↓" title={`${t(lang, 'opDown')} ${who}`} />
          ) : null}
          {depth < 2 ? (
            <OpButton
              op={`add-child:${k}`}
              label={t(lang, 'opAddChild')}
              title={`${t(lang, 'opAddChild')} ${who}`}
            />
          ) : null}
          <OpButton
            op={`add-sibling:${k}`}
            label={t(lang, 'opAddSibling')}
            title={`${t(lang, 'opAddSibling')} ${who}`}
          />
          <OpButton
            op={`remove:${k}`}
            label={t(lang, 'opRemove')}
            title={`${t(lang, 'opRemove')} ${who}`}
            danger
          />
        </td>
      </tr>
      {isBranch ? null : (
        <tr class={`leaf-detail lv${depth + 1}`} data-key={k}>
          <td />
          <td colspan={3}>
            <div class={`grid indent-detail d${depth}`}>
              <Inp
                name={p('unit')}
                value={n.unit}
                label={t(lang, 'unitOfMeasure')}
                errors={errors}
                visibleLabel
                class="short"
              />
              {choices.map(([field, label, options]) => (
                <Sel
                  name={p(field)}
                  value={n[field]}
                  label={t(lang, label)}
                  options={options}
                  errors={errors}
                />
              ))}
              <ParamText
                name={p('params')}
                value={n.params}
                label={t(lang, 'ruleParams')}
                hint={t(lang, 'paramsHint', {
                  example:
                    PARAM_EXAMPLES[
                      (RULE_KINDS as string[]).includes(n.rule)
                        ? (n.rule as keyof typeof PARAM_EXAMPLES)
                        : 'target_completion'
                    ],
                })}
                errors={errors}
              />
              <ParamText
                name={p('officeParams')}
                value={n.officeParams}
                label={t(lang, 'officeParams')}
                hint={t(lang, props.officeParams ? 'officeParamsHint' : 'officeParamsReadonly')}
                errors={errors}
                readonly={!props.officeParams}
              />
              <Sel
                name={p('party')}
                value={n.party}
                label={t(lang, 'party')}
                options={[
                  { value: '', label: t(lang, 'none') },
                  ...enumOptions(lang, MEASURED_PARTIES, MEASURED_PARTY_LABELS),
                ]}
                errors={errors}
              />
              <Area name={p('criteria')} value={n.criteria} label={t(lang, 'criteria')} errors={errors} />
              <div class="cell">
                <label class="check" for={fid(p('evidence'))}>
                  <input
                    type="checkbox"
                    id={fid(p('evidence'))}
                    name={p('evidence')}
                    value="true"
                    checked={n.evidence}
                  />
                  {t(lang, 'evidenceRequired')}
                </label>
              </div>
              <Inp
                name={p('evidenceDescription')}
                value={n.evidenceDescription}
                label={t(lang, 'evidenceDescription')}
                errors={errors}
                visibleLabel
                class="wide"
              />
              <Sel
                name={p('missing')}
                value={n.missing}
                label={t(lang, 'missingData')}
                options={[
                  { value: '', label: t(lang, 'missingFollow') },
                  ...enumOptions(lang, MISSING_POLICIES, MISSING_POLICY_LABELS),
                ]}
                errors={errors}
              />
              <AppliesTo name={p('appliesTo')} value={n.appliesTo} groups={props.groups} errors={errors} />
            </div>
          </td>
        </tr>
      )}
      {n.children.map((c, i) => (
        <NodeRows
          n={c}
          k={`${k}.${i}`}
          parent={k}
          depth={depth + 1}
          count={n.children.length}
          index={i}
          errors={errors}
          groups={props.groups}
          officeParams={props.officeParams}
          focus={props.focus}
        />
      ))}
    </>
  );
}
