import {
  DATA_SOURCE_LABELS,
  DIRECTION_LABELS,
  INDICATOR_TYPE_LABELS,
  type IndicatorNode,
  isBranch,
  type Leaf,
  MEASURED_PARTY_LABELS,
  type SystemContent,
} from '@jixiao/core';
import { formatRuleParams } from '@jixiao/reports/grammar';
import { hasProvenance, ProvenanceLegend, ProvenanceNote } from '../../../components/provenance';
import { useView } from '../../../context';
import { type MessageKey, num, t } from '../../../i18n';
import { ruleName } from '../labels';
import { type IssueAt, issuesByAnchor, NodeIssues } from './issues';

/**
 * The tree, read-only, as the Excel layout shows it: one row per node, its name in its level's
 * column, with where it comes from (原文 / 示例), whose performance a leaf measures and what the
 * office fixes for it.
 */

interface Row {
  node: IndicatorNode;
  key: string;
  depth: number;
}

export function flatten(nodes: readonly IndicatorNode[], prefix = '', depth = 0): Row[] {
  return nodes.flatMap((node, i) => {
    const key = prefix ? `${prefix}.${i}` : String(i);
    return [{ node, key, depth }, ...(isBranch(node) ? flatten(node.children, key, depth + 1) : [])];
  });
}

const sum = (nodes: readonly { weight: number }[]) =>
  Math.round(nodes.reduce((s, n) => s + n.weight, 0) * 1e6) / 1e6;

/** Office arguments the console names in words; the others show as the calculator names them. */
const OFFICE_ARGS: Readonly<Record<string, { key: MessageKey; suffix: string }>> = {
  ratePercent: { key: 'argRatePercent', suffix: '%' },
};

/**
 * Under a leaf's name: whose performance it measures (评价对象), and 考核办设定参数 — the target
 * and the formula arguments the office fixes (never the unit).
 */
function LeafNotes(props: { leaf: Leaf }) {
  const { lang } = useView();
  const { party } = props.leaf;
  return (
    <>
      {party ? (
        <div class="party" data-party={party}>
          {t(lang, 'party')}
          {t(lang, 'colon')}
          {MEASURED_PARTY_LABELS[party][lang]}
        </div>
      ) : null}
      <OfficeParamsNote leaf={props.leaf} />
    </>
  );
}

function OfficeParamsNote(props: { leaf: Leaf }) {
  const { lang } = useView();
  const { officeParams: p, unitOfMeasure } = props.leaf;
  if (!p || (p.target === undefined && Object.keys(p.args ?? {}).length === 0)) return null;
  const sep = lang === 'zh' ? '；' : '; ';
  const parts = [
    ...(p.target === undefined ? [] : [`${t(lang, 'officeTarget')} ${num(p.target)}${unitOfMeasure ?? ''}`]),
    ...Object.entries(p.args ?? {}).map(([k, v]) => {
      const known = OFFICE_ARGS[k];
      const value = typeof v === 'number' ? num(v) : `[${v.map(num).join(', ')}]`;
      return known ? `${t(lang, known.key)} ${value}${known.suffix}` : `${k} = ${value}`;
    }),
  ];
  return (
    <div class="office-params" data-office-params>
      {t(lang, 'officeParams')}
      {t(lang, 'colon')}
      {parts.join(sep)}
    </div>
  );
}

function LeafCells(props: { leaf: Leaf }) {
  const { lang } = useView();
  const { leaf } = props;
  let params = '';
  try {
    params = formatRuleParams(leaf.rule);
  } catch {
    params = '';
  }
  return (
    <>
      <td>{leaf.unitOfMeasure ?? ''}</td>
      <td>{DIRECTION_LABELS[leaf.direction][lang]}</td>
      <td>{INDICATOR_TYPE_LABELS[leaf.type][lang]}</td>
      <td>{DATA_SOURCE_LABELS[leaf.source][lang]}</td>
      <td>{ruleName(lang, leaf.rule.kind)}</td>
      <td class="params">{params}</td>
    </>
  );
}

export function TreeTable(props: { content: SystemContent; issues?: readonly IssueAt[] }) {
  const { lang } = useView();
  const { content } = props;
  const byAnchor = issuesByAnchor(props.issues ?? []);
  const rows = flatten(content.dimensions);
  const rootIssues = byAnchor.get('node-root');
  const dimSum = sum(content.dimensions);
  return (
    <>
      {hasProvenance(content) ? <ProvenanceLegend /> : null}
      <div class="scroll">
        <table class="tree">
          <thead>
            <tr>
              <th scope="col" class="name">
                {t(lang, 'level1')} / {t(lang, 'level2')} / {t(lang, 'level3')}
              </th>
              <th scope="col" class="num">
                {t(lang, 'weight')}
              </th>
              <th scope="col">{t(lang, 'unitOfMeasure')}</th>
              <th scope="col">{t(lang, 'direction')}</th>
              <th scope="col">{t(lang, 'indicatorType')}</th>
              <th scope="col">{t(lang, 'dataSource')}</th>
              <th scope="col">{t(lang, 'ruleMethod')}</th>
              <th scope="col">{t(lang, 'ruleParams')}</th>
              <th scope="col">{t(lang, 'criteria')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ node, key, depth }) => {
              const anchor = `node-${key.replace(/\./g, '-')}`;
              const issues = byAnchor.get(anchor);
              const level = t(lang, depth === 0 ? 'level1' : depth === 1 ? 'level2' : 'level3');
              return (
                <tr
                  id={anchor}
                  data-key={key}
                  class={`lv${depth + 1}${issues ? ' has-issue' : ''}`}
                  data-issues={issues ? issues.length : undefined}
                >
                  <td class={`name d${depth}`}>
                    <span class="code" title={level}>
                      {node.code}
                    </span>{' '}
                    {node.name}{' '}
                    <ProvenanceNote p={node.provenance} holder={isBranch(node) ? 'branch' : 'leaf'} />
                    {isBranch(node) ? null : <LeafNotes leaf={node} />}
                    <NodeIssues issues={issues} />
                  </td>
                  <td class="num">{num(node.weight)}</td>
                  {isBranch(node) ? <td colspan={6} /> : <LeafCells leaf={node} />}
                  <td class="criteria">{node.criteria ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr
              id="node-root"
              class={rootIssues ? 'has-issue' : undefined}
              data-issues={rootIssues ? rootIssues.length : undefined}
            >
              <th scope="row">
                {t(lang, 'dimensionTotal')}
                <NodeIssues issues={rootIssues} />
              </th>
              <td class="num">{num(dimSum)}</td>
              <td colspan={7} class="muted">
                {t(lang, 'sumLine', { sum: num(dimSum), expected: num(content.total) })}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
