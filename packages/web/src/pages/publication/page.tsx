import { CONTRACTS } from '@jixiao/api/contracts';
import { labelOf, type Publication, type PublicationView } from '@jixiao/core';
import { Flash } from '../../components/feedback';
import { useView } from '../../context';
import { formatDateTime, type MessageKey, t } from '../../i18n';
import { useMay } from '../../policy';
import { BackToCycle } from '../cycles/office/paths';
import { runName, stampText } from '../evaluation/parts';
import { publicResultsHref } from '../public/paths';
import { type PublicationFormState, PublishForm, WithdrawForm } from './forms';

/**
 * 结果公开 (`/console/cycles/:id/publication`): whether the cycle's results are public (未公开 /
 * 已公开 第 N 次 / 已撤回), the released run they come from, why the office may not publish yet,
 * the forms to publish (saying what becomes public) and to withdraw (with the reason), the history
 * of publications, and the public page. Observers read it; only the office gets the forms.
 */

const OK: Record<string, MessageKey> = { published: 'pbFlashPublished', withdrawn: 'pbFlashWithdrawn' };

/** 未公开 / 已公开（第 2 次） / 已撤回, as a badge with its words. */
export function PublicationStatus(props: { publication: Publication | undefined }) {
  const { lang } = useView();
  const p = props.publication;
  if (!p)
    return (
      <span class="badge" data-publication="none">
        {t(lang, 'pbNotPublished')}
      </span>
    );
  return (
    <span class={p.status === 'published' ? 'badge ok' : 'badge off'} data-publication={p.status}>
      {labelOf('publicationStatus', p.status, lang)}
      {p.status === 'published' ? t(lang, 'pbNumber', { n: p.number }) : ''}
    </span>
  );
}

function Status(props: { view: PublicationView }) {
  const { lang, me } = useView();
  const { view } = props;
  const p = view.publication;
  const tenant = me?.tenant?.code;
  return (
    <section class="card" aria-labelledby="h-publication" id="publication-status">
      <h2 id="h-publication">
        {t(lang, 'pbStatus')} <PublicationStatus publication={p} />
      </h2>
      <dl class="facts">
        <dt>{t(lang, 'pbReleased')}</dt>
        <dd id="publication-released">
          {view.released
            ? `${runName(lang, view.released)} · ${formatDateTime(view.released.at, lang)}`
            : t(lang, 'pbNoRelease')}
        </dd>
        {p ? (
          <>
            <dt>{t(lang, 'pbPublishedRun')}</dt>
            <dd>{runName(lang, { number: p.runNumber })}</dd>
            <dt>{t(lang, 'pbPublishedBy')}</dt>
            <dd>{stampText(lang, p.published)}</dd>
            {p.note ? (
              <>
                <dt>{t(lang, 'pbNote')}</dt>
                <dd class="note">{p.note}</dd>
              </>
            ) : null}
            {p.withdrawn ? (
              <>
                <dt>{t(lang, 'pbWithdrawnBy')}</dt>
                <dd>{stampText(lang, p.withdrawn)}</dd>
                <dt>{t(lang, 'pbWithdrawReason')}</dt>
                <dd class="note" id="publication-withdraw-reason">
                  {p.withdrawn.reason}
                </dd>
              </>
            ) : null}
          </>
        ) : null}
      </dl>
      {p?.status === 'published' && tenant ? (
        <p>
          <a class="button secondary-link" href={publicResultsHref(tenant, view.cycle.id)} id="public-link">
            {t(lang, 'pbOpenPublic')}
          </a>
        </p>
      ) : null}
    </section>
  );
}

function Blockers(props: { view: PublicationView }) {
  const { lang } = useView();
  const { readiness } = props.view;
  if (readiness.canPublish || readiness.blockers.length === 0) return null;
  return (
    <section class="issues" aria-labelledby="h-publish-blockers" id="publish-blockers">
      <h2 id="h-publish-blockers">{t(lang, 'pbBlockers')}</h2>
      <ol>
        {readiness.blockers.map((b) => (
          <li>{b[lang]}</li>
        ))}
      </ol>
      <p class="hint">{t(lang, 'pbBlockersHint')}</p>
    </section>
  );
}

function History(props: { publication: Publication | undefined }) {
  const { lang } = useView();
  const p = props.publication;
  // The record's history holds the publications before the current one; the current one is its own.
  const list = p
    ? [
        ...p.history.filter((h) => h.number !== p.number),
        { number: p.number, run: p.run, at: p.published.at, withdrawnAt: p.withdrawn?.at },
      ]
    : [];
  return (
    <section class="card" aria-labelledby="h-publication-history" id="publication-history">
      <h2 id="h-publication-history">{t(lang, 'pbHistory')}</h2>
      {list.length === 0 ? (
        <p class="muted">{t(lang, 'ocNoneYet')}</p>
      ) : (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'pbHistoryNumber')}</th>
                <th scope="col">{t(lang, 'pbHistoryRun')}</th>
                <th scope="col">{t(lang, 'pbHistoryAt')}</th>
                <th scope="col">{t(lang, 'pbHistoryWithdrawnAt')}</th>
              </tr>
            </thead>
            <tbody>
              {[...list].reverse().map((h) => (
                <tr data-number={h.number}>
                  <td>{t(lang, 'pbNthPublication', { n: h.number })}</td>
                  <td class="code">{h.run}</td>
                  <td>{formatDateTime(h.at, lang)}</td>
                  <td>{h.withdrawnAt ? formatDateTime(h.withdrawnAt, lang) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function PublicationPage(props: { view: PublicationView; state?: PublicationFormState }) {
  const { lang, url } = useView();
  const may = useMay();
  const { view } = props;
  const ok = OK[url.searchParams.get('ok') ?? ''];
  const published = view.publication?.status === 'published';
  const mayPublish = may(CONTRACTS.publication.publish);
  return (
    <>
      <BackToCycle cycle={view.cycle} />
      <h1>{t(lang, 'pbTitle')}</h1>
      <Flash />
      {ok ? (
        <p class="flash" role="status" id="publication-flash">
          {t(lang, ok)}
        </p>
      ) : null}
      <p class="hint">{t(lang, 'pbIntro')}</p>
      <Status view={view} />
      <Blockers view={view} />
      {mayPublish && (view.readiness.canPublish || props.state?.form === 'publish') ? (
        <section class="card" id="publish">
          <PublishForm view={view} state={props.state} />
        </section>
      ) : null}
      {may(CONTRACTS.publication.withdraw) && published ? (
        <section class="card" id="withdraw">
          <WithdrawForm view={view} state={props.state} />
        </section>
      ) : null}
      <History publication={view.publication} />
    </>
  );
}
