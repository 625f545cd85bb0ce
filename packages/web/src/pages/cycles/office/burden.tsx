import { CONTRACTS } from '@jixiao/api/contracts';
import type { CycleView } from '@jixiao/core';
import type { SuccessOf } from '../../../client/api-client';
import { problemPage } from '../../../components/message-page';
import { type Ctx, useView } from '../../../context';
import { formatNumber, type MessageKey, t } from '../../../i18n';
import { CycleHeading, cycleHref, ExportLink, loadCycle } from './paths';

/**
 * 填报负担: what the cycle asks of each unit (fields, reports, files, rounds of return) beside the
 * same count for the previous cycle, so that the office sees the burden it imposes.
 */

type Burden = SuccessOf<typeof CONTRACTS.cycles.burden>;
type Count = Burden['total'];
const KEYS = ['fields', 'reports', 'files', 'returns'] as const;
const LABELS: Record<(typeof KEYS)[number], MessageKey> = {
  fields: 'cyBurdenFields',
  reports: 'cyBurdenReports',
  files: 'cyBurdenFiles',
  returns: 'cyBurdenReturns',
};

/** A change as a signed number (+3, −2, 0), or nothing without a previous count. */
export const delta = (now: number, before: number | undefined): string => {
  if (before === undefined) return '';
  const d = now - before;
  return d > 0 ? `+${formatNumber(d)}` : d < 0 ? `−${formatNumber(-d)}` : '0';
};

function Cells(props: { now: Count; before: Count | undefined }) {
  return (
    <>
      {KEYS.map((k) => (
        <>
          <td class="num">{formatNumber(props.now[k])}</td>
          <td class="num">{props.before ? formatNumber(props.before[k]) : '—'}</td>
          <td class="num" data-delta={k}>
            {delta(props.now[k], props.before?.[k])}
          </td>
        </>
      ))}
    </>
  );
}

function BurdenPage(props: { cycle: CycleView; burden: Burden }) {
  const { lang } = useView();
  const { cycle, burden } = props;
  const prev = burden.previousCycle;
  return (
    <>
      <CycleHeading
        cycle={cycle}
        title={`${t(lang, 'cyBurden')} · ${cycle.name}`}
        actions={<ExportLink cycleId={cycle.id} table="burden.xlsx" />}
      />
      <section class="card" aria-labelledby="h-burden-rule">
        <h2 id="h-burden-rule">{t(lang, 'cyBurdenRule')}</h2>
        <p class="note" id="burden-rule">
          {burden.rule[lang]}
        </p>
        <p>
          {prev ? (
            <>
              {t(lang, 'cyComparedWith')}
              {t(lang, 'colon')}
              <a href={cycleHref(prev.id)}>
                {prev.name}（{prev.year}）
              </a>
            </>
          ) : (
            <span class="muted">{t(lang, 'cyNoPrevious')}</span>
          )}
        </p>
      </section>
      {burden.rows.length === 0 ? (
        <p class="card">{t(lang, 'noItems')}</p>
      ) : (
        <div class="scroll">
          <table id="burden">
            <thead>
              <tr>
                <th scope="col" rowspan={2}>
                  {t(lang, 'cyUnit')}
                </th>
                {KEYS.map((k) => (
                  <th scope="colgroup" colspan={3}>
                    {t(lang, LABELS[k])}
                  </th>
                ))}
              </tr>
              <tr>
                {KEYS.map(() => (
                  <>
                    <th scope="col" class="num">
                      {t(lang, 'cyNow')}
                    </th>
                    <th scope="col" class="num">
                      {t(lang, 'cyBefore')}
                    </th>
                    <th scope="col" class="num">
                      {t(lang, 'cyDelta')}
                    </th>
                  </>
                ))}
              </tr>
            </thead>
            <tbody>
              {burden.rows.map((r) => (
                <tr data-unit={r.unit} id={`burden-${r.unit}`}>
                  <th scope="row">
                    {r.unitName} <span class="code">{r.unit}</span>
                  </th>
                  <Cells now={r.now} before={r.before} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr id="burden-total">
                <th scope="row">{t(lang, 'cyTotal')}</th>
                <Cells now={burden.total} before={burden.totalBefore} />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </>
  );
}

/** `GET /console/cycles/:id/burden`: the reporting burden per unit, now and last cycle. */
export async function burdenPage(c: Ctx, id: string) {
  const [cycle, burden] = await Promise.all([
    loadCycle(c, id),
    c.get('api').call(CONTRACTS.cycles.burden, { params: { cycleId: id } }),
  ]);
  if (!cycle.ok) return problemPage(c, cycle.problem);
  if (!burden.ok) return problemPage(c, burden.problem);
  return c.render(<BurdenPage cycle={cycle.data} burden={burden.data} />, {
    title: t(c.get('lang'), 'cyBurden'),
  });
}
