import {
  COMPARISON_GRADE_LABELS,
  type Comparison,
  type GradeQuotas,
  STANDARDISATION_METHOD_LABELS,
} from '@jixiao/core';
import { useView } from '../../context';
import { type Lang, t } from '../../i18n';
import { exportHref, type Selection } from './paths';

/** 优秀 20%、良好 30%、一般 30%，其余为较差. */
export function quotasText(lang: Lang, q: GradeQuotas): string {
  const parts = (['excellent', 'good', 'fair'] as const).map((g) =>
    t(lang, 'cmQuotaPart', { grade: COMPARISON_GRADE_LABELS[g][lang], pct: q[g] }),
  );
  return t(lang, 'cmQuotas', {
    grades: parts.join(lang === 'zh' ? '、' : ', '),
    rest: COMPARISON_GRADE_LABELS.poor[lang],
  });
}

/**
 * The method, stated: its name, its formula and the rules for gaps and ties (the API's own
 * explanation, in the page's language), the grade quotas, the year improvement is measured
 * against, and the Excel export of the same comparison.
 */
export function MethodCard(props: { cmp: Comparison; sel: Selection }) {
  const { lang } = useView();
  const { cmp } = props;
  return (
    <section class="card" aria-labelledby="h-method" id="method">
      <h2 id="h-method">
        {t(lang, 'cmMethodTitle', { method: STANDARDISATION_METHOD_LABELS[cmp.method][lang] })}
      </h2>
      <ul id="explanation" data-method={cmp.method}>
        {cmp.explanation.map((e) => (
          <li>{e[lang]}</li>
        ))}
      </ul>
      <p id="quotas">{quotasText(lang, cmp.grades)}</p>
      <p id="previous-year">
        {cmp.previousYear === null
          ? t(lang, 'cmNoPrevious')
          : t(lang, 'cmPrevious', { year: cmp.previousYear })}
      </p>
      <p>
        <a
          class="button secondary-link"
          href={exportHref({ ...props.sel, method: cmp.method })}
          id="export-link"
        >
          {t(lang, 'cmExport')}
        </a>{' '}
        <span class="muted">{t(lang, 'cmExportHint')}</span>
      </p>
    </section>
  );
}
