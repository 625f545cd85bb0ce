/**
 * `npm run soak`: the soak harness for SOAK_SECONDS (default 600) with SOAK_CONCURRENCY workers
 * (default 8), optionally only the traffic kinds in SOAK_KINDS (comma-separated, e.g.
 * `read,results,console` to tell data growth from a leak); prints the table, writes the whole
 * report as JSON to SOAK_OUT (default .tmp/soak.json) and exits non-zero on any error (the memory
 * verdict is reported, not enforced: one run's slope on a shared machine is evidence to read).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatReport, KINDS, type Kind, runSoak } from './harness';

const seconds = Number(process.env.SOAK_SECONDS ?? 600);
const concurrency = Number(process.env.SOAK_CONCURRENCY ?? 8);
const out = resolve(process.env.SOAK_OUT ?? '.tmp/soak.json');
if (!(seconds > 0) || !(concurrency > 0))
  throw new Error('SOAK_SECONDS and SOAK_CONCURRENCY must be positive');

const kinds = process.env.SOAK_KINDS?.split(',').map((k) => k.trim()) as Kind[] | undefined;
const unknown = kinds?.filter((k) => !KINDS.includes(k));
if (unknown?.length)
  throw new Error(`SOAK_KINDS: unknown ${unknown.join(', ')} (known: ${KINDS.join(', ')})`);

const report = await runSoak({
  seconds,
  concurrency,
  ...(kinds ? { kinds } : {}),
  progress: (line) => console.log(line),
});
console.log(`\n${formatReport(report)}`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nreport: ${out}`);
process.exit(report.errors > 0 ? 1 : 0);
