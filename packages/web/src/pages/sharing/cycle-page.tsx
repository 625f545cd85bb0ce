import {
  type CycleView,
  type Problem,
  SHARE_RECIPIENT_KIND_LABELS,
  type SharedResult,
  type ShareRecord,
  type StandardIndicator,
} from '@jixiao/core';
import { useView } from '../../context';
import { type MessageKey, t } from '../../i18n';
import { useMay } from '../../policy';
import { SHARING } from '../comparisons/routes';
import { BackToCycle } from '../cycles/office/paths';
import { runName, stampText } from '../evaluation/parts';
import { ShareForm, type ShareFormState, WithdrawShareForm } from './forms';
import { ShareStatusBadge, ShareTable } from './parts';
import { MAPPINGS_HREF } from './paths';
import { SharePreview } from './preview';

/**
 * 共享 (`/console/cycles/:id/sharing`): for each office the tenant may share with (its province; a
 * county also its city) the share's status, the preview of exactly what would be sent, the
 * consent to share (or refresh) and the withdrawal with its reason; then the cycle's history.
 */

export interface Recipient {
  kind: 'province' | 'city';
  code: string;
  name: string;
  subscribed: boolean;
  preview?: SharedResult;
  problem?: Problem;
}

export interface CycleSharingView {
  cycle: CycleView;
  recipients: Recipient[];
  records: ShareRecord[];
  library: StandardIndicator[];
  idem: string;
  state?: ShareFormState;
}

const OK: Record<string, MessageKey> = { shared: 'shFlashShared', withdrawn: 'shFlashWithdrawn' };

/** The record in force for a recipient (or the latest one), of this cycle. */
const currentOf = (records: readonly ShareRecord[], recipient: string) =>
  records
    .filter((r) => r.recipient === recipient)
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))[0];

function RecipientCard(props: { view: CycleSharingView; r: Recipient }) {
  const { lang } = useView();
  const may = useMay();
  const { view, r } = props;
  const current = currentOf(view.records, r.code);
  const label = `${r.name}（${SHARE_RECIPIENT_KIND_LABELS[r.kind][lang]}）`;
  return (
    <section
      class="card"
      aria-labelledby={`h-share-${r.kind}`}
      id={`share-${r.kind}`}
      data-recipient={r.code}
    >
      <h2 id={`h-share-${r.kind}`}>
        {t(lang, 'shTo', { name: label })} <ShareStatusBadge record={current} />
      </h2>
      {!r.subscribed ? (
        <p class="notice">{t(lang, 'shNotSubscribed', { name: r.name })}</p>
      ) : (
        <>
          {current ? (
            <dl class="facts">
              <dt>{t(lang, 'shSharedRun')}</dt>
              <dd>{runName(lang, { number: current.runNumber })}</dd>
              <dt>{t(lang, 'shSharedBy')}</dt>
              <dd>{stampText(lang, current.shared)}</dd>
              {current.note ? (
                <>
                  <dt>{t(lang, 'shNote')}</dt>
                  <dd class="note">{current.note}</dd>
                </>
              ) : null}
              {current.withdrawn ? (
                <>
                  <dt>{t(lang, 'shWithdrawnBy')}</dt>
                  <dd>{stampText(lang, current.withdrawn)}</dd>
                  <dt>{t(lang, 'shWithdrawReason')}</dt>
                  <dd class="note">{current.withdrawn.reason}</dd>
                </>
              ) : null}
            </dl>
          ) : null}
          <SharePreview kind={r.kind} preview={r.preview} problem={r.problem} library={view.library} />
          {r.preview && may(SHARING.create) ? (
            <ShareForm
              cycleId={view.cycle.id}
              kind={r.kind}
              recipient={r}
              preview={r.preview}
              current={current}
              idem={view.idem}
              state={view.state}
            />
          ) : null}
          {current?.status === 'shared' && may(SHARING.withdraw) ? (
            <WithdrawShareForm
              cycleId={view.cycle.id}
              kind={r.kind}
              recipient={r}
              current={current}
              state={view.state}
            />
          ) : null}
        </>
      )}
    </section>
  );
}

export function CycleSharingPage(props: { view: CycleSharingView }) {
  const { lang, url } = useView();
  const { view } = props;
  const ok = OK[url.searchParams.get('ok') ?? ''];
  return (
    <>
      <BackToCycle cycle={view.cycle} />
      <h1>
        {t(lang, 'shTitle')} · {view.cycle.name}
      </h1>
      {ok ? (
        <p class="flash" role="status" id="sharing-flash">
          {t(lang, ok)}
        </p>
      ) : null}
      <p class="hint">{t(lang, 'shIntro')}</p>
      <p class="hint">
        {t(lang, 'shCycleIntro')} <a href={MAPPINGS_HREF}>{t(lang, 'shMappingsLink')}</a>
      </p>
      {view.recipients.map((r) => (
        <RecipientCard view={view} r={r} />
      ))}
      <section aria-labelledby="h-share-history" id="share-history">
        <h2 id="h-share-history">{t(lang, 'shHistory')}</h2>
        {view.records.length === 0 ? (
          <p class="card muted">{t(lang, 'ocNoneYet')}</p>
        ) : (
          <ShareTable items={view.records} caption={t(lang, 'shHistoryCaption')} id="share-history-table" />
        )}
      </section>
    </>
  );
}
