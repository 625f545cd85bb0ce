import type { Guidance } from '@jixiao/core';
import { problemPage } from '../../components/message-page';
import { Pager } from '../../components/pager';
import { type Ctx, PAGE_SIZE, useView } from '../../context';
import { formatDateTime, t } from '../../i18n';
import { may } from '../../policy';
import { GUIDANCE } from '../comparisons/routes';
import { isCityOffice } from '../comparisons/scope';
import { stampText } from '../evaluation/parts';
import { newGuidanceHref, receivedHref } from './paths';

/**
 * 指导文件 (`/console/guidance`): a city office's documents sent down (with the way to send one),
 * or a county office's inbox of documents from its city, newest first.
 */

interface ListProps {
  items: readonly Guidance[];
  nextCursor?: string | undefined;
  hasPrev: boolean;
}

/** After sending: 指导文件已下发。 */
function SentFlash() {
  const { lang, url } = useView();
  return url.searchParams.get('ok') === 'created' ? (
    <p class="flash" role="status" id="guidance-flash">
      {t(lang, 'gdFlashSent')}
    </p>
  ) : null;
}

function SentList(props: ListProps & { maySend: boolean }) {
  const { lang } = useView();
  return (
    <>
      <div class="toolbar">
        <h1>{t(lang, 'gdSentTitle')}</h1>
        <span class="spacer" />
        {props.maySend ? (
          <a class="button" href={newGuidanceHref} id="guidance-new">
            {t(lang, 'gdNew')}
          </a>
        ) : null}
      </div>
      <SentFlash />
      <p class="hint">{t(lang, 'gdSentIntro')}</p>
      {props.items.length === 0 ? (
        <p class="card" id="guidance-empty">
          {t(lang, 'gdSentEmpty')}
        </p>
      ) : (
        <div class="scroll">
          <table id="guidance-sent">
            <caption>{t(lang, 'gdSentCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'gdTitleField')}</th>
                <th scope="col">{t(lang, 'gdReference')}</th>
                <th scope="col">{t(lang, 'gdRecipients')}</th>
                <th scope="col">{t(lang, 'gdSentAt')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((g) => (
                <tr id={`guidance-${g.id}`}>
                  <th scope="row">
                    <details>
                      <summary>{g.title}</summary>
                      <p class="note">{g.body}</p>
                    </details>
                  </th>
                  <td>{g.reference || '—'}</td>
                  <td>
                    {t(lang, 'gdRecipientsCount', { n: g.to.length })}：
                    {g.to.map((x) => x.name).join(lang === 'zh' ? '、' : ', ')}
                  </td>
                  <td>{stampText(lang, g.sent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager nextCursor={props.nextCursor} hasPrev={props.hasPrev} />
    </>
  );
}

function Inbox(props: ListProps) {
  const { lang } = useView();
  return (
    <>
      <h1>{t(lang, 'gdInboxTitle')}</h1>
      <p class="hint">{t(lang, 'gdInboxIntro')}</p>
      {props.items.length === 0 ? (
        <p class="card" id="guidance-empty">
          {t(lang, 'gdInboxEmpty')}
        </p>
      ) : (
        <div class="scroll">
          <table id="guidance-inbox">
            <caption>{t(lang, 'gdInboxCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'gdTitleField')}</th>
                <th scope="col">{t(lang, 'gdReference')}</th>
                <th scope="col">{t(lang, 'gdFrom')}</th>
                <th scope="col">{t(lang, 'gdSentAt')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((g) => (
                <tr id={`guidance-${g.id}`}>
                  <th scope="row">
                    <a href={receivedHref(g.id)}>{g.title}</a>
                  </th>
                  <td>{g.reference || '—'}</td>
                  <td>{g.fromName}</td>
                  <td>{formatDateTime(g.sent.at, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager nextCursor={props.nextCursor} hasPrev={props.hasPrev} />
    </>
  );
}

/** `GET /console/guidance[?cursor=]`: the sent list for a city office, the inbox otherwise. */
export async function guidanceList(c: Ctx) {
  const me = c.get('me');
  const lang = c.get('lang');
  const cursor = c.req.query('cursor');
  const city = isCityOffice(me);
  const r = await c
    .get('api')
    .call(city ? GUIDANCE.sent : GUIDANCE.inbox, { query: { limit: PAGE_SIZE, cursor } });
  if (!r.ok) return problemPage(c, r.problem);
  const props = { items: r.data.items, nextCursor: r.data.nextCursor, hasPrev: !!cursor };
  return city
    ? c.render(<SentList {...props} maySend={may(me, GUIDANCE.send)} />, { title: t(lang, 'gdSentTitle') })
    : c.render(<Inbox {...props} />, { title: t(lang, 'gdInboxTitle') });
}
