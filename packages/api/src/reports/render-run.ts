import { buildCongressReport, mapLimit, REPORT_FORMATS } from '@jixiao/core';
import { loadCycle } from '../cycles/context';
import { loadRun, releasedPointer } from '../evaluation/context';
import type { Caller } from '../http/caller';
import { officeReport, reportData } from './data';
import { loadRunInputs } from './run-inputs';
import { ensureReport } from './store';

/**
 * The year-end batch's report step (#11): every format of the reports of a run, rendered ahead of
 * the office's review so that downloads are ready. Called with the batch's system caller while the
 * run is still running (its rows and unit results are written by then). Ensuring is idempotent: a
 * retried or resumed batch finds its files stored and renders nothing twice.
 */

/** Units rendered at once: rendering is CPU-bound, this only overlaps the reads and writes. */
const UNITS_AT_ONCE = 4;

async function inputsOf(caller: Caller, cycleId: string, runId: string) {
  const cycle = await loadCycle(caller, cycleId);
  const [run, pointer] = await Promise.all([loadRun(caller, cycle, runId), releasedPointer(caller, cycle)]);
  return loadRunInputs(caller, cycle, run, pointer);
}

/**
 * The unit reports of `units` (PDF, XLSX and HTML each), the run's shared inputs read once.
 * `rendered`: the units whose three files are now stored (rendered now or found stored).
 */
export async function renderRunUnitReports(
  caller: Caller,
  cycleId: string,
  runId: string,
  units: string[],
): Promise<{ rendered: number }> {
  const inputs = await inputsOf(caller, cycleId, runId);
  let rendered = 0;
  await mapLimit(units, UNITS_AT_ONCE, async (unit) => {
    const data = await reportData(inputs, 'unit', unit);
    if (!data) {
      caller.deps.log({
        level: 'warn',
        msg: 'reports: a unit of the batch is not in the run',
        run: runId,
        unit,
      });
      return;
    }
    for (const format of REPORT_FORMATS) await ensureReport(caller.deps, inputs.t, cycleId, data, format);
    rendered++;
  });
  return { rendered };
}

/** The office's overall report and the report to the People's Congress, every format: `rendered` is 2. */
export async function renderRunSummaries(
  caller: Caller,
  cycleId: string,
  runId: string,
): Promise<{ rendered: number }> {
  const inputs = await inputsOf(caller, cycleId, runId);
  const office = await officeReport(inputs);
  for (const data of [office, buildCongressReport({ office })])
    for (const format of REPORT_FORMATS) await ensureReport(caller.deps, inputs.t, cycleId, data, format);
  return { rendered: 2 };
}
