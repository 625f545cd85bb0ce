import type { Problem, SharedResult, StandardIndicator } from '@jixiao/core';
import { useView } from '../../context';
import { t } from '../../i18n';
import { coverageShare, percent } from '../comparisons/format';
import { gradesText, SharedIndicators } from '../comparisons/snapshot';

/**
 * 将发送的内容: exactly what the recipient would hold — the mapped standard indicators with values
 * and units, the coverage, the summary — and, in words, what is not sent. Consent means seeing it.
 */
export function SharePreview(props: {
  kind: string;
  preview: SharedResult | undefined;
  problem: Problem | undefined;
  library: readonly StandardIndicator[];
}) {
  const { lang } = useView();
  const p = props.preview;
  return (
    <div class="notice" id={`preview-${props.kind}`}>
      <h3>{t(lang, 'shPreview')}</h3>
      {!p ? (
        <p>
          {props.problem?.status === 409 ? t(lang, 'shPreviewNone') : (props.problem?.message[lang] ?? '')}
        </p>
      ) : (
        <>
          <p data-coverage>
            {t(lang, 'shCoverage', {
              pct: percent(coverageShare(p.coverage)),
              mapped: p.coverage.mappedLeaves,
              total: p.coverage.totalLeaves,
            })}
          </p>
          <p data-summary>
            {t(lang, 'shSummary', {
              units: p.summary.units,
              mean: p.summary.meanTotal,
              grades: gradesText(lang, p.summary),
            })}
          </p>
          {p.indicators.length === 0 ? (
            <p class="alert">{t(lang, 'shPreviewEmpty')}</p>
          ) : (
            <SharedIndicators
              indicators={p.indicators}
              library={props.library}
              caption={t(lang, 'shPreviewCaption', { n: p.indicators.length })}
              id={`preview-indicators-${props.kind}`}
            />
          )}
          <p class="muted">{t(lang, 'shNotSent')}</p>
        </>
      )}
    </div>
  );
}
