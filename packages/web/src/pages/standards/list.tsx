import { DIRECTION_LABELS, type StandardIndicator } from '@jixiao/core';
import { Flash } from '../../components/feedback';
import { problemPage } from '../../components/message-page';
import { type Ctx, useView } from '../../context';
import { formatDateTime, t } from '../../i18n';
import { fixed2 } from '../comparisons/format';
import { STANDARDS_HREF, standardHref } from '../comparisons/paths';
import { STANDARDS } from '../comparisons/routes';
import { isRecipient } from '../comparisons/scope';
import { ComparisonTabs } from '../comparisons/tabs';
import { mayKeepLibrary } from './may';

/**
 * 标准指标库 (`/console/standards`): the province's standard indicators for everyone of the
 * province who may read them (a region needs them to map its leaves); the provincial office
 * creates, changes and deletes them.
 */
function StandardList(props: { items: readonly StandardIndicator[] }) {
  const { lang, me } = useView();
  const edit = mayKeepLibrary(me);
  return (
    <>
      <div class="toolbar">
        <h1>{t(lang, 'sdTitle')}</h1>
        <span class="spacer" />
        {edit ? (
          <a class="button" href={`${STANDARDS_HREF}/new`} id="standard-new">
            {t(lang, 'sdNew')}
          </a>
        ) : null}
      </div>
      {isRecipient(me) ? <ComparisonTabs current="standards" /> : null}
      <Flash />
      <p class="hint">{t(lang, 'sdIntro')}</p>
      {edit ? null : <p class="notice">{t(lang, 'sdReadOnly')}</p>}
      {props.items.length === 0 ? (
        <p class="card" id="standards-empty">
          {t(lang, edit ? 'sdEmptyAdmin' : 'sdEmpty')}
        </p>
      ) : (
        <div class="scroll">
          <table id="standards">
            <caption>{t(lang, 'sdCaption', { n: props.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'sdCode')}</th>
                <th scope="col">{t(lang, 'sdName')}</th>
                <th scope="col">{t(lang, 'sdDimension')}</th>
                <th scope="col">{t(lang, 'sdUnit')}</th>
                <th scope="col">{t(lang, 'sdDirection')}</th>
                <th scope="col" class="num">
                  {t(lang, 'sdWeight')}
                </th>
                <th scope="col">{t(lang, 'sdSource')}</th>
                <th scope="col">{t(lang, 'updatedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((s) => (
                <tr id={`std-${s.code}`} data-code={s.code}>
                  <td class="code">
                    <a href={standardHref(s.code)}>{s.code}</a>
                  </td>
                  <th scope="row">{s.name}</th>
                  <td>{s.dimension}</td>
                  <td>{s.unit}</td>
                  <td>{DIRECTION_LABELS[s.direction][lang]}</td>
                  <td class="num">{fixed2(s.weight)}</td>
                  <td>{s.source}</td>
                  <td>{formatDateTime(s.updatedAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** `GET /console/standards`. */
export async function standardList(c: Ctx) {
  const r = await c.get('api').call(STANDARDS.list, {});
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(<StandardList items={r.data.items} />, { title: t(c.get('lang'), 'sdTitle') });
}
