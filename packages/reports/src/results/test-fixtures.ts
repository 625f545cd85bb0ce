import {
  type CongressReport,
  type OfficeReport,
  type ReportData,
  sampleReports,
  type UnitReport,
} from '@jixiao/core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** For the renderers' tests: the sample year's reports (built by the real builders), renamed at will, and PDF text read back. */

let cached: ReturnType<typeof sampleReports> | undefined;
export const samples = () => {
  cached ??= sampleReports();
  return structuredClone(cached);
};

export const HOSTILE = '<script>alert(1)</script>&"';

/** A copy of a report with every unit, group, tenant and cycle name passed through `rename`. */
export function renamed<T extends ReportData>(data: T, rename: (name: string, role: string) => string): T {
  const d = structuredClone(data) as ReportData;
  d.header.tenant.name = rename(d.header.tenant.name, 'tenant');
  d.header.cycle.name = rename(d.header.cycle.name, 'cycle');
  const groups = (gs: OfficeReport['groups']) => {
    for (const g of gs) {
      g.name = rename(g.name, 'group');
      for (const l of g.ranking) l.name = rename(l.name, 'unit');
    }
  };
  const office = (o: Omit<OfficeReport, 'kind' | 'header'>) => {
    groups(o.groups);
    for (const p of o.problems) p.name = rename(p.name, 'indicator');
    for (const c of o.appeals.changes) c.name = rename(c.name, 'unit');
  };
  if (d.kind === 'unit') {
    const u = d as UnitReport;
    u.unit.name = rename(u.unit.name, 'unit');
    u.unit.group.name = rename(u.unit.group.name, 'group');
    for (const x of u.dimensions) x.name = rename(x.name, 'dimension');
    for (const i of u.indicators) {
      i.name = rename(i.name, 'indicator');
      i.path = i.path.map((p) => rename(p, 'dimension'));
      i.reason.zh = rename(i.reason.zh, 'reason');
    }
    for (const l of u.losses) l.name = rename(l.name, 'indicator');
    for (const t of u.rectification) t.title = rename(t.title, 'task');
    for (const a of u.appeals) a.subject = rename(a.subject, 'appeal');
  } else if (d.kind === 'office') office(d);
  else {
    const c = d as CongressReport;
    office(c.office);
    groups(c.annex);
    c.title = rename(c.title, 'title');
    c.addressee = rename(c.addressee, 'addressee');
    c.signature = rename(c.signature, 'signature');
    for (const s of c.sections) s.paragraphs = s.paragraphs.map((p) => rename(p, 'paragraph'));
  }
  return d as T;
}

export interface PdfRead {
  pages: string[];
  text: string;
  info: Record<string, unknown>;
}

/** A PDF's text, page by page, and its document info, read back with pdf.js (as a viewer would). */
export async function readPdf(bytes: Uint8Array): Promise<PdfRead> {
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
    }
    const meta = await pdf.getMetadata();
    return { pages, text: pages.join('\n'), info: meta.info as Record<string, unknown> };
  } finally {
    await pdf.destroy();
  }
}
