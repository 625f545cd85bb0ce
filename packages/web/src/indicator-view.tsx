import {
  type IndicatorNode,
  isBranch,
  type Leaf,
  type RuleKind,
  SYSTEM_STATUS_LABELS,
  type SystemContent,
  type SystemStatus,
} from '@jixiao/core';
import { formatRuleParams, RULE_NAMES } from '@jixiao/reports/grammar';
import { type Lang, type MessageKey, t } from './i18n';
import type { Bi, SystemIssueView } from './indicator-types';
import type { View } from './ui';

/**
 * Pieces shared by the indicator pages: labels for the model's enums, where an issue's path points
 * (which row of the tree, which field), the read-only tree table and the side sections.
 */

// ─── Labels ────────────────────────────────────────────────────────────────────────────────────

const ENUM_KEYS: Record<string, MessageKey> = {
  higher: 'dirHigher',
  lower: 'dirLower',
  quantitative: 'typeQuantitative',
  qualitative: 'typeQualitative',
  self_report: 'srcSelfReport',
  data_provider: 'srcDataProvider',
  expert: 'srcExpert',
  survey: 'srcSurvey',
  zero: 'missingZero',
  redistribute: 'missingRedistribute',
  exclude: 'missingExclude',
  fail: 'vetoFail',
  bar_excellent: 'vetoBarExcellent',
};

/** The label of one of the model's enum values (direction, type, source, policies, veto effect). */
export const enumLabel = (lang: Lang, value: string | undefined): string => {
  if (value === undefined) return '';
  const key = ENUM_KEYS[value];
  return key ? t(lang, key) : value;
};

/** A rule's name: the Chinese name offices write in the 评分方法 column (with English in English). */
export const ruleName = (lang: Lang, kind: RuleKind): string =>
  lang === 'zh' ? RULE_NAMES[kind] : `${t('en', `rule_${kind}` as MessageKey)} (${RULE_NAMES[kind]})`;

export const statusLabel = (lang: Lang, s: SystemStatus): string => SYSTEM_STATUS_LABELS[s]?.[lang] ?? s;

export const StatusBadge = (props: { lang: Lang; status: SystemStatus }) => (
  <span class={`badge st-${props.status}`} data-status={props.status}>
    {statusLabel(props.lang, props.status)}
  </span>
);

/** Numbers as an office writes them: no trailing zeros, at most 6 decimals. */
export const num = (n: number | undefined | null): string =>
  n === undefined || n === null ? '' : String(Math.round(n * 1e6) / 1e6);

export const pct = (f: number | undefined): string => (f === undefined ? '' : `${num(f * 100)}%`);

// ─── Where an issue points ─────────────────────────────────────────────────────────────────────

export type IssueSection = 'node' | 'root' | 'bonus' | 'veto' | 'level' | 'system';

export interface IssueTarget {
  section: IssueSection;
  /** node: index path `0.1.2`; bonus/veto/level: the item's index (`''` for the list itself). */
  key: string;
  /** The field inside the target (`weight`, `rule.bands.0.min`, `children`), if any. */
  field?: string;
}

/**
 * Maps an issue path (`dimensions.0.children.1.weight`, with or without `body.content.`) to the
 * row it belongs to.
 */
export function locateIssue(path: string): IssueTarget {
  const p = path.replace(/^body\./, '').replace(/^content\./, '');
  const node = /^dimensions((?:\.\d+)(?:\.children\.\d+)*)?(?:\.(.+))?$/.exec(p);
  if (node) {
    if (!node[1]) return { section: 'root', key: '', ...(node[2] ? { field: node[2] } : {}) };
    const key = node[1].slice(1).replace(/\.children\./g, '.');
    return { section: 'node', key, ...(node[2] ? { field: node[2] } : {}) };
  }
  const item = /^(bonusItems|vetoItems|grading\.levels)(?:\.(\d+))?(?:\.(.+))?$/.exec(p);
  if (item) {
    const section: IssueSection =
      item[1] === 'bonusItems' ? 'bonus' : item[1] === 'vetoItems' ? 'veto' : 'level';
    return { section, key: item[2] ?? '', ...(item[3] ? { field: item[3] } : {}) };
  }
  if (p.startsWith('grading')) return { section: 'level', key: '', field: p };
  return { section: 'system', key: '', field: p };
}

/** The element id of the row an issue points to, for the summary's links. */
export const anchorOf = (target: IssueTarget): string =>
  target.section === 'node'
    ? `node-${target.key.replace(/\./g, '-')}`
    : target.section === 'root'
      ? 'node-root'
      : target.section === 'system'
        ? 'system'
        : target.key === ''
          ? `${target.section}-list`
          : `${target.section}-${target.key}`;

/** Issues grouped by the anchor of their row. */
export function issuesByAnchor(issues: readonly SystemIssueView[]): Map<string, SystemIssueView[]> {
  const out = new Map<string, SystemIssueView[]>();
  for (const i of issues) {
    const a = anchorOf(locateIssue(i.path));
    out.set(a, [...(out.get(a) ?? []), i]);
  }
  return out;
}

export function NodeIssues(props: { lang: Lang; issues?: readonly SystemIssueView[] }) {
  if (!props.issues?.length) return null;
  return (
    <ul class="node-issues">
      {props.issues.map((i) => (
        <li data-path={i.path}>{i[props.lang]}</li>
      ))}
    </ul>
  );
}

/** The list of every issue at the top of the page, each a link to its row. */
export function IssueSummary(props: { v: View; issues: readonly SystemIssueView[]; showNone?: boolean }) {
  const { lang } = props.v;
  if (props.issues.length === 0) {
    return props.showNone ? (
      <p class="flash" data-issues="0">
        {t(lang, 'issuesNone')}
      </p>
    ) : null;
  }
  return (
    <section class="issues" aria-labelledby="h-issues" data-issues={props.issues.length}>
      <h2 id="h-issues">{t(lang, 'issuesTitle', { n: props.issues.length })}</h2>
      <ol>
        {props.issues.map((i) => (
          <li>
            <a href={`#${anchorOf(locateIssue(i.path))}`}>{i[lang]}</a>
          </li>
        ))}
      </ol>
    </section>
  );
}

// ─── The read-only tree ────────────────────────────────────────────────────────────────────────

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

export { countLeaves } from '@jixiao/core';

function LeafCells(props: { lang: Lang; leaf: Leaf }) {
  const { lang, leaf } = props;
  let params = '';
  try {
    params = formatRuleParams(leaf.rule);
  } catch {
    params = '';
  }
  return (
    <>
      <td>{leaf.unitOfMeasure ?? ''}</td>
      <td>{enumLabel(lang, leaf.direction)}</td>
      <td>{enumLabel(lang, leaf.type)}</td>
      <td>{enumLabel(lang, leaf.source)}</td>
      <td>{ruleName(lang, leaf.rule.kind)}</td>
      <td class="params">{params}</td>
    </>
  );
}

/** The tree as the Excel layout shows it: one row per node, its name in the column of its level. */
export function TreeTable(props: { v: View; content: SystemContent; issues?: readonly SystemIssueView[] }) {
  const { lang } = props.v;
  const { content } = props;
  const byAnchor = issuesByAnchor(props.issues ?? []);
  const rows = flatten(content.dimensions);
  const rootIssues = byAnchor.get('node-root');
  const dimSum = sum(content.dimensions);
  return (
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
                  {node.name}
                  <NodeIssues lang={lang} issues={issues} />
                </td>
                <td class="num">{num(node.weight)}</td>
                {isBranch(node) ? <td colspan={6} /> : <LeafCells lang={lang} leaf={node} />}
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
              <NodeIssues lang={lang} issues={rootIssues} />
            </th>
            <td class="num">{num(dimSum)}</td>
            <td colspan={7} class="muted">
              {t(lang, 'sumLine', { sum: num(dimSum), expected: num(content.total) })}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Bonus, veto and grading, read-only, with their issues beside their rows. */
export function SideSections(props: {
  v: View;
  content: SystemContent;
  issues?: readonly SystemIssueView[];
}) {
  const { lang } = props.v;
  const c = props.content;
  const byAnchor = issuesByAnchor(props.issues ?? []);
  const rowProps = (anchor: string) => {
    const issues = byAnchor.get(anchor);
    return { id: anchor, class: issues ? 'has-issue' : undefined, issues };
  };
  const label = (l: Bi) => l[lang];
  return (
    <div class="sides">
      <section class="card" id="bonus-list" aria-labelledby="h-bonus">
        <h2 id="h-bonus">{t(lang, 'bonusItems')}</h2>
        <NodeIssues lang={lang} issues={byAnchor.get('bonus-list')} />
        <p>
          {t(lang, 'bonusCap')}
          {t(lang, 'colon')}
          {num(c.bonusCap)}
        </p>
        {c.bonusItems.length ? (
          <table>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'code')}</th>
                <th scope="col">{t(lang, 'name')}</th>
                <th scope="col" class="num">
                  {t(lang, 'maxPoints')}
                </th>
                <th scope="col">{t(lang, 'criteria')}</th>
              </tr>
            </thead>
            <tbody>
              {c.bonusItems.map((b, i) => {
                const r = rowProps(`bonus-${i}`);
                return (
                  <tr id={r.id} class={r.class}>
                    <td>{b.code}</td>
                    <td>
                      {b.name}
                      <NodeIssues lang={lang} issues={r.issues} />
                    </td>
                    <td class="num">{num(b.maxPoints)}</td>
                    <td>{b.criteria ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : (
          <p class="muted">{t(lang, 'noItems')}</p>
        )}
      </section>
      <section class="card" id="veto-list" aria-labelledby="h-veto">
        <h2 id="h-veto">{t(lang, 'vetoItems')}</h2>
        <NodeIssues lang={lang} issues={byAnchor.get('veto-list')} />
        {c.vetoItems.length ? (
          <table>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'code')}</th>
                <th scope="col">{t(lang, 'name')}</th>
                <th scope="col">{t(lang, 'vetoEffect')}</th>
                <th scope="col">{t(lang, 'criteria')}</th>
              </tr>
            </thead>
            <tbody>
              {c.vetoItems.map((x, i) => {
                const r = rowProps(`veto-${i}`);
                return (
                  <tr id={r.id} class={r.class}>
                    <td>{x.code}</td>
                    <td>
                      {x.name}
                      <NodeIssues lang={lang} issues={r.issues} />
                    </td>
                    <td>{enumLabel(lang, x.effect)}</td>
                    <td>{x.criteria ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : (
          <p class="muted">{t(lang, 'noItems')}</p>
        )}
      </section>
      <section class="card" id="level-list" aria-labelledby="h-grading">
        <h2 id="h-grading">{t(lang, 'grading')}</h2>
        <NodeIssues lang={lang} issues={byAnchor.get('level-list')} />
        <table>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'code')}</th>
              <th scope="col">{t(lang, 'trialGrade')}</th>
              <th scope="col" class="num">
                {t(lang, 'gradeMin')}
              </th>
              <th scope="col" class="num">
                {t(lang, 'gradeMaxShare')}
              </th>
            </tr>
          </thead>
          <tbody>
            {c.grading.levels.map((l, i) => {
              const r = rowProps(`level-${i}`);
              return (
                <tr id={r.id} class={r.class}>
                  <td>{l.code}</td>
                  <td>
                    <span class={`grade g${i}`}>{label(l.label)}</span>
                    <NodeIssues lang={lang} issues={r.issues} />
                  </td>
                  <td class="num">{num(l.min)}</td>
                  <td class="num">{pct(l.maxShare)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <dl class="facts" id="system" style="margin-top:12px">
          <dt>{t(lang, 'missingData')}</dt>
          <dd>{enumLabel(lang, c.missingData)}</dd>
          <dt>{t(lang, 'exemption')}</dt>
          <dd>{enumLabel(lang, c.exemption)}</dd>
        </dl>
        <NodeIssues lang={lang} issues={byAnchor.get('system')} />
      </section>
    </div>
  );
}
