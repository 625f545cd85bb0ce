import { spawnSync } from 'node:child_process';

/**
 * The real programs the clients tier checks our files with, found on PATH: LibreOffice (Debian's
 * `libreoffice-calc-nogui`) to open, print and re-save workbooks, and poppler (`poppler-utils`) to
 * read PDFs back. `.ci/run` installs both where apt can; a machine without them runs the tier's
 * other tests and says, visibly, which checks it could not make.
 */
export interface OfficeTools {
  /** `soffice`, and its version line; undefined when LibreOffice is not installed. */
  soffice?: { path: string; version: string };
  /** poppler's pdftotext, pdffonts and pdfinfo, and their version; undefined when any is missing. */
  poppler?: { pdftotext: string; pdffonts: string; pdfinfo: string; version: string };
  /**
   * Whether Carlito is installed: metric-compatible with Calibri, the default font of the workbooks
   * we write, which sets the unit of column widths. Without it LibreOffice measures columns in
   * DejaVu Sans, a third wider than Excel and WPS do, and fits sheets smaller than they print there.
   */
  carlito: boolean;
}

function which(name: string): string | undefined {
  const run = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const path = run.stdout.trim();
  return run.status === 0 && path ? path : undefined;
}

function versionOf(path: string, args: string[]): string | undefined {
  const run = spawnSync(path, args, { encoding: 'utf8', timeout: 60_000 });
  if (run.error) return undefined;
  // pdftotext prints its version on stderr.
  const line = `${run.stdout}\n${run.stderr}`.split('\n').find((l) => l.trim() !== '');
  return line?.trim();
}

let found: OfficeTools | undefined;

export function officeTools(): OfficeTools {
  if (found) return found;
  const fonts = spawnSync('sh', ['-c', 'fc-list : family'], { encoding: 'utf8' });
  const tools: OfficeTools = { carlito: /carlito/i.test(fonts.stdout ?? '') };
  const soffice = which('soffice') ?? which('libreoffice');
  const sofficeVersion = soffice && versionOf(soffice, ['--version']);
  if (soffice && sofficeVersion) tools.soffice = { path: soffice, version: sofficeVersion };
  const [pdftotext, pdffonts, pdfinfo] = ['pdftotext', 'pdffonts', 'pdfinfo'].map(which);
  const popplerVersion = pdftotext && versionOf(pdftotext, ['-v']);
  if (pdftotext && pdffonts && pdfinfo && popplerVersion)
    tools.poppler = { pdftotext, pdffonts, pdfinfo, version: popplerVersion };
  found = tools;
  return tools;
}

/** The line `npm test` prints before the tier runs: what checks our files, or what could not. */
export function toolsNotice(t: OfficeTools = officeTools()): string[] {
  return [
    t.soffice
      ? `clients tier: ${t.soffice.version} (${t.soffice.path}) opens, prints and re-saves every workbook`
      : 'clients tier: NOTICE — LibreOffice is not installed (Debian: libreoffice-calc-nogui); the workbook print and re-save checks do not run on this machine',
    t.carlito
      ? 'clients tier: Carlito measures column widths as Excel and WPS do (Calibri metrics)'
      : 'clients tier: NOTICE — Carlito is not installed (Debian: fonts-crosextra-carlito); LibreOffice measures columns in DejaVu Sans, a third wider, so printed sizes are smaller than in Excel or WPS',
    t.poppler
      ? `clients tier: poppler ${t.poppler.version.replace(/^pdftotext version /, '')} reads every PDF back`
      : 'clients tier: NOTICE — poppler-utils is not installed; the PDF checks do not run on this machine',
  ];
}

/** vitest globalSetup of the clients project. */
export default function setup(): void {
  for (const line of toolsNotice()) console.log(line);
}
