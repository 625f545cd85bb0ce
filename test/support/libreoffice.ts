import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { officeTools } from './office-tools';

/**
 * LibreOffice headless as an office clerk uses it: print a workbook to PDF, or open it and save it
 * again as .xlsx ("Calc MS Excel 2007 XML", which rewrites styles, merged cells and shared strings).
 * Many files go in ONE call (start-up costs seconds), with a profile of its own per call so that
 * parallel runs never lock a shared one.
 */
export type ConvertTarget = 'pdf' | 'xlsx';

const FILTERS: Record<ConvertTarget, string> = {
  pdf: 'pdf',
  xlsx: 'xlsx:Calc MS Excel 2007 XML',
};

export interface ConvertOptions {
  /** Whole call, all files; LibreOffice on a busy 2-core machine needs a few seconds per workbook. */
  timeoutMs?: number;
  /** soffice to run; default: the one office-tools found on PATH. */
  soffice?: string;
}

/** Where LibreOffice writes each input: `outDir/<name>.<target>`. */
export function convertedPath(file: string, outDir: string, target: ConvertTarget): string {
  return join(outDir, `${basename(file, extname(file))}.${target}`);
}

/**
 * Converts `files` into `outDir` and returns the output paths in the same order; throws with
 * soffice's own output when it fails, times out or leaves any expected output missing.
 */
export async function convert(
  files: readonly string[],
  outDir: string,
  target: ConvertTarget,
  opts: ConvertOptions = {},
): Promise<string[]> {
  const soffice = opts.soffice ?? officeTools().soffice?.path;
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  if (files.length === 0) return [];
  const outputs = files.map((f) => convertedPath(f, outDir, target));
  // Two inputs named alike would overwrite each other's output, and saving into the input's own
  // folder would overwrite the input: both are mistakes of the caller.
  if (new Set(outputs).size !== outputs.length) throw new Error(`inputs share a name: ${files.join(', ')}`);
  const clash = files.find((f) => resolve(convertedPath(f, outDir, target)) === resolve(f));
  if (clash) throw new Error(`converting ${clash} into its own folder would overwrite it`);

  const profile = await mkdtemp(join(tmpdir(), 'lo-profile-'));
  try {
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      FILTERS[target],
      '--outdir',
      outDir,
      ...files,
    ];
    const run = await spawnCollect(soffice, args, opts.timeoutMs ?? 60_000 + 15_000 * files.length);
    const missing = outputs.filter((o) => !existsSync(o));
    if (run.code !== 0 || missing.length > 0) {
      throw new Error(
        [
          `soffice --convert-to ${target} ${run.timedOut ? 'timed out' : `exited ${run.code}`}`,
          missing.length ? `missing: ${missing.map((m) => basename(m)).join(', ')}` : '',
          `stdout: ${run.stdout.trim()}`,
          `stderr: ${run.stderr.trim()}`,
        ]
          .filter(Boolean)
          .join('\n'),
      );
    }
    return outputs;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs a program to its end (async, so the test runner stays responsive), killed at the timeout. */
export function spawnCollect(cmd: string, args: readonly string[], timeoutMs: number): Promise<Finished> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, timedOut });
    });
  });
}
