import { type PeerGroup, STANDARDISATION_METHOD_LABELS } from '@jixiao/core';
import { Flash } from '../../components/feedback';
import { problemPage } from '../../components/message-page';
import { type Ctx, useView, withQuery } from '../../context';
import { formatDateTime, t } from '../../i18n';
import { quotasText } from '../comparisons/method';
import { CMP, groupHref, groupsHref } from '../comparisons/paths';
import { PEER_GROUPS } from '../comparisons/routes';
import { ComparisonTabs } from '../comparisons/tabs';
import { mayKeepGroups } from './may';

/**
 * 分类考核组 (`/console/comparisons/groups`): the office's peer groups — members, method, quotas,
 * the indicators weighted — each with a link to compare by it; the office creates and edits them.
 */
function GroupList(props: { items: readonly PeerGroup[] }) {
  const { lang, me } = useView();
  const edit = mayKeepGroups(me);
  return (
    <>
      <div class="toolbar">
        <h1>{t(lang, 'pgTitle')}</h1>
        <span class="spacer" />
        {edit ? (
          <a class="button" href={`${groupsHref}/new`} id="group-new">
            {t(lang, 'pgNew')}
          </a>
        ) : null}
      </div>
      <ComparisonTabs current="groups" />
      <Flash />
      <p class="hint">{t(lang, 'pgIntro')}</p>
      <p class="notice">{t(lang, 'pgAll')}</p>
      {props.items.length === 0 ? (
        <p class="card" id="groups-empty">
          {t(lang, 'pgEmpty')}
        </p>
      ) : (
        <div class="scroll">
          <table id="groups">
            <caption>{t(lang, 'pgCaption', { n: props.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'pgCode')}</th>
                <th scope="col">{t(lang, 'pgName')}</th>
                <th scope="col" class="num">
                  {t(lang, 'pgMemberCount')}
                </th>
                <th scope="col">{t(lang, 'pgMethod')}</th>
                <th scope="col">{t(lang, 'pgGrades')}</th>
                <th scope="col">{t(lang, 'pgWeights')}</th>
                <th scope="col">{t(lang, 'updatedAt')}</th>
                <th scope="col">{t(lang, 'cmTitle')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((g) => (
                <tr id={`group-${g.code}`} data-code={g.code}>
                  <td class="code">
                    <a href={groupHref(g.code)}>{g.code}</a>
                  </td>
                  <th scope="row">{g.name}</th>
                  <td class="num">{g.members.length}</td>
                  <td>{STANDARDISATION_METHOD_LABELS[g.method][lang]}</td>
                  <td>{quotasText(lang, g.grades)}</td>
                  <td>{t(lang, 'pgUsed', { n: Object.values(g.weights).filter((w) => w > 0).length })}</td>
                  <td>{formatDateTime(g.updatedAt, lang)}</td>
                  <td>
                    <a href={withQuery(CMP, { group: g.code })}>{t(lang, 'pgCompare')}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** `GET /console/comparisons/groups`. */
export async function groupList(c: Ctx) {
  const r = await c.get('api').call(PEER_GROUPS.list, {});
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(<GroupList items={r.data.items} />, { title: t(c.get('lang'), 'pgTitle') });
}
