// `npm run evaluate -- --tenant 230100 --year 2025 [--resume] [--reason …] [--user …]`: the year-end
// evaluation of a cycle from the command line, through the API as the tenant's admin. Drives the app
// on PORT when it is serving (npm start), else starts the embedded stack on DATA_DIR in-process.
import { parseArgs } from 'node:util';
import {
  cycleSchema,
  evaluationOverviewSchema,
  problemSchema,
  type ResultRow,
  RUN_KIND_LABELS,
  RUN_STEP_LABELS,
  RUN_STEPS,
  type RunStep,
  type RunView,
  runResultsSchema,
  runViewSchema,
  unitGroupSchema,
} from '@jixiao/core';
import { z } from 'zod';
import { type Stack, startStack } from './stack';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** The demo tenants' office admins (any other tenant: --user). */
const DEMO_ADMINS: Record<string, string> = {
  '230100': 'hrb-admin',
  '230125': 'bx-admin',
  '230000': 'hlj-admin',
};

const USAGE = `用法 Usage: npm run evaluate -- --tenant 230100 --year 2025 [--resume] [--reason 原因] [--user hrb-admin]`;

interface Answer {
  status: number;
  body: unknown;
}

interface Api {
  call(method: string, path: string, body?: unknown): Promise<Answer>;
  /** Waits for work in flight (in-process only) and stops what was started. */
  close(): Promise<void>;
  where: string;
}

const env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    DATA_DIR: z.string().default('.data'),
  })
  .parse(process.env);

const say = (zh: string, en: string) => process.stderr.write(`${zh}\n${en}\n`);

class CliError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly code = 1,
  ) {
    super(en);
  }
}

/** The app on PORT, if it answers /health. */
async function serving(base: string): Promise<boolean> {
  try {
    const r = await fetch(`${base}/health`, { signal: AbortSignal.timeout(1500) });
    return r.ok;
  } catch {
    return false;
  }
}

const requester =
  (send: (req: Request) => Promise<Response>, base: string, token: string) =>
  async (method: string, path: string, body?: unknown) => {
    const req = new Request(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const r = await send(req).catch((e: Error) => {
      throw new CliError(
        `服务 ${base} 没有响应（${e.message}）。计算若已开始，可在服务恢复后加 --resume 继续。`,
        `${base} did not answer (${e.message}). A run already started can be continued with --resume once it is back.`,
      );
    });
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: r.status, body: parsed };
  };

async function overHttp(base: string, tenant: string, user: string | undefined): Promise<Api> {
  const id = user ?? DEMO_ADMINS[tenant];
  if (!id)
    throw new CliError(
      `请用 --user 指定 ${tenant} 的考核办管理员账号。`,
      `Name an office admin of ${tenant} with --user.`,
      2,
    );
  const r = await fetch(`${base}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant, user: id }),
  });
  const body = (await r.json().catch(() => ({}))) as {
    access_token?: string;
    message?: { zh: string; en: string };
  };
  if (!r.ok || !body.access_token)
    throw new CliError(
      `无法以 ${id} 登录：${body.message?.zh ?? r.status}`,
      `Cannot sign in as ${id}: ${body.message?.en ?? r.status}`,
      2,
    );
  return { call: requester(fetch, base, body.access_token), close: async () => {}, where: base };
}

async function inProcess(tenant: string, user: string | undefined): Promise<Api> {
  say(
    `未发现运行中的服务，正在 ${env.DATA_DIR}/ 上启动内嵌环境……`,
    `No app is serving; starting the embedded stack on ${env.DATA_DIR}/…`,
  );
  let stack: Stack;
  try {
    stack = await startStack({ port: 0, dynamoPort: 0, s3Port: 0, dataDir: env.DATA_DIR, log: () => {} });
  } catch (e) {
    throw new CliError(
      `内嵌环境无法启动（数据目录 ${env.DATA_DIR}/ 是否被其他进程占用？）：${(e as Error).message}`,
      `The embedded stack did not start (is ${env.DATA_DIR}/ in use by another process?): ${(e as Error).message}`,
    );
  }
  let id = user;
  if (!id) {
    const users = await stack.data.org.listUsers(tenant, { limit: 200 });
    id = users.items.find((u) => u.active !== false && u.roles.includes('tenant_admin'))?.id;
  }
  if (!id) {
    await stack.stop();
    throw new CliError(`${tenant} 没有考核办管理员账号。`, `Tenant ${tenant} has no office admin.`, 2);
  }
  const token = await stack.issuer.signFor(tenant, id);
  return {
    call: requester((req) => stack.fetch(req), stack.url, token),
    async close() {
      await stack.evaluation.idle();
      await stack.stop();
    },
    where: `${env.DATA_DIR}/`,
  };
}

/** The API's problem document in both languages (or what came instead). */
/** The API's problem document in both languages (or whatever came instead). */
const problem = (body: unknown) => {
  const p = problemSchema.safeParse(body);
  return p.success
    ? { ...p.data.message, code: p.data.code }
    : { zh: String(body), en: String(body), code: '' };
};

/** The answer's body as its schema says, or the problem as the CLI's error. */
function answerOf<T>(r: Answer, schema: z.ZodType<T>, status = 200): T {
  if (r.status !== status) {
    const p = problem(r.body);
    throw new CliError(p.zh, p.en, r.status === 409 || r.status === 404 ? 2 : 1);
  }
  return schema.parse(r.body);
}

const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional() });

async function findCycle(api: Api, year: number): Promise<{ id: string; name: string }> {
  const found: z.infer<typeof cycleSchema>[] = [];
  let cursor: string | undefined;
  do {
    const q = `limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = answerOf(await api.call('GET', `/v1/cycles?${q}`), pageOf(cycleSchema));
    found.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const of = found.filter((c) => c.year === year);
  const cycle = of.find((c) => c.kind === 'annual') ?? of[0];
  if (!cycle) throw new CliError(`没有 ${year} 年度的考核周期。`, `There is no ${year} cycle.`, 2);
  return cycle;
}

/** Starts a run, or resumes the cycle's stopped one with --resume. */
async function launch(api: Api, cycle: string, o: { resume: boolean; reason: string }): Promise<RunView> {
  const base = `/v1/cycles/${cycle}/evaluation`;
  if (o.resume) {
    const overview = answerOf(await api.call('GET', base), evaluationOverviewSchema);
    const stopped = overview.runs.find((r) => r.resumable);
    if (!stopped) throw new CliError('没有可以继续的计算。', 'There is no stopped run to resume.', 2);
    return started(await api.call('POST', `${base}/runs/${stopped.id}/resume`));
  }
  return started(await api.call('POST', `${base}/runs`, { reason: o.reason }));
}

/** A start's or resume's answer: the run, or why not (and what to do about a run under way). */
function started(r: Answer): RunView {
  if (r.status === 202) return runViewSchema.parse(r.body);
  const p = problem(r.body);
  throw p.code === 'run_in_progress'
    ? new CliError(
        `${p.zh}\n若该次计算已中断（进程退出超过十分钟），可加 --resume 从中断处继续。`,
        `${p.en}\nIf that run has stopped (its process gone for over ten minutes), continue it with --resume.`,
        2,
      )
    : new CliError(p.zh, p.en, 2);
}

/** `[██████░░░░] 25/53  3/6 逐单位计分 Score each unit` */
function progressLine(run: RunView): string {
  const width = 24;
  const filled = run.total ? Math.round((run.scored / run.total) * width) : 0;
  const step = RUN_STEP_LABELS[run.step as RunStep];
  const n = RUN_STEPS.indexOf(run.step as RunStep) + 1;
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${run.scored}/${run.total}  ${n}/${RUN_STEPS.length} ${step.zh} ${step.en}`;
}

async function follow(api: Api, cycle: string, run: RunView): Promise<RunView> {
  const tty = process.stderr.isTTY;
  let last = '';
  let current = run;
  for (;;) {
    const line = progressLine(current);
    if (line !== last) {
      process.stderr.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
      last = line;
    }
    if (current.status !== 'running') break;
    if (current.stale) {
      if (tty) process.stderr.write('\n');
      throw new CliError(
        `第 ${current.number} 次计算的进程已停止。可加 --resume 继续。`,
        `Run ${current.number} has stopped (its process is gone); continue it with --resume.`,
      );
    }
    await new Promise((r) => setTimeout(r, 400));
    current = answerOf(
      await api.call('GET', `/v1/cycles/${cycle}/evaluation/runs/${current.id}`),
      runViewSchema,
    );
  }
  if (tty) process.stderr.write('\n');
  return current;
}

const pad = (s: string, n: number) => {
  // Chinese characters take two columns.
  const w = [...s].reduce((sum, ch) => sum + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(0, n - w));
};

function printResults(rows: ResultRow[], groupNames: Map<string, string>): void {
  const out: string[] = [];
  for (const group of [...new Set(rows.map((r) => r.group))]) {
    out.push('', `${groupNames.get(group) ?? group}（${group}）`);
    out.push(`  ${pad('排名 Rank', 11)}${pad('单位 Unit', 34)}${pad('得分 Total', 12)}等次 Grade`);
    for (const r of rows.filter((x) => x.group === group))
      out.push(
        `  ${pad(`${r.rank}/${r.of}`, 11)}${pad(`${r.name}`, 34)}${pad(r.total.shown, 12)}${r.gradeLabel.zh} ${r.gradeLabel.en}${r.vetoes.length ? '  ⚑' : ''}`,
      );
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string' },
      year: { type: 'string' },
      resume: { type: 'boolean', default: false },
      reason: { type: 'string' },
      user: { type: 'string' },
    },
  });
  const tenant = values.tenant ?? '';
  const year = Number(values.year);
  if (!/^\d{6}$/.test(tenant) || !Number.isInteger(year)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const base = `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${env.PORT}`;
  const wall = performance.now();
  const api = (await serving(base))
    ? await overHttp(base, tenant, values.user)
    : await inProcess(tenant, values.user);
  try {
    const cycle = await findCycle(api, year);
    const started = await launch(api, cycle.id, {
      resume: values.resume,
      reason: values.reason ?? '命令行发起（npm run evaluate）',
    });
    say(
      `${cycle.name}：第 ${started.number} 次计算（${RUN_KIND_LABELS[started.kind].zh}，第 ${started.attempts} 次执行），经 ${api.where}`,
      `${cycle.name}: run ${started.number} (${RUN_KIND_LABELS[started.kind].en}, attempt ${started.attempts}) via ${api.where}`,
    );
    const run = await follow(api, cycle.id, started);
    if (run.status === 'failed') {
      const f = run.failures.at(-1);
      throw new CliError(
        `计算失败：${f?.message.zh ?? ''}\n可加 --resume 从失败处继续。`,
        `The run failed: ${f?.message.en ?? ''}\nContinue it from where it stopped with --resume.`,
      );
    }
    const [results, groups] = await Promise.all([
      api.call('GET', `/v1/cycles/${cycle.id}/evaluation/runs/${run.id}/results`),
      api.call('GET', '/v1/unit-groups?limit=200'),
    ]);
    const names = new Map(answerOf(groups, pageOf(unitGroupSchema)).items.map((g) => [g.code, g.name]));
    printResults(answerOf(results, runResultsSchema).rows, names);
    const ran = run.finishedAt ? Date.parse(run.finishedAt) - Date.parse(run.started.at) : undefined;
    say(
      `\n共 ${run.total} 个单位、${run.summary?.groups ?? names.size} 个分组；本次执行 ${ran === undefined ? '—' : `${(ran / 1000).toFixed(1)} 秒`}（自首次发起），命令用时 ${((performance.now() - wall) / 1000).toFixed(1)} 秒。`,
      `${run.total} units in ${run.summary?.groups ?? names.size} groups; the run took ${ran === undefined ? '—' : `${(ran / 1000).toFixed(1)} s`} (since first started), this command ${((performance.now() - wall) / 1000).toFixed(1)} s.`,
    );
    return 0;
  } finally {
    await api.close();
  }
}

try {
  process.exitCode = await main();
} catch (e) {
  if (e instanceof CliError) {
    say(e.zh, e.en);
    process.exitCode = e.code;
  } else {
    throw e;
  }
}
