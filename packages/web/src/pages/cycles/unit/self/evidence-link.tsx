import { CONTRACTS } from '@jixiao/api/contracts';
import type { Ctx } from '../../../../context';
import { useView } from '../../../../context';
import { t } from '../../../../i18n';
import { unitEvidenceHref } from '../../../evidence/paths';

/**
 * The unit's evidence per indicator, as the self-assessment shows it beside each indicator: how
 * many documents, and the link to the indicator's place on the evidence page (where they are
 * listed and uploaded). Counts are absent when the evidence list could not be read; then nothing
 * is shown.
 */

export type EvidenceCounts = Map<string, number>;

/** Documents per indicator of the unit (undefined when the API did not answer with the list). */
export async function evidenceCounts(
  c: Ctx,
  cycleId: string,
  unit: string,
): Promise<EvidenceCounts | undefined> {
  const r = await c.get('api').call(CONTRACTS.evidence.unitList, { params: { cycleId, unit }, query: {} });
  if (!r.ok) return undefined;
  const out: EvidenceCounts = new Map();
  for (const doc of r.data.items) if (doc.leaf) out.set(doc.leaf, (out.get(doc.leaf) ?? 0) + 1);
  return out;
}

export function EvidenceLink(props: {
  cycleId: string;
  unit: string;
  leaf: string;
  counts?: EvidenceCounts;
}) {
  const { lang } = useView();
  if (!props.counts) return null;
  const n = props.counts.get(props.leaf) ?? 0;
  return (
    <span class="ev-link" data-evidence-count={n}>
      {t(lang, 'evCountLink', { n })}{' '}
      <a href={`${unitEvidenceHref(props.cycleId, props.unit)}#leaf-${props.leaf}`}>{t(lang, 'evManage')}</a>
    </span>
  );
}
