import { type ReportData, type ReportFormat, sampleReports, type UnitReport } from '@jixiao/core';
import { renderReport } from '@jixiao/reports/results';
import PDFDocument from 'pdfkit';
import { fontOf } from '../../packages/reports/src/results/pdf/fonts';
import { type BenchResult, measure, report } from './harness';

/**
 * Report rendering, against the cheapest PDF there is in the same run: an empty A4 page with the
 * report font registered and one line of text (what every PDF pays: pdfkit, the font subset, the
 * file). Then one unit's report in each format, the office's and the Congress report as PDF, and a
 * whole city: 80 units' reports in all three formats, as the year-end batch renders them (a unit's
 * three formats one after another). Each iteration renders different data (the run id changes), so
 * the content cache of ../../packages/reports/src/results/content never answers across iterations.
 * Also printed: the sizes of the files.
 */

function emptyPage(): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    font: fontOf('regular') as unknown as string,
    info: { CreationDate: new Date(0), ModDate: new Date(0) },
  });
  doc.registerFont('regular', fontOf('regular') as never);
  const chunks: Uint8Array[] = [];
  doc.on('data', (c: Uint8Array) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('regular').fontSize(12).text('单位绩效评估报告');
  doc.end();
  return done;
}

let serial = 0;
/** The same report as another run's (new content, same shape). */
function fresh<T extends ReportData>(d: T): T {
  const c = structuredClone(d);
  c.header.run.id = `rnbench${++serial}`;
  return c;
}

/** A city's unit reports: the sample's units copied to `n`, renamed and with their totals shifted. */
function city(units: readonly UnitReport[], n: number): UnitReport[] {
  return Array.from({ length: n }, (_, i) => {
    const u = structuredClone(units[i % units.length]!);
    u.unit.code = `U${String(i + 1).padStart(3, '0')}`;
    u.unit.name = `${u.unit.name}（${i + 1}）`;
    u.total = (Number(u.total) - (i % 7) * 0.37).toFixed(2);
    return u;
  });
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

export async function reportsBench() {
  const s = sampleReports();
  const size = async (d: ReportData, f: ReportFormat) => (await renderReport(fresh(d), f)).body.byteLength;
  const opts = { warmup: 2, iterations: 8 };
  // The baseline is cheap: more iterations steady it on a shared machine.
  const baseline = await measure(
    { name: 'empty A4 page, font registered, one line (baseline)', run: emptyPage },
    { warmup: 5, iterations: 40 },
  );
  const cases: BenchResult[] = [];
  for (const [name, data, format] of [
    ['unit report, PDF', s.unit, 'pdf'],
    ['unit report, XLSX', s.unit, 'xlsx'],
    ['unit report, HTML', s.unit, 'html'],
    ['office report, PDF', s.office, 'pdf'],
    ['Congress report, PDF', s.congress, 'pdf'],
  ] as const) {
    cases.push(await measure({ name, run: () => renderReport(fresh(data), format) }, opts));
  }
  const units = city(s.units, 80);
  const bytes = { pdf: 0, xlsx: 0, html: 0 };
  const whole = await measure(
    {
      name: 'a city: 80 units × (PDF + XLSX + HTML)',
      run: async () => {
        for (const u of units.map(fresh)) {
          for (const f of ['pdf', 'xlsx', 'html'] as const)
            bytes[f] += (await renderReport(u, f)).body.byteLength;
        }
      },
    },
    { warmup: 0, iterations: 1 },
  );
  cases.push(whole, {
    name: '  the same, per unit (all three formats)',
    iterations: 80,
    msPerOp: whole.msPerOp / 80,
  });
  report('Report rendering (ratios to an empty PDF page rendered in the same run)', baseline, cases);

  console.log('\n  File sizes');
  console.log(`    empty page PDF                ${kib((await emptyPage()).byteLength)}`);
  for (const [name, d] of [
    ['unit', s.unit],
    ['office', s.office],
    ['Congress', s.congress],
  ] as const) {
    const [pdf, xlsx, html] = await Promise.all((['pdf', 'xlsx', 'html'] as const).map((f) => size(d, f)));
    console.log(
      `    ${`${name} report`.padEnd(18)} PDF ${kib(pdf!).padStart(10)}  XLSX ${kib(xlsx!).padStart(10)}  HTML ${kib(html!).padStart(10)}`,
    );
  }
  console.log(
    `    city (80 units)    PDF ${kib(bytes.pdf).padStart(10)}  XLSX ${kib(bytes.xlsx).padStart(10)}  HTML ${kib(bytes.html).padStart(10)}`,
  );
}
