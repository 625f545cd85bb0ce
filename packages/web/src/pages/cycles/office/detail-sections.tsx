import { CONTRACTS } from '@jixiao/api/contracts';
import { type CycleView, labelOf, unitScope } from '@jixiao/core';
import { BASE, seg, useView } from '../../../context';
import { formatDateTime, formatNumber, type MessageKey, pct, t } from '../../../i18n';
import { officeWide, useMay } from '../../../policy';
import { isSharer } from '../../comparisons/scope';
import { cycleHref } from './paths';

/** The cycle's facts: kind (and a special one's subject), year, scope, bindings, warning rule, units. */
export function CycleFacts(props: { cycle: CycleView; systemNames: Map<string, string> }) {
  const { lang } = useView();
  const { cycle } = props;
  return (
    <section class="card" aria-labelledby="h-cycle-facts">
      <h2 id="h-cycle-facts">{t(lang, 'cyFacts')}</h2>
      <dl class="facts">
        <dt>{t(lang, 'cyKind')}</dt>
        <dd>
          {labelOf('cycleKind', cycle.kind, lang)}
          {cycle.subject ? `（${labelOf('specialSubject', cycle.subject, lang)}）` : ''}
        </dd>
        <dt>{t(lang, 'cyYear')}</dt>
        <dd>{String(cycle.year)}</dd>
        {cycle.scope ? (
          <>
            <dt>{t(lang, 'cyScope')}</dt>
            <dd class="note">{cycle.scope}</dd>
          </>
        ) : null}
        <dt>{t(lang, 'cyBindings')}</dt>
        <dd>
          {cycle.bindings.length === 0 ? (
            <span class="muted">{t(lang, 'none')}</span>
          ) : (
            <ul class="plain" id="bindings">
              {cycle.bindings.map((b) => (
                <li>
                  <a href={`${BASE}/indicator-systems/${seg(b.system)}/versions/${b.systemVersion}`}>
                    {props.systemNames.get(b.system) ?? b.system}（
                    {t(lang, 'versionN', { n: b.systemVersion })}）
                  </a>{' '}
                  → {b.groups.join(lang === 'zh' ? '、' : ', ')}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t(lang, 'cyUnitsInScope')}</dt>
        <dd data-units={cycle.units}>{formatNumber(cycle.units)}</dd>
        <dt>{t(lang, 'cyWarningRule')}</dt>
        <dd>
          {t(lang, 'cyWarningRuleText', {
            green: pct(cycle.warningRule.greenAtLeast),
            yellow: pct(cycle.warningRule.yellowAtLeast),
          })}
        </dd>
        <dt>{t(lang, 'updatedAt')}</dt>
        <dd>{formatDateTime(cycle.updatedAt, lang)}</dd>
      </dl>
    </section>
  );
}

/** The pages of the cycle the caller may open: review queue, overview, burden, checks, opinions, values. */
export function CycleLinks(props: { cycle: CycleView }) {
  const { lang, me } = useView();
  const may = useMay();
  const href = cycleHref(props.cycle.id);
  const wide = officeWide(me);
  const unit = me ? unitScope(me.identity) : undefined;
  const links: [string, MessageKey, boolean][] = [
    [`${href}/plans`, 'cyPlansQueue', wide && may(CONTRACTS.plans.list)],
    [`${href}/overview`, 'cyOverview', may(CONTRACTS.cycles.overview)],
    [`${href}/burden`, 'cyBurden', may(CONTRACTS.cycles.burden)],
    [`${href}/checks`, 'cyChecks', wide && may(CONTRACTS.monitoring.checks)],
    [`${href}/opinions`, 'cyOpinions', wide && may(CONTRACTS.plans.opinions)],
    [`${href}/values`, 'cyValues', may(CONTRACTS.values.verify)],
    [`${href}/units/${seg(unit ?? '')}`, 'cyUnitWorkspace', !!unit && !wide],
    [`${href}/evidence`, 'evOverviewTitle', may(CONTRACTS.evidence.overview)],
    [`${href}/evidence/${seg(unit ?? '')}`, 'evTitle', !!unit && !wide && may(CONTRACTS.evidence.unitList)],
    [`${href}/expert-review`, 'exTitle', may(CONTRACTS.experts.review)],
    [`${href}/expert-review/mine`, 'exMine', may(CONTRACTS.experts.mine)],
    [`${href}/surveys`, 'svTitle', may(CONTRACTS.surveys.list)],
    [`${href}/review-meeting`, 'mtTitle', may(CONTRACTS.meeting.get)],
    [`${href}/evaluation`, 'erTitle', may(CONTRACTS.evaluation.overview)],
    [
      `${href}/results/${seg(unit ?? '')}`,
      'erMyResult',
      !!unit && !wide && may(CONTRACTS.evaluation.released),
    ],
    // Appeals, rectification and the use of results (#10): their links follow.
    [
      `${href}/appeals`,
      'ocAppeals',
      wide ? may(CONTRACTS.cycles.overview) : !!unit && may(CONTRACTS.appeals.submit),
    ],
    [
      `${href}/rectification`,
      'ocRectification',
      wide ? may(CONTRACTS.cycles.overview) : !!unit && may(CONTRACTS.rectification.progress),
    ],
    [
      `${href}/result-uses`,
      'ocUses',
      wide ? may(CONTRACTS.cycles.overview) : !!unit && may(CONTRACTS.appeals.submit),
    ],
    // Reports and their publication (#11).
    [`${href}/reports`, 'rpTitle', wide && may(CONTRACTS.reports.index)],
    [`${href}/publication`, 'pbTitle', may(CONTRACTS.publication.view)],
    // Sharing the released results with the offices above (#12).
    [`${href}/sharing`, 'shTitle', may(CONTRACTS.sharing.cycle) && isSharer(me)],
  ];
  const shown = links.filter(([, , ok]) => ok);
  if (shown.length === 0) return null;
  return (
    <nav class="card" aria-labelledby="h-cycle-links">
      <h2 id="h-cycle-links">{t(lang, 'cyWork')}</h2>
      <div class="actions" id="cycle-links">
        {shown.map(([to, label]) => (
          <a class="button secondary-link" href={to}>
            {t(lang, label)}
          </a>
        ))}
      </div>
    </nav>
  );
}

/** The steps the office reopened, and why. */
export function Reopenings(props: { cycle: CycleView }) {
  const { lang } = useView();
  const list = props.cycle.reopenings;
  if (list.length === 0) return null;
  return (
    <section class="card" aria-labelledby="h-reopenings">
      <h2 id="h-reopenings">{t(lang, 'cyReopenings')}</h2>
      <table id="reopenings">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'cyTime')}</th>
            <th scope="col">{t(lang, 'cyReopenFrom')}</th>
            <th scope="col">{t(lang, 'cyReopenTo')}</th>
            <th scope="col">{t(lang, 'cyReopenReason')}</th>
            <th scope="col">{t(lang, 'cyBy')}</th>
          </tr>
        </thead>
        <tbody>
          {[...list].reverse().map((r) => (
            <tr>
              <td>{formatDateTime(r.at, lang)}</td>
              <td>{labelOf('cycleState', r.from, lang)}</td>
              <td>{labelOf('cycleState', r.to, lang)}</td>
              <td class="note">{r.reason}</td>
              <td>{r.by}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
