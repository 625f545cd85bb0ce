import type { ShareRecord } from '@jixiao/core';
import { problemPage } from '../../components/message-page';
import { Pager } from '../../components/pager';
import { type Ctx, PAGE_SIZE, useView } from '../../context';
import { t } from '../../i18n';
import { useMay } from '../../policy';
import { MAPPINGS, SHARING } from '../comparisons/routes';
import { ShareTable } from './parts';
import { cycleSharingHref, MAPPINGS_HREF } from './paths';

/**
 * 共享与对标 (`/console/sharing`): what sharing means, the way to the mapping of the tenant's
 * indicator systems, and every share it made (newest first), each linking to its cycle's page.
 */
function SharingIndex(props: {
  items: readonly ShareRecord[];
  nextCursor?: string | undefined;
  hasPrev: boolean;
}) {
  const { lang } = useView();
  const may = useMay();
  return (
    <>
      <h1>{t(lang, 'shIndexTitle')}</h1>
      <p class="hint">{t(lang, 'shIntro')}</p>
      {may(MAPPINGS.list) ? (
        <section class="card" aria-labelledby="h-mappings-link" id="mappings-link">
          <h2 id="h-mappings-link">{t(lang, 'mpTitle')}</h2>
          <p>{t(lang, 'shMappingsHint')}</p>
          <p>
            <a class="button secondary-link" href={MAPPINGS_HREF}>
              {t(lang, 'shMappingsLink')}
            </a>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="h-share-records">
        <h2 id="h-share-records">{t(lang, 'shRecords')}</h2>
        {props.items.length === 0 ? (
          <p class="card" id="shares-empty">
            {t(lang, 'shNoRecords')}
          </p>
        ) : (
          <ShareTable
            items={props.items}
            caption={t(lang, 'shRecordsCaption')}
            id="share-records"
            cycleLink={(r) => cycleSharingHref(r.cycle)}
          />
        )}
        <Pager nextCursor={props.nextCursor} hasPrev={props.hasPrev} />
      </section>
    </>
  );
}

/** `GET /console/sharing[?cursor=]`. */
export async function sharingIndex(c: Ctx) {
  const cursor = c.req.query('cursor');
  const r = await c.get('api').call(SHARING.list, { query: { limit: PAGE_SIZE, cursor } });
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(<SharingIndex items={r.data.items} nextCursor={r.data.nextCursor} hasPrev={!!cursor} />, {
    title: t(c.get('lang'), 'shIndexTitle'),
  });
}
