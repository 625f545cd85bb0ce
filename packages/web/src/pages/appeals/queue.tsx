import { APPEAL_STATUS_LABELS, APPEAL_STATUSES, type AppealList } from '@jixiao/core';
import { SelectField } from '../../components/fields';
import { ListPage } from '../../components/list-page';
import { useView } from '../../context';
import { formatDateTime, t } from '../../i18n';
import { BackToCycle } from '../cycles/office/paths';
import { AppealStatusBadge, standingText, targetText } from './parts';
import { appealHref, appealsHref } from './paths';

/** The office's (and observers') queue of appeals: oldest first, filtered by status and unit. */
export function AppealQueue(props: {
  cycle: { id: string; name: string };
  list: AppealList;
  filter: { status: string; unit: string };
  hasPrev: boolean;
}) {
  const { lang } = useView();
  const { cycle, list, filter } = props;
  return (
    <>
      <BackToCycle cycle={cycle} />
      <ListPage
        title={t(lang, 'ocQueue')}
        filter={{
          action: appealsHref(cycle.id),
          fields: (
            <>
              <SelectField
                name="status"
                label={t(lang, 'ocStatus')}
                empty={t(lang, 'ocAllStatuses')}
                options={APPEAL_STATUSES.map((s) => ({ value: s, label: APPEAL_STATUS_LABELS[s][lang] }))}
                value={filter.status}
              />
              <SelectField
                name="unit"
                label={t(lang, 'ocUnit')}
                empty={t(lang, 'ocAllUnits')}
                options={list.units.map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }))}
                value={filter.unit}
              />
            </>
          ),
        }}
        items={list.items}
        rowAttrs={(a) => ({ 'data-id': a.id, 'data-status': a.status })}
        empty={t(lang, 'ocNoAppeals')}
        columns={[
          { label: t(lang, 'ocSubmittedAt'), cell: (a) => formatDateTime(a.submitted.at, lang) },
          { label: t(lang, 'ocUnit'), cell: (a) => a.unitName },
          { label: t(lang, 'ocTarget'), cell: (a) => targetText(lang, a) },
          { label: t(lang, 'ocAppealed'), cell: (a) => standingText(lang, a.appealed) },
          { label: t(lang, 'ocStatus'), cell: (a) => <AppealStatusBadge status={a.status} /> },
          {
            label: t(lang, 'actions'),
            cell: (a) => <a href={appealHref(cycle.id, a.unit, a.id)}>{t(lang, 'ocOpen')}</a>,
          },
        ]}
        nextCursor={list.nextCursor}
        hasPrev={props.hasPrev}
      />
      <p class="hint" id="appeal-counts">
        {t(lang, 'ocQueueIntro')}{' '}
        {t(lang, 'ocCounts', {
          submitted: list.counts.submitted ?? 0,
          accepted: list.counts.accepted ?? 0,
          rejected: list.counts.rejected ?? 0,
          withdrawn: list.counts.withdrawn ?? 0,
        })}
      </p>
    </>
  );
}
