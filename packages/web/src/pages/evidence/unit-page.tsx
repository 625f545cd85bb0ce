import { CONTRACTS } from '@jixiao/api/contracts';
import type { Evidence } from '@jixiao/core';
import type { SuccessOf } from '../../client/api-client';
import { problemPage } from '../../components/message-page';
import { type Ctx, useView } from '../../context';
import { t } from '../../i18n';
import { useMay } from '../../policy';
import { workspaceHref } from '../cycles/unit/paths';
import { DocumentTable } from './documents';
import { EvidenceScript, FrozenNotice, UploadedFlash } from './parts';
import { overviewHref, unitEvidenceHref } from './paths';
import { AllowedNote, UploadConfig, UploadForm } from './upload-form';

/**
 * `/console/cycles/:id/evidence/:unit`: a unit's evidence (佐证材料) per applicable indicator — each
 * document with its versions, and (while the cycle is not frozen, for the unit's own user) a form to
 * upload a document for the indicator or a new version of one. The office, observers and experts
 * read the same page; what is offered comes from the API's `canUpload` and the policy.
 */

type List = SuccessOf<typeof CONTRACTS.evidence.unitList>;
type Self = SuccessOf<typeof CONTRACTS.selfAssessments.get>;

function NewVersions(props: { docs: Evidence[]; list: List; leaf: string }) {
  const { lang } = useView();
  return (
    <>
      {props.docs.map((doc) => (
        <details class="ev-new-version">
          <summary>
            {t(lang, 'evNewVersion')}
            {t(lang, 'colon')}
            {doc.title}
          </summary>
          <UploadForm
            id={`up-${doc.id}`}
            label={t(lang, 'evChooseFile')}
            settings={props.list.settings}
            leaf={props.leaf}
            evidence={doc.id}
            anchor={`leaf-${props.leaf}`}
          />
        </details>
      ))}
    </>
  );
}

function UnitEvidencePage(props: { self: Self; list: List }) {
  const { lang } = useView();
  const may = useMay();
  const { self, list } = props;
  const cycleId = self.cycle.id;
  const unit = self.unit.code;
  const href = unitEvidenceHref(cycleId, unit);
  const upload = list.canUpload && may(CONTRACTS.evidence.unitUpload);
  const byLeaf = new Map<string, Evidence[]>();
  for (const doc of list.items) byLeaf.set(doc.leaf ?? '', [...(byLeaf.get(doc.leaf ?? '') ?? []), doc]);
  const applicable = new Set(self.leaves.map((l) => l.code));
  const others = list.items.filter((d) => !applicable.has(d.leaf ?? ''));
  return (
    <>
      <p>
        <a href={workspaceHref(cycleId, unit)}>{t(lang, 'cuBackWorkspace')}</a>
        {may(CONTRACTS.evidence.overview) ? (
          <>
            {' · '}
            <a href={overviewHref(cycleId)}>{t(lang, 'evBackOverview')}</a>
          </>
        ) : null}
      </p>
      <h1>{t(lang, 'evUnitTitle', { unit: self.unit.name, cycle: self.cycle.name })}</h1>
      <UploadedFlash />
      <FrozenNotice frozen={list.frozen} />
      {upload ? (
        <>
          <AllowedNote settings={list.settings} />
          <UploadConfig settings={list.settings} listHref={href} />
        </>
      ) : null}
      {self.leaves.map((leaf) => {
        const docs = byLeaf.get(leaf.code) ?? [];
        return (
          <section class="card" id={`leaf-${leaf.code}`} data-leaf={leaf.code} data-documents={docs.length}>
            <h2>
              {leaf.name} <span class="code">{leaf.code}</span>{' '}
              {leaf.evidenceRequired ? (
                <span class={docs.length ? 'badge ok' : 'badge st-draft'}>{t(lang, 'evidenceRequired')}</span>
              ) : null}
            </h2>
            <DocumentTable docs={docs} listHref={href} />
            {upload ? (
              <>
                <UploadForm
                  id={`up-${leaf.code}`}
                  label={t(lang, 'evUploadTo', { leaf: leaf.name })}
                  settings={list.settings}
                  leaf={leaf.code}
                  anchor={`leaf-${leaf.code}`}
                />
                <NewVersions docs={docs} list={list} leaf={leaf.code} />
              </>
            ) : null}
          </section>
        );
      })}
      {others.length ? (
        <section class="card" id="leaf-others">
          <h2>{t(lang, 'evOtherDocs')}</h2>
          <DocumentTable docs={others} listHref={href} />
        </section>
      ) : null}
      <EvidenceScript />
    </>
  );
}

/** `GET /console/cycles/:id/evidence/:unit`. */
export async function unitEvidencePage(c: Ctx, cycleId: string, unit: string) {
  const api = c.get('api');
  const params = { cycleId, unit };
  // The self-assessment view names the unit's applicable indicators (and answers 404 out of scope).
  const [self, list] = await Promise.all([
    api.call(CONTRACTS.selfAssessments.get, { params }),
    api.call(CONTRACTS.evidence.unitList, { params, query: {} }),
  ]);
  if (!self.ok) return problemPage(c, self.problem);
  if (!list.ok) return problemPage(c, list.problem);
  return c.render(<UnitEvidencePage self={self.data} list={list.data} />, {
    title: t(c.get('lang'), 'evUnitTitle', { unit: self.data.unit.name, cycle: self.data.cycle.name }),
    wide: true,
  });
}
