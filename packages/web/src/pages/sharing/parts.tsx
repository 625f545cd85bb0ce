import { SHARE_STATUS_LABELS, type ShareRecord, type ShareStatus } from '@jixiao/core';
import { useView } from '../../context';
import { formatDateTime, t } from '../../i18n';
import { coverageShare, percent } from '../comparisons/format';
import { runName } from '../evaluation/parts';

const STATUS_CLASS: Record<ShareStatus, string> = {
  shared: 'badge ok',
  withdrawn: 'badge off',
  replaced: 'badge st-retired',
};

/** 已共享 / 已撤回 / 已被替换 as a badge in words; 未共享 without a record. */
export function ShareStatusBadge(props: { record: ShareRecord | undefined }) {
  const { lang } = useView();
  const r = props.record;
  if (!r)
    return (
      <span class="badge" data-share-status="none">
        {t(lang, 'shNotShared')}
      </span>
    );
  return (
    <span class={STATUS_CLASS[r.status]} data-share-status={r.status}>
      {SHARE_STATUS_LABELS[r.status][lang]}
    </span>
  );
}

/** Share records as a table (the tenant's history, or one cycle's). */
export function ShareTable(props: {
  items: readonly ShareRecord[];
  caption: string;
  id: string;
  cycleLink?: (r: ShareRecord) => string;
}) {
  const { lang } = useView();
  return (
    <div class="scroll">
      <table id={props.id}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'shYear')}</th>
            <th scope="col">{t(lang, 'shCycle')}</th>
            <th scope="col">{t(lang, 'shRecipient')}</th>
            <th scope="col">{t(lang, 'shRun')}</th>
            <th scope="col">{t(lang, 'shStatus')}</th>
            <th scope="col" class="num">
              {t(lang, 'srCoverage')}
            </th>
            <th scope="col" class="num">
              {t(lang, 'shIndicators')}
            </th>
            <th scope="col">{t(lang, 'shAt')}</th>
            <th scope="col">{t(lang, 'shWithdrawnAt')}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((r) => (
            <tr data-recipient={r.recipient} data-cycle={r.cycle} data-status={r.status}>
              <td>{r.year}</td>
              <th scope="row">
                {props.cycleLink ? <a href={props.cycleLink(r)}>{r.cycleName}</a> : r.cycleName}
              </th>
              <td>{r.recipientName}</td>
              <td>{runName(lang, { number: r.runNumber })}</td>
              <td>
                <ShareStatusBadge record={r} />
              </td>
              <td class="num">{percent(coverageShare(r.coverage))}</td>
              <td class="num">{r.indicators}</td>
              <td>{formatDateTime(r.shared.at, lang)}</td>
              <td>
                {r.withdrawn ? (
                  <>
                    {formatDateTime(r.withdrawn.at, lang)} <span class="note">{r.withdrawn.reason}</span>
                  </>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
