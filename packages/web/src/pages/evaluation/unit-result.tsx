import { CONTRACTS } from '@jixiao/api/contracts';
import type { UnitRunResultView } from '@jixiao/core';
import { Facts } from '../../components/fields';
import { useView } from '../../context';
import { t } from '../../i18n';
import { useMay } from '../../policy';
import { BreakdownTable, TotalFacts } from './breakdown';
import { EvalHeading, RunStatusBadge, runTitle } from './parts';
import { determinationHref, runHref } from './paths';

/**
 * A unit's result in one run (`…/runs/:run/units/:unit`), for the office and observers: the unit,
 * its group and system, then the shared breakdown; the office goes on to the unit's determinations.
 */
export function UnitResultPage(props: { view: UnitRunResultView; groupName: string }) {
  const { lang } = useView();
  const may = useMay();
  const { view } = props;
  const cycleId = view.cycle.id;
  const r = view.result;
  return (
    <>
      <EvalHeading
        cycle={view.cycle}
        title={`${view.unit.name} · ${runTitle(lang, view.run)}`}
        back={{ href: runHref(cycleId, view.run.id), label: runTitle(lang, view.run) }}
      />
      <Facts
        rows={[
          [t(lang, 'erUnit'), `${view.unit.name}（${view.unit.code}）`],
          [t(lang, 'erGroup'), `${props.groupName}（${view.unit.group}）`],
          [t(lang, 'erSystem'), `${r.system.name} · ${t(lang, 'versionN', { n: r.system.version })}`],
          [
            t(lang, 'erRun'),
            <>
              {runTitle(lang, view.run)} <RunStatusBadge status={view.run.status} />
            </>,
          ],
          [
            t(lang, 'erTotal'),
            <strong id="unit-headline">
              {r.result.total.shown} · {r.result.grade.label[lang]} ·{' '}
              {t(lang, 'erRankOf', { rank: r.result.rank.rank, of: r.result.rank.of })}
            </strong>,
          ],
        ]}
      />
      {may(CONTRACTS.evaluation.determination) ? (
        <p>
          <a href={determinationHref(cycleId, view.unit.code)} id="unit-determination-link">
            {t(lang, 'erDetermination')} →
          </a>
        </p>
      ) : null}
      <BreakdownTable cycleId={cycleId} result={r} />
      <TotalFacts result={r} />
    </>
  );
}
