import { CONTRACTS } from '@jixiao/api/contracts';
import { labelOf, REPORT_FORMATS, type ReportFormat, type ReportKind } from '@jixiao/core';
import { useView } from '../../context';
import { type Lang, t } from '../../i18n';
import { useMay } from '../../policy';
import { reportFileHref } from './paths';

/** A file's size as people read it: `820 KB`, `1.4 MB` (bytes below 1 KB as 1 KB). */
export function fileSize(bytes: number, lang: Lang): string {
  if (bytes >= 1024 * 1024) return t(lang, 'rpMegabytes', { n: (bytes / 1024 / 1024).toFixed(1) });
  return t(lang, 'rpKilobytes', { n: Math.max(1, Math.round(bytes / 1024)) });
}

/**
 * The three files of one report (PDF 文档 · Excel 表格 · 网页) as links to the console's download
 * route, each with its size where the page knows it.
 */
export function FormatLinks(props: {
  cycleId: string;
  kind: ReportKind;
  unit?: string | undefined;
  run?: string | undefined;
  sizes?: Partial<Record<ReportFormat, number>> | undefined;
}) {
  const { lang } = useView();
  return (
    <ul class="downloads" data-kind={props.kind} data-unit={props.unit}>
      {REPORT_FORMATS.map((f) => {
        const bytes = props.sizes?.[f];
        return (
          <li>
            <a
              class="button secondary-link"
              href={reportFileHref(props.cycleId, props.kind, f, { unit: props.unit, run: props.run })}
              data-format={f}
            >
              {labelOf('reportFormat', f, lang)}
            </a>
            {bytes !== undefined ? <span class="muted size"> {fileSize(bytes, lang)}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * 下载本单位评估报告: a unit's own report of the released results, for its released-result page.
 * Offered to who may read reports; the API still decides (a unit user reads only its own unit).
 */
export function UnitReportDownloads(props: { cycleId: string; unit: string }) {
  const { lang } = useView();
  const may = useMay();
  if (!may(CONTRACTS.reports.file)) return null;
  return (
    <section class="card" aria-labelledby="h-unit-report" id="unit-report">
      <h2 id="h-unit-report">{t(lang, 'rpUnitDownloads')}</h2>
      <p class="hint">{t(lang, 'rpUnitDownloadsHint')}</p>
      <FormatLinks cycleId={props.cycleId} kind="unit" unit={props.unit} />
    </section>
  );
}
