import { CONTRACTS } from '@jixiao/api/contracts';
import { type CycleView, SURVEY_STATUS_LABELS } from '@jixiao/core';
import type { SuccessOf } from '../../client/api-client';
import { ListPage } from '../../components/list-page';
import { useView } from '../../context';
import { formatDateTime, t } from '../../i18n';
import { useMay } from '../../policy';
import { BackToCycle } from '../cycles/office/paths';
import { surveyHref, surveysHref } from './paths';

/** `GET /console/cycles/:id/surveys`: the cycle's questionnaires. */
export function SurveyListPage(props: {
  cycle: CycleView;
  page: SuccessOf<typeof CONTRACTS.surveys.list>;
  hasPrev: boolean;
}) {
  const { lang } = useView();
  const may = useMay();
  const { cycle } = props;
  return (
    <>
      <BackToCycle cycle={cycle} />
      <ListPage
        title={`${t(lang, 'svTitle')} · ${cycle.name}`}
        actions={
          may(CONTRACTS.surveys.create) ? (
            <a class="button primary" href={`${surveysHref(cycle.id)}/new`} id="survey-new">
              {t(lang, 'svNew')}
            </a>
          ) : null
        }
        items={props.page.items}
        rowAttrs={(s) => ({ 'data-id': s.id })}
        columns={[
          { label: t(lang, 'svFormTitle'), cell: (s) => <a href={surveyHref(cycle.id, s.id)}>{s.title}</a> },
          {
            label: t(lang, 'svStatus'),
            cell: (s) => (
              <span class="badge" data-status={s.status}>
                {SURVEY_STATUS_LABELS[s.status][lang]}
              </span>
            ),
          },
          { label: t(lang, 'svUnits'), num: true, cell: (s) => s.units.length },
          { label: t(lang, 'svOpenedAt'), cell: (s) => (s.openedAt ? formatDateTime(s.openedAt, lang) : '') },
        ]}
        nextCursor={props.page.nextCursor}
        hasPrev={props.hasPrev}
        empty={<p class="card muted">{t(lang, 'svNone')}</p>}
      />
    </>
  );
}
