import {
  type IndicatorNode,
  isBranch,
  PROVENANCE_COVER_LABELS,
  PROVENANCE_KIND_LABELS,
  type Provenance,
  SOURCE_DOCUMENT_LABELS,
  type SystemContent,
} from '@jixiao/core';
import { useView } from '../context';
import { type MessageKey, t } from '../i18n';

/**
 * Where a node of a system or template comes from (出处), wherever one is shown: a 原文 badge whose
 * citation (document, section, the quote, what the source gives beyond the name) opens on demand
 * in a <details> (no script needed), or a 示例 badge. A node without provenance shows nothing: it
 * is the office's own. Words come from the core vocabulary (PROVENANCE_KIND_LABELS …).
 */

/** What kind of node carries it, which decides what of it can be an example. */
export type ProvenanceHolder = 'leaf' | 'branch' | 'item';

/** What the source does not give for this node, so the product's example stands in. */
function examplesKey(holder: ProvenanceHolder, covers: readonly string[]): MessageKey | undefined {
  const weight = covers.includes('weight');
  const formula = covers.includes('formula');
  if (holder === 'item') return 'provExampleItem';
  if (holder === 'branch') return weight ? undefined : 'provExampleWeight';
  if (!weight && !formula) return 'provExampleWeightRule';
  if (!weight) return 'provExampleWeight';
  return formula ? undefined : 'provExampleRule';
}

/** The badge (and on demand the citation) of one node; nothing for the office's own. */
export function ProvenanceNote(props: { p: Provenance | undefined; holder: ProvenanceHolder }) {
  const { lang } = useView();
  const { p } = props;
  if (!p) return null;
  const badge = (
    <span class={`badge prov-${p.kind}`} data-provenance={p.kind}>
      {PROVENANCE_KIND_LABELS[p.kind][lang]}
    </span>
  );
  if (p.kind === 'example') {
    if (!p.note) return badge;
    return (
      <details class="prov">
        <summary>{badge}</summary>
        <p class="prov-body muted">{p.note}</p>
      </details>
    );
  }
  const covers = p.covers ?? [];
  const title = SOURCE_DOCUMENT_LABELS[p.document][lang];
  const examples = examplesKey(props.holder, covers);
  return (
    <details class="prov">
      <summary>{badge}</summary>
      <div class="prov-body">
        <p class="prov-cite">
          <cite>{lang === 'zh' ? `《${title}》` : title}</cite> {p.section}
        </p>
        <blockquote class="prov-quote">{p.quote}</blockquote>
        {covers.length ? (
          <p class="prov-covers" data-covers={covers.join(' ')}>
            {t(lang, 'provCovers', {
              what: covers.map((c) => PROVENANCE_COVER_LABELS[c][lang]).join(lang === 'zh' ? '、' : ', '),
            })}
          </p>
        ) : null}
        {examples ? <p class="prov-examples muted">{t(lang, examples)}</p> : null}
      </div>
    </details>
  );
}

const treeHas = (nodes: readonly IndicatorNode[]): boolean =>
  nodes.some((n) => !!n.provenance || (isBranch(n) && treeHas(n.children)));

/** Whether any part of the content says where it comes from (then the page explains the badges). */
export const hasProvenance = (c: SystemContent): boolean =>
  treeHas(c.dimensions) ||
  [...c.bonusItems, ...c.vetoItems, ...(c.statistics ?? []), ...c.grading.levels].some((x) => !!x.provenance);

/** What 原文 and 示例 mean, once per page. */
export function ProvenanceLegend() {
  const { lang } = useView();
  return (
    <p class="prov-legend" id="provenance-legend">
      <span class="badge prov-source">{PROVENANCE_KIND_LABELS.source[lang]}</span>{' '}
      {t(lang, 'provLegendSource')}{' '}
      <span class="badge prov-example">{PROVENANCE_KIND_LABELS.example[lang]}</span>{' '}
      {t(lang, 'provLegendExample')}
    </p>
  );
}
