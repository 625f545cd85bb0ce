import { useView } from '../context';
import { t } from '../i18n';

/** First page / next page links, keeping the list's filter (not the flash or the language). */
export function Pager(props: { nextCursor?: string | undefined; hasPrev: boolean }) {
  const { lang, url } = useView();
  if (!props.nextCursor && !props.hasPrev) return null;
  const first = new URLSearchParams(url.search);
  first.delete('cursor');
  first.delete('ok');
  first.delete('lang');
  const next = new URLSearchParams(first);
  if (props.nextCursor) next.set('cursor', props.nextCursor);
  const qs = (q: URLSearchParams) => (q.size ? `?${q.toString()}` : '');
  return (
    <nav class="pager" aria-label="pagination">
      {props.hasPrev ? <a href={`${url.pathname}${qs(first)}`}>{t(lang, 'firstPage')}</a> : null}
      {props.nextCursor ? (
        <a href={`${url.pathname}${qs(next)}`} rel="next">
          {t(lang, 'nextPage')}
        </a>
      ) : null}
    </nav>
  );
}
