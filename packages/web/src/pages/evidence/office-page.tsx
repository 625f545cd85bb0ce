import { CONTRACTS } from '@jixiao/api/contracts';
import type { CycleView } from '@jixiao/core';
import type { SuccessOf } from '../../client/api-client';
import { problemPage } from '../../components/message-page';
import { type Ctx, useView } from '../../context';
import { t } from '../../i18n';
import { useMay } from '../../policy';
import { CycleHeading, loadCycle } from '../cycles/office/paths';
import { DocumentTable } from './documents';
import { EvidenceScript, FrozenNotice, UploadedFlash } from './parts';
import { officeHref, overviewHref } from './paths';
import { AllowedNote, UploadConfig, UploadForm } from './upload-form';

/**
 * `/console/cycles/:id/evidence/office`: the office's own documents of the cycle (the review
 * meeting's papers, notices), with their versions, and the form to upload one or a new version.
 */

type List = SuccessOf<typeof CONTRACTS.evidence.officeList>;

function OfficeEvidencePage(props: { cycle: CycleView; list: List }) {
  const { lang } = useView();
  const may = useMay();
  const { cycle, list } = props;
  const href = officeHref(cycle.id);
  const upload = list.canUpload && may(CONTRACTS.evidence.officeUpload);
  return (
    <>
      <CycleHeading cycle={cycle} title={`${t(lang, 'evOfficeTitle')} · ${cycle.name}`} />
      <p>
        <a href={overviewHref(cycle.id)}>{t(lang, 'evBackOverview')}</a>
      </p>
      <UploadedFlash />
      <FrozenNotice frozen={list.frozen} />
      <section class="card" id="leaf-office">
        <DocumentTable docs={list.items} listHref={href} />
        {upload ? (
          <>
            <AllowedNote settings={list.settings} />
            <UploadConfig settings={list.settings} listHref={href} />
            <UploadForm
              id="up-office"
              label={t(lang, 'evUploadOffice')}
              settings={list.settings}
              anchor="leaf-office"
            />
            {list.items.map((doc) => (
              <details class="ev-new-version">
                <summary>
                  {t(lang, 'evNewVersion')}
                  {t(lang, 'colon')}
                  {doc.title}
                </summary>
                <UploadForm
                  id={`up-${doc.id}`}
                  label={t(lang, 'evChooseFile')}
                  settings={list.settings}
                  evidence={doc.id}
                  anchor="leaf-office"
                />
              </details>
            ))}
          </>
        ) : null}
      </section>
      <EvidenceScript />
    </>
  );
}

/** `GET /console/cycles/:id/evidence/office`. */
export async function officeEvidencePage(c: Ctx, cycleId: string) {
  const [cycle, list] = await Promise.all([
    loadCycle(c, cycleId),
    c.get('api').call(CONTRACTS.evidence.officeList, { params: { cycleId } }),
  ]);
  if (!cycle.ok) return problemPage(c, cycle.problem);
  if (!list.ok) return problemPage(c, list.problem);
  return c.render(<OfficeEvidencePage cycle={cycle.data} list={list.data} />, {
    title: t(c.get('lang'), 'evOfficeTitle'),
    wide: true,
  });
}
