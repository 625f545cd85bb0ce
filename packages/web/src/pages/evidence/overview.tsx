import { CONTRACTS } from '@jixiao/api/contracts';
import type { CycleView } from '@jixiao/core';
import type { SuccessOf } from '../../client/api-client';
import { problemPage } from '../../components/message-page';
import { type Ctx, useView } from '../../context';
import { t } from '../../i18n';
import { CycleHeading, loadCycle } from '../cycles/office/paths';
import { formatBytes } from './format';
import { officeHref, unitEvidenceHref } from './paths';

/**
 * `/console/cycles/:id/evidence`: the office's view of a cycle's evidence — per unit how many
 * documents and bytes, and which indicators have documents; a line for the office's own documents;
 * whether the evaluation is frozen. Each unit links to its page.
 */

type Overview = SuccessOf<typeof CONTRACTS.evidence.overview>;

function OverviewPage(props: { cycle: CycleView; o: Overview }) {
  const { lang } = useView();
  const { cycle, o } = props;
  const docs = o.units.reduce((n, u) => n + u.documents, o.office.documents);
  const bytes = o.units.reduce((n, u) => n + u.bytes, o.office.bytes);
  return (
    <>
      <CycleHeading cycle={cycle} title={`${t(lang, 'evOverviewTitle')} · ${cycle.name}`} />
      <p class={o.frozen ? 'notice' : 'muted'} id="ev-state">
        {o.frozen ? t(lang, 'evFrozenNote') : t(lang, 'evOpen')}
      </p>
      <div class="scroll">
        <table id="ev-overview">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'evUnit')}</th>
              <th scope="col" class="num">
                {t(lang, 'evDocuments')}
              </th>
              <th scope="col" class="num">
                {t(lang, 'evBytes')}
              </th>
              <th scope="col">{t(lang, 'evLeavesWithDocs')}</th>
              <th scope="col">{t(lang, 'actions')}</th>
            </tr>
          </thead>
          <tbody>
            {o.units.map((u) => {
              const leaves = u.leaves.filter((l) => l.documents > 0);
              return (
                <tr id={`ev-unit-${u.unit}`} data-unit={u.unit} data-documents={u.documents}>
                  <th scope="row">
                    {u.name} <span class="code">{u.unit}</span>
                  </th>
                  <td class="num">{u.documents}</td>
                  <td class="num">{formatBytes(u.bytes, lang)}</td>
                  <td>
                    {leaves.length
                      ? leaves.map((l) => `${l.leaf} ×${l.documents}`).join(lang === 'zh' ? '、' : ', ')
                      : ''}
                  </td>
                  <td>
                    <a href={unitEvidenceHref(cycle.id, u.unit)}>{t(lang, 'evView')}</a>
                  </td>
                </tr>
              );
            })}
            <tr id="ev-unit-office" data-documents={o.office.documents}>
              <th scope="row">{t(lang, 'evOfficeTitle')}</th>
              <td class="num">{o.office.documents}</td>
              <td class="num">{formatBytes(o.office.bytes, lang)}</td>
              <td />
              <td>
                <a href={officeHref(cycle.id)}>{t(lang, 'evView')}</a>
              </td>
            </tr>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t(lang, 'evTotal')}</th>
              <td class="num" id="ev-total-docs">
                {docs}
              </td>
              <td class="num">{formatBytes(bytes, lang)}</td>
              <td />
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}

/** `GET /console/cycles/:id/evidence`. */
export async function overviewPage(c: Ctx, cycleId: string) {
  const [cycle, o] = await Promise.all([
    loadCycle(c, cycleId),
    c.get('api').call(CONTRACTS.evidence.overview, { params: { cycleId } }),
  ]);
  if (!cycle.ok) return problemPage(c, cycle.problem);
  if (!o.ok) return problemPage(c, o.problem);
  return c.render(<OverviewPage cycle={cycle.data} o={o.data} />, {
    title: t(c.get('lang'), 'evOverviewTitle'),
  });
}
