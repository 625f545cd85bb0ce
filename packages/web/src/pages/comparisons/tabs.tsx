import { useView } from '../../context';
import { type MessageKey, t } from '../../i18n';
import { useMay } from '../../policy';
import { CMP, groupsHref, STANDARDS_HREF, sharedHref } from './paths';
import { COMPARISONS, PEER_GROUPS, SHARED, STANDARDS } from './routes';

export type Tab = 'shared' | 'compare' | 'whatIf' | 'sensitivity' | 'standards' | 'groups';

/**
 * The recipient's pages, as a row of links under the title: 共享成果, 比较分析, 权重模拟, 排名稳定性,
 * 标准指标库, 分类考核组 — each offered when the caller may call its route.
 */
export function ComparisonTabs(props: { current: Tab; query?: string }) {
  const { lang } = useView();
  const may = useMay();
  const q = props.query ? `?${props.query}` : '';
  const tabs: [Tab, string, MessageKey, boolean][] = [
    ['shared', sharedHref(), 'srTitle', may(SHARED.list)],
    ['compare', `${CMP}${q}`, 'cmTitle', may(COMPARISONS.get)],
    ['whatIf', `${CMP}/what-if${q}`, 'wiTitle', may(COMPARISONS.whatIf)],
    ['sensitivity', `${CMP}/sensitivity${q}`, 'rsTitle', may(COMPARISONS.sensitivity)],
    ['standards', STANDARDS_HREF, 'sdTitle', may(STANDARDS.list)],
    ['groups', groupsHref, 'pgTitle', may(PEER_GROUPS.list)],
  ];
  return (
    <nav class="tabs" aria-label={t(lang, 'cmTabs')}>
      <ul>
        {tabs
          .filter(([, , , ok]) => ok)
          .map(([id, href, label]) => (
            <li>
              <a href={href} aria-current={id === props.current ? 'page' : undefined}>
                {t(lang, label)}
              </a>
            </li>
          ))}
      </ul>
    </nav>
  );
}
