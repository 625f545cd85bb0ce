import {
  type Bilingual,
  labelOf,
  type PublicCycleResults,
  type PublicRow,
  REPORT_FORMATS,
  type ReportKind,
} from '@jixiao/core';
import { useView } from '../../context';
import { t } from '../../i18n';
import { publicUnitHref } from '../public/paths';

/** What the portal's pages share: the grade badge, a report's downloads, a group's results table. */

type ReportLink = PublicCycleResults['reports'][number];

/** The default levels' places, best first; other codes take their place in the cycle's list of grades. */
const DEFAULT_ORDER = ['excellent', 'good', 'fair', 'fail'];

/** The colour class of a grade: its place among the grades (the last one is the worst), or none. */
export function gradeClass(code: string, order: readonly string[] = DEFAULT_ORDER): string {
  const list = order.includes(code) ? order : DEFAULT_ORDER;
  const i = list.indexOf(code);
  if (i < 0) return 'grade';
  if (i === list.length - 1) return 'grade g-last';
  return `grade g${Math.min(i, 2)}`;
}

/** A grade as a coloured badge that always carries its words (colour is never the only sign). */
export function GradeBadge(props: { grade: { code: string; label: Bilingual }; order?: readonly string[] }) {
  const { lang } = useView();
  return (
    <span class={gradeClass(props.grade.code, props.order)} data-grade={props.grade.code}>
      {props.grade.label[lang]}
    </span>
  );
}

/**
 * A published report's three files as links straight to the public API's file route (it answers
 * 302 to a short-lived link of the stored file): no console hop, and the API may be cached apart.
 */
export function ReportLinks(props: {
  links: readonly ReportLink[];
  kind: ReportKind;
  unit?: string;
  title: string;
}) {
  const { lang } = useView();
  const links = REPORT_FORMATS.flatMap((f) => {
    const l = props.links.find((x) => x.kind === props.kind && x.format === f && x.unit === props.unit);
    return l ? [l] : [];
  });
  if (links.length === 0) return null;
  const id = `dl-${props.kind}${props.unit ? `-${props.unit}` : ''}`;
  return (
    <div class="report-dl" id={id}>
      <h3 id={`h-${id}`}>{props.title}</h3>
      <ul class="downloads" aria-labelledby={`h-${id}`}>
        {links.map((l) => (
          <li>
            <a class="button secondary-link" href={l.href} data-format={l.format} data-kind={l.kind}>
              {labelOf('reportFormat', l.format, lang)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A group's published results: rank, unit (to its page), total as shown, grade. */
export function ResultsTable(props: {
  tenant: string;
  cycle: string;
  rows: readonly PublicRow[];
  caption: string;
  order: readonly string[];
}) {
  const { lang } = useView();
  return (
    <section class="scroll" aria-label={props.caption} tabindex={0}>
      <table class="results">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'ptRank')}</th>
            <th scope="col">{t(lang, 'ocUnit')}</th>
            <th scope="col" class="num">
              {t(lang, 'ocTotal')}
            </th>
            <th scope="col">{t(lang, 'ocGrade')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr data-unit={r.unit} id={`row-${r.unit}`}>
              <td class="num" data-rank={r.rank}>
                {t(lang, 'ptRankOf', { rank: r.rank, of: r.of })}
              </td>
              <th scope="row">
                <a href={publicUnitHref(props.tenant, props.cycle, r.unit)}>{r.name}</a>
              </th>
              <td class="num total" data-total={r.total}>
                {r.total}
              </td>
              <td>
                <GradeBadge grade={r.grade} order={props.order} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
