import { useView } from '../../../context';
import { t } from '../../../i18n';

/**
 * Where a system's issue points (which row of the tree, which field), for the version page, the
 * template preview and the editor: the issue's JSON path (`dimensions.0.children.1.weight`) is the
 * API's, from its validation.
 */

/** An issue as the API reports it: a path into the content, and what is wrong there. */
export interface IssueAt {
  path: string;
  zh: string;
  en: string;
}

export type IssueSection = 'node' | 'root' | 'bonus' | 'veto' | 'statistic' | 'level' | 'system';

export interface IssueTarget {
  section: IssueSection;
  /** node: index path `0.1.2`; bonus/veto/statistic/level: the item's index (`''` for the list itself). */
  key: string;
  /** The field inside the target (`weight`, `rule.bands.0.min`, `children`), if any. */
  field?: string;
}

/** The lists beside the tree, by their key in the content. */
const ITEM_SECTIONS: Readonly<Record<string, IssueSection>> = {
  bonusItems: 'bonus',
  vetoItems: 'veto',
  statistics: 'statistic',
  'grading.levels': 'level',
};

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
  const item = /^(bonusItems|vetoItems|statistics|grading\.levels)(?:\.(\d+))?(?:\.(.+))?$/.exec(p);
  if (item) {
    const section = ITEM_SECTIONS[item[1] ?? ''] ?? 'level';
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
export function issuesByAnchor<I extends IssueAt>(issues: readonly I[]): Map<string, I[]> {
  const out = new Map<string, I[]>();
  for (const i of issues) {
    const a = anchorOf(locateIssue(i.path));
    out.set(a, [...(out.get(a) ?? []), i]);
  }
  return out;
}

/** The issues of one row, under its name. */
export function NodeIssues(props: { issues?: readonly IssueAt[] | undefined }) {
  const { lang } = useView();
  if (!props.issues?.length) return null;
  return (
    <ul class="node-issues">
      {props.issues.map((i) => (
        <li data-path={i.path}>{i[lang]}</li>
      ))}
    </ul>
  );
}

/** The list of every issue at the top of the page, each a link to its row. */
export function IssueSummary(props: { issues: readonly IssueAt[]; showNone?: boolean }) {
  const { lang } = useView();
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
