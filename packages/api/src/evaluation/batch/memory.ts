/**
 * Stand-in storage for the batch's unit tests (not exported from the package): the run records,
 * the bucket and the report renderer in memory, with the same contracts as RunsRepo, BlobStore and
 * the reports' use cases (conditional lock, batches counted once, versions bumped, files rendered
 * once per distinct data), so the steps' own rules run unchanged on top.
 */
import { type BatchStep, type EvaluationRun, errors, type Job, type ResultRow } from '@jixiao/core';
import type { StoredObject } from '@jixiao/data';
import type { ReportRenderer, RunStore } from './context';
import type { ObjectStore } from './objects';

type Stamp = 'version' | 'createdAt' | 'updatedAt';

export class MemoryRuns implements RunStore {
  readonly runs = new Map<string, EvaluationRun>();
  readonly rowsOf = new Map<string, ResultRow[]>();
  lockHeld: { run: string; leaseUntil: string } | undefined;
  writes = 0;

  constructor(private readonly now: () => Date) {}

  private k = (t: string, cycle: string, run: string) => `${t}/${cycle}/${run}`;

  add(t: string, cycle: string, run: Omit<EvaluationRun, Stamp>): EvaluationRun {
    const at = this.now().toISOString();
    const r = { ...run, version: 1, createdAt: at, updatedAt: at } as EvaluationRun;
    this.runs.set(this.k(t, cycle, run.id), r);
    return r;
  }

  get = async (t: string, cycle: string, run: string) => {
    const r = this.runs.get(this.k(t, cycle, run));
    return r ? structuredClone(r) : undefined;
  };

  all = async (t: string, cycle: string) =>
    [...this.runs.entries()]
      .filter(([k]) => k.startsWith(`${t}/${cycle}/`))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, r]) => structuredClone(r));

  patch = async (t: string, cycle: string, run: string, changes: Partial<EvaluationRun>) => {
    const r = this.runs.get(this.k(t, cycle, run));
    if (!r) throw errors.notFound('计算批次', 'Evaluation run');
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const next = {
      ...r,
      ...structuredClone(defined),
      version: r.version + 1,
      updatedAt: this.now().toISOString(),
    };
    this.runs.set(this.k(t, cycle, run), next);
    this.writes++;
    return structuredClone(next);
  };

  countBatch = async (
    t: string,
    cycle: string,
    run: string,
    batch: string,
    units: number,
    leaseUntil: string,
    step: BatchStep = 'score',
  ) => {
    const r = this.runs.get(this.k(t, cycle, run));
    const [list, count] =
      step === 'score' ? (['batches', 'scored'] as const) : (['reportBatches', 'reported'] as const);
    if (!r || (r[list] ?? []).includes(batch)) return false;
    this.runs.set(this.k(t, cycle, run), {
      ...r,
      [list]: [...(r[list] ?? []), batch],
      [count]: (r[count] ?? 0) + units,
      leaseUntil,
      version: r.version + 1,
    });
    this.writes++;
    return true;
  };

  lock = async (_t: string, _cycle: string, run: string, leaseUntil: string) => {
    const now = this.now().toISOString();
    if (this.lockHeld && this.lockHeld.leaseUntil >= now && this.lockHeld.run !== run)
      return this.lockHeld.run;
    this.lockHeld = { run, leaseUntil };
    return undefined;
  };

  unlock = async (_t: string, _cycle: string, run: string) => {
    if (this.lockHeld?.run === run) this.lockHeld = undefined;
  };

  putRows = async (_t: string, _cycle: string, run: string, rows: readonly ResultRow[]) => {
    this.rowsOf.set(run, [...rows]);
    this.writes++;
    return Math.ceil(rows.length / 25);
  };
}

export class MemoryObjects implements ObjectStore {
  readonly bucket = 'jixiao-test';
  readonly objects = new Map<string, Uint8Array>();
  puts = 0;
  gets = 0;

  private k = (t: string, path: string[]) => `tenants/${t}/${path.join('/')}`;

  put = async (t: string, path: string[], body: Uint8Array | string) => {
    this.objects.set(this.k(t, path), typeof body === 'string' ? new TextEncoder().encode(body) : body);
    this.puts++;
  };

  get = async (t: string, path: string[]) => {
    this.gets++;
    return this.objects.get(this.k(t, path));
  };

  head = async (t: string, path: string[]): Promise<StoredObject | undefined> => {
    const o = this.objects.get(this.k(t, path));
    return o ? { path: path.join('/'), size: o.length } : undefined;
  };

  list = async (t: string, path: string[] = []): Promise<StoredObject[]> => {
    const prefix = `${this.k(t, path)}/`;
    return [...this.objects.entries()]
      .filter(([k]) => k.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, o]) => ({ path: k.slice(`tenants/${t}/`.length), size: o.length }));
  };

  /** Text of the object at a path under the tenant. */
  text = (t: string, path: string) => new TextDecoder().decode(this.objects.get(`tenants/${t}/${path}`));
}

/**
 * The reports' use cases over the memory bucket: a unit's report reads its result in the run
 * (missing: the unit is not ranked yet, an error as in the real one) and, like the real store, is
 * rendered only when its file (named here by run, unit and format) does not exist yet.
 */
export class MemoryReports implements ReportRenderer {
  /** Files rendered, in order: `<run>/<unit or kind>.<format>`. */
  readonly rendered: string[] = [];

  constructor(private readonly blobs: MemoryObjects) {}

  private async ensure(job: Job, name: string) {
    for (const format of ['pdf', 'xlsx', 'html']) {
      const path = ['reports', job.cycle, job.run, `${name}.${format}`];
      if (await this.blobs.head(job.tenant, path)) continue;
      await this.blobs.put(job.tenant, path, `${name} ${format}`);
      this.rendered.push(`${job.run}/${name}.${format}`);
    }
  }

  /** `rendered`: the units whose files are stored now (rendered now or before), as the real one. */
  renderUnits = async (job: Job, units: readonly string[]) => {
    for (const unit of units) {
      if (!(await this.blobs.head(job.tenant, ['evaluations', job.cycle, job.run, 'units', `${unit}.json`])))
        throw errors.notFound(`单位 ${unit} 的结果`, `The result of unit ${unit}`);
      await this.ensure(job, unit);
    }
    return { rendered: units.length };
  };

  renderSummaries = async (job: Job) => {
    await this.ensure(job, 'office');
    await this.ensure(job, 'congress');
  };
}
