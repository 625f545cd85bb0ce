import {
  ACTIONS_BY_STATUS,
  contentOf,
  type ScoringResult,
  type SystemAction,
  type SystemContent,
  sampleInputs,
} from '@jixiao/core';
import type { Hono } from 'hono';
import { ApiClient, type Page, seg, withQuery } from './api';
import {
  type FormErrors,
  idempotencyKeyFrom,
  newIdempotencyKey,
  noErrors,
  problemToFormErrors,
  str,
} from './forms';
import { formatDateTime, type Lang, type MessageKey, t } from './i18n';
import { EditorForm } from './indicator-editor';
import {
  applyOp,
  type EditorErrors,
  fromContent,
  fromForm,
  noEditorErrors,
  placeIssues,
  toContent,
} from './indicator-form';
import { TrialPanel, type TrialState } from './indicator-trial';
import type {
  SystemListing,
  SystemSummary,
  SystemView,
  TemplateDetail,
  TemplateSummary,
} from './indicator-types';
import { IssueSummary, num, SideSections, StatusBadge, TreeTable } from './indicator-view';
import { ListPage } from './list-page';
import { type ConsoleEnv, type Ctx, problemPage, readForm, render, statusOf, view } from './render';
import type { Unit, UnitGroup } from './types';
import { BASE, ErrorSummary, Flash, Hidden, Layout, type View } from './ui';

const PAGE_SIZE = '20';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SYSTEMS = `${BASE}/indicator-systems`;
const TEMPLATES = `${BASE}/indicator-templates`;
/** How many of the tenant's units the trial's sample inputs cover. */
const TRIAL_UNITS = 8;

const isAdmin = (v: View) => (v.me?.identity.roles ?? []).includes('tenant_admin');
const versionHref = (id: string, v: number) => `${SYSTEMS}/${seg(id)}/versions/${v}`;
const apiVersion = (id: string, v: number | string) => `/v1/indicator-systems/${seg(id)}/versions/${v}`;

// ─── List ──────────────────────────────────────────────────────────────────────────────────────

interface ImportErrors {
  message: string;
  items: string[];
}

async function listPage(c: Ctx, importErrors?: ImportErrors, status = 200) {
  const v = view(c);
  const { lang } = v;
  const cursor = c.req.query('cursor');
  const r = await c
    .get('api')
    .get<Page<SystemListing>>(withQuery('/v1/indicator-systems', { limit: PAGE_SIZE, cursor }));
  if (!r.ok) return problemPage(c, r.problem);
  const admin = isAdmin(v);
  const vn = (s: SystemSummary) => t(lang, 'versionN', { n: s.systemVersion });
  return render(
    c,
    <Layout v={v} title={t(lang, 'isTitle')}>
      <ListPage
        v={v}
        title={t(lang, 'isTitle')}
        actions={
          admin ? (
            <>
              <a class="button" href={TEMPLATES}>
                {t(lang, 'isFromTemplate')}
              </a>
              <a class="button secondary-link" href="#import">
                {t(lang, 'isImport')}
              </a>
            </>
          ) : undefined
        }
        items={r.data.items}
        rowAttrs={(s) => ({ 'data-id': s.id })}
        columns={[
          {
            label: t(lang, 'name'),
            cell: (s) => <a href={`${SYSTEMS}/${seg(s.id)}`}>{s.latest.name}</a>,
          },
          { label: t(lang, 'status'), cell: (s) => <StatusBadge lang={lang} status={s.latest.status} /> },
          {
            label: t(lang, 'isInForce'),
            cell: (s) =>
              s.approved ? (
                <a href={versionHref(s.id, s.approved.systemVersion)}>{vn(s.approved)}</a>
              ) : (
                <span class="muted">{t(lang, 'isNoneInForce')}</span>
              ),
          },
          {
            label: t(lang, 'isLatest'),
            cell: (s) => <a href={versionHref(s.id, s.latest.systemVersion)}>{vn(s.latest)}</a>,
          },
          { label: t(lang, 'leafCount'), num: true, cell: (s) => String(s.latest.leafCount) },
          { label: t(lang, 'updatedAt'), cell: (s) => formatDateTime(s.latest.updatedAt, lang) },
        ]}
        nextCursor={r.data.nextCursor}
        hasPrev={!!cursor}
      />
      {admin ? (
        <form
          method="post"
          action={`${SYSTEMS}/import`}
          enctype="multipart/form-data"
          class="card stacked"
          id="import"
          style="margin-top:24px"
        >
          <h2>{t(lang, 'isImport')}</h2>
          {importErrors ? (
            <div class="alert" role="alert" id="import-errors">
              <strong>{importErrors.message}</strong>
              {importErrors.items.length ? (
                <ul>
                  {importErrors.items.map((x) => (
                    <li>{x}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          <div class="field">
            <label for="f-file">{t(lang, 'isImportFile')}</label>
            <span class="hint" id="f-file-hint">
              {t(lang, 'isImportHint')}
            </span>
            <input
              type="file"
              id="f-file"
              name="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby="f-file-hint"
              required
            />
          </div>
          <p>
            <button class="primary" type="submit">
              {t(lang, 'isImport')}
            </button>
          </p>
        </form>
      ) : null}
    </Layout>,
    statusOf(status),
  );
}

async function importSystem(c: Ctx) {
  const lang = c.get('lang');
  const body = await c.req.parseBody();
  const file = body.file;
  if (!(file instanceof File) || file.size === 0) {
    return listPage(c, { message: t(lang, 'isImportNoFile'), items: [] }, 422);
  }
  const res = await c.get('api').raw('POST', '/v1/indicator-systems/import', {
    body: await file.arrayBuffer(),
    contentType: XLSX_TYPE,
    accept: 'application/json, application/problem+json',
  });
  if (res.ok) {
    const created = (await res.json()) as SystemView;
    return c.redirect(`${versionHref(created.id, created.systemVersion)}?ok=created`, 303);
  }
  const problem = await ApiClient.problemOf(res);
  return listPage(
    c,
    {
      message: problem.status === 422 ? t(lang, 'isImportFailed') : problem.message[lang],
      items: (problem.errors ?? []).map((e) => e[lang]),
    },
    res.status,
  );
}

// ─── Templates ─────────────────────────────────────────────────────────────────────────────────

function WeightBar(props: { dims: TemplateSummary['dimensions'] }) {
  const total = props.dims.reduce((s, d) => s + d.weight, 0) || 1;
  return (
    <div class="wbar" aria-hidden="true">
      {props.dims.map((d, i) => (
        <span
          class={`c${i % 6}`}
          style={`width:${(d.weight / total) * 100}%`}
          title={`${d.name} ${num(d.weight)}`}
        />
      ))}
    </div>
  );
}

function UseTemplate(props: { v: View; id: string; primary?: boolean }) {
  return (
    <form method="post" action={`${TEMPLATES}/${seg(props.id)}/use`} class="inline">
      <Hidden name="_idem" value={newIdempotencyKey()} />
      <button class="primary" type="submit">
        {t(props.v.lang, 'tplUse')}
      </button>
    </form>
  );
}

async function galleryPage(c: Ctx, error?: FormErrors, status = 200) {
  const v = view(c);
  const { lang } = v;
  const r = await c.get('api').get<{ items: TemplateSummary[] }>('/v1/indicator-templates');
  if (!r.ok) return problemPage(c, r.problem);
  const admin = isAdmin(v);
  return render(
    c,
    <Layout v={v} title={t(lang, 'templatesTitle')}>
      <div class="toolbar">
        <h1>{t(lang, 'templatesTitle')}</h1>
        <span class="spacer" />
        <a href={SYSTEMS}>{t(lang, 'isTitle')}</a>
      </div>
      {error ? <ErrorSummary v={v} errors={error} /> : null}
      <div class="tpl-grid">
        {r.data.items.map((tpl) => (
          <article class="card tpl" data-template={tpl.id} aria-labelledby={`tpl-${tpl.id}`}>
            <h2 id={`tpl-${tpl.id}`}>{tpl.name[lang]}</h2>
            <dl class="facts">
              <dt>{t(lang, 'tplAppliesTo')}</dt>
              <dd>{tpl.appliesTo[lang]}</dd>
              <dt>{t(lang, 'tplSource')}</dt>
              <dd>{tpl.source}</dd>
              <dt>{t(lang, 'leafCount')}</dt>
              <dd>{String(tpl.leafCount)}</dd>
            </dl>
            <h3>{t(lang, 'tplDimensions')}</h3>
            <WeightBar dims={tpl.dimensions} />
            <ul class="dims">
              {tpl.dimensions.map((d, i) => (
                <li>
                  <span class={`dot c${i % 6}`} aria-hidden="true" />
                  {d.name} <span class="w">{num(d.weight)}</span>
                </li>
              ))}
            </ul>
            <div class="tpl-actions">
              <a href={`${TEMPLATES}/${seg(tpl.id)}`}>{t(lang, 'tplPreview')}</a>
              {admin ? <UseTemplate v={v} id={tpl.id} /> : null}
            </div>
          </article>
        ))}
      </div>
    </Layout>,
    statusOf(status),
  );
}

async function templatePage(c: Ctx, id: string) {
  const v = view(c);
  const { lang } = v;
  const r = await c.get('api').get<TemplateDetail>(`/v1/indicator-templates/${seg(id)}`);
  if (!r.ok) return problemPage(c, r.problem);
  const tpl = r.data;
  return render(
    c,
    <Layout v={v} title={tpl.name[lang]} wide>
      <p>
        <a href={TEMPLATES}>← {t(lang, 'tplBack')}</a>
      </p>
      <div class="toolbar">
        <h1>
          {t(lang, 'tplPreviewTitle')}
          {t(lang, 'colon')}
          {tpl.name[lang]}
        </h1>
        <span class="spacer" />
        {isAdmin(v) ? <UseTemplate v={v} id={tpl.id} /> : null}
      </div>
      <section class="card">
        <p>{tpl.description[lang]}</p>
        <dl class="facts">
          <dt>{t(lang, 'tplAppliesTo')}</dt>
          <dd>{tpl.appliesTo[lang]}</dd>
          <dt>{t(lang, 'tplSource')}</dt>
          <dd>{tpl.source}</dd>
        </dl>
      </section>
      <TreeTable v={v} content={tpl.content} />
      <SideSections v={v} content={tpl.content} />
    </Layout>,
  );
}

// ─── One version ───────────────────────────────────────────────────────────────────────────────

const ACTION_KEYS: Record<SystemAction, MessageKey> = {
  submit: 'actSubmit',
  approve: 'actApprove',
  return: 'actReturn',
  retire: 'actRetire',
};
const ACTION_FLASH: Record<SystemAction, string> = {
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
  retire: 'retired',
};

interface VersionState {
  trial?: TrialState;
  actionErrors?: FormErrors;
  noteError?: string;
  status?: number;
}

/** Inputs one unit per block, one leaf per line: short enough to read and edit in a textarea. */
export function formatInputs(units: ReturnType<typeof sampleInputs>): string {
  const blocks = units.map((u) => {
    const leaves = Object.entries(u.leaves).map(
      ([k, x]) => `      ${JSON.stringify(k)}: ${JSON.stringify(x)}`,
    );
    return [
      '  {',
      `    "unit": ${JSON.stringify(u.unit)}, "group": ${JSON.stringify(u.group)},`,
      '    "leaves": {',
      leaves.join(',\n'),
      '    },',
      `    "bonus": ${JSON.stringify(u.bonus)}, "vetoes": ${JSON.stringify(u.vetoes)}`,
      '  }',
    ].join('\n');
  });
  return `[\n${blocks.join(',\n')}\n]`;
}

async function loadUnits(c: Ctx) {
  const api = c.get('api');
  const [units, groups] = await Promise.all([
    api.all<Unit>('/v1/units'),
    api.all<UnitGroup>('/v1/unit-groups'),
  ]);
  return {
    units: units.ok ? units.data.items : [],
    groups: groups.ok ? groups.data.items : [],
  };
}

function Lifecycle(props: { v: View; s: SystemView; state: VersionState }) {
  const { v, s } = props;
  const { lang } = v;
  const href = versionHref(s.id, s.systemVersion);
  const actions = ACTIONS_BY_STATUS[s.status] ?? [];
  return (
    <section class="card lifecycle" aria-labelledby="h-lifecycle">
      <h2 id="h-lifecycle">{t(lang, 'lifecycle')}</h2>
      {props.state.actionErrors ? (
        <ErrorSummary v={v} errors={props.state.actionErrors} reloadHref={href} />
      ) : null}
      <div class="actions">
        {s.status === 'draft' ? (
          <a class="button" href={`${href}/edit`}>
            {t(lang, 'editDraft')}
          </a>
        ) : null}
        {actions
          .filter((a) => a !== 'return')
          .map((a) => (
            <form method="post" action={`${href}/transition`} class="inline">
              <Hidden name="action" value={a} />
              <Hidden name="version" value={s.version} />
              <button class={a === 'retire' ? 'danger' : 'primary'} type="submit" data-action={a}>
                {t(lang, ACTION_KEYS[a])}
              </button>
            </form>
          ))}
        {s.status === 'approved' || s.status === 'retired' ? (
          <form method="post" action={`${href}/new-version`} class="inline">
            <Hidden name="_idem" value={newIdempotencyKey()} />
            <button
              class="secondary"
              type="submit"
              title={t(lang, 'newVersionHint')}
              data-action="new-version"
            >
              {t(lang, 'newVersion')}
            </button>
          </form>
        ) : null}
        <a class="button secondary-link" href={`${href}/export.xlsx`} download>
          {t(lang, 'exportXlsx')}
        </a>
        {s.status === 'draft' ? (
          <form method="post" action={`${href}/delete`} class="inline">
            <Hidden name="version" value={s.version} />
            <button class="danger" type="submit" data-action="delete">
              {t(lang, 'deleteDraft')}
            </button>
          </form>
        ) : null}
      </div>
      {actions.includes('return') ? (
        <form method="post" action={`${href}/transition`} class="return-form">
          <Hidden name="action" value="return" />
          <Hidden name="version" value={s.version} />
          <div class="field">
            <label for="f-note">{t(lang, 'returnNote')}</label>
            <textarea
              id="f-note"
              name="note"
              rows={2}
              maxlength={1000}
              required
              aria-invalid={props.state.noteError ? 'true' : undefined}
              aria-describedby={props.state.noteError ? 'f-note-error' : undefined}
            />
            {props.state.noteError ? (
              <p class="error" id="f-note-error">
                {props.state.noteError}
              </p>
            ) : null}
          </div>
          <button class="secondary" type="submit" data-action="return">
            {t(lang, 'actReturn')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

async function versionPage(c: Ctx, id: string, version: number | undefined, state: VersionState = {}) {
  const v = view(c);
  const { lang } = v;
  const api = c.get('api');
  const [sys, one] = await Promise.all([
    api.get<SystemView>(`/v1/indicator-systems/${seg(id)}`),
    version === undefined ? Promise.resolve(undefined) : api.get<SystemView>(apiVersion(id, version)),
  ]);
  const r = one ?? sys;
  if (!r.ok) return problemPage(c, r.problem);
  const s = r.data;
  const versions = sys.ok ? (sys.data.versions ?? []) : [];
  const admin = isAdmin(v);
  const content = contentOf(s);
  const href = versionHref(s.id, s.systemVersion);

  let trial: TrialState | undefined = state.trial;
  let unitNames = new Map<string, string>();
  let groupNames = new Map<string, string>();
  let noUnits = false;
  if (admin) {
    const { units, groups } = await loadUnits(c);
    unitNames = new Map(units.map((u) => [u.code, u.name]));
    groupNames = new Map(groups.map((g) => [g.code, g.name]));
    const picked = units.filter((u) => u.active).slice(0, TRIAL_UNITS);
    noUnits = picked.length === 0;
    if (!trial) {
      let inputs = '[]';
      try {
        inputs = formatInputs(
          sampleInputs(
            content,
            picked.map((u) => ({ unit: u.code, group: u.group })),
          ),
        );
      } catch {
        inputs = '[]';
      }
      trial = { inputs };
    }
  }

  return render(
    c,
    <Layout v={v} title={s.name} wide>
      <p>
        <a href={SYSTEMS}>← {t(lang, 'isTitle')}</a>
      </p>
      <div class="toolbar">
        <h1>
          {s.name} <StatusBadge lang={lang} status={s.status} />{' '}
          <span class="badge">{t(lang, 'versionN', { n: s.systemVersion })}</span>
        </h1>
      </div>
      <Flash v={v} />
      <div class="two">
        <section class="card">
          {s.description ? <p>{s.description}</p> : null}
          <dl class="facts">
            <dt>{t(lang, 'status')}</dt>
            <dd>
              <StatusBadge lang={lang} status={s.status} />
            </dd>
            {s.statusNote ? (
              <>
                <dt>{t(lang, 'statusNote')}</dt>
                <dd class="note">{s.statusNote}</dd>
              </>
            ) : null}
            {s.template ? (
              <>
                <dt>{t(lang, 'template')}</dt>
                <dd>
                  <a href={`${TEMPLATES}/${seg(s.template)}`}>{s.template}</a>
                </dd>
              </>
            ) : null}
            <dt>{t(lang, 'totalPoints')}</dt>
            <dd>{num(s.total)}</dd>
            <dt>{t(lang, 'updatedAt')}</dt>
            <dd>{formatDateTime(s.updatedAt, lang)}</dd>
          </dl>
        </section>
        <section class="card" aria-labelledby="h-versions">
          <h2 id="h-versions">{t(lang, 'isVersions')}</h2>
          <ol class="versions">
            {[...versions].reverse().map((x) => (
              <li>
                <a
                  href={versionHref(x.id, x.systemVersion)}
                  aria-current={x.systemVersion === s.systemVersion ? 'page' : undefined}
                >
                  {t(lang, 'versionN', { n: x.systemVersion })}
                </a>{' '}
                <StatusBadge lang={lang} status={x.status} />{' '}
                <span class="muted">{formatDateTime(x.updatedAt, lang)}</span>
              </li>
            ))}
          </ol>
        </section>
      </div>
      {admin ? <Lifecycle v={v} s={s} state={state} /> : null}
      <IssueSummary v={v} issues={s.issues} showNone={s.status === 'draft'} />
      <TreeTable v={v} content={content} issues={s.issues} />
      <SideSections v={v} content={content} issues={s.issues} />
      {admin && trial ? (
        <TrialPanel
          v={v}
          action={`${href}/trial`}
          state={trial}
          unitNames={unitNames}
          groupNames={groupNames}
          levels={content.grading.levels.map((l) => l.code)}
          noUnits={noUnits}
        />
      ) : null}
    </Layout>,
    statusOf(state.status ?? 200),
  );
}

// ─── Editor ────────────────────────────────────────────────────────────────────────────────────

async function editorPage(
  c: Ctx,
  id: string,
  version: number,
  state: {
    sys?: ReturnType<typeof fromForm>;
    errors?: EditorErrors;
    problem?: FormErrors;
    focus?: string;
    unsaved?: boolean;
    status?: number;
  } = {},
) {
  const v = view(c);
  const { lang } = v;
  const api = c.get('api');
  const [r, groups] = await Promise.all([
    api.get<SystemView>(apiVersion(id, version)),
    api.all<UnitGroup>('/v1/unit-groups'),
  ]);
  if (!r.ok) return problemPage(c, r.problem);
  const s = r.data;
  const href = versionHref(id, version);
  if (s.status !== 'draft') return c.redirect(href, 303);
  const sys = state.sys ?? fromContent(contentOf(s) as SystemContent, s.version);
  // Freshly loaded: the stored version's issues, next to their nodes. After a post: what that post found.
  const errors = state.errors ?? placeIssues(s.issues, lang);
  return render(
    c,
    <Layout v={v} title={`${t(lang, 'editTitle')} · ${s.name}`} wide>
      <p>
        <a href={href}>← {t(lang, 'backToSystem')}</a>
      </p>
      <div class="toolbar">
        <h1>
          {t(lang, 'editTitle')}
          {t(lang, 'colon')}
          {s.name} <StatusBadge lang={lang} status={s.status} />{' '}
          <span class="badge">{t(lang, 'versionN', { n: s.systemVersion })}</span>
        </h1>
      </div>
      <Flash v={v} />
      {state.sys ? null : <IssueSummary v={v} issues={s.issues} showNone />}
      <EditorForm
        v={v}
        sys={sys}
        action={`${href}/edit`}
        back={href}
        errors={errors}
        groups={groups.ok ? groups.data.items.map((g) => ({ code: g.code, name: g.name })) : []}
        problem={state.problem}
        focus={state.focus}
        unsaved={state.unsaved}
        reloadHref={`${href}/edit`}
      />
    </Layout>,
    statusOf(state.status ?? 200),
  );
}

async function saveEditor(c: Ctx, id: string, version: number) {
  const lang = c.get('lang');
  const form = await readForm(c);
  const sys = fromForm(form);
  const op = str(form.op) || 'save';
  if (op !== 'save') {
    const { focus } = applyOp(sys, op);
    return editorPage(c, id, version, { sys, errors: noEditorErrors(), focus, unsaved: true });
  }
  const { content, errors: paramErrors } = toContent(sys, lang);
  if (Object.keys(paramErrors).length > 0) {
    return editorPage(c, id, version, {
      sys,
      errors: { fields: paramErrors, rows: new Map() },
      problem: { ...noErrors(), message: t(lang, 'paramsInvalid') },
      status: 422,
    });
  }
  const r = await c.get('api').call<SystemView>('PUT', apiVersion(id, version), {
    body: { version: Number(sys.version), content },
  });
  if (r.ok) return c.redirect(`${versionHref(id, version)}/edit?ok=updated`, 303);
  const errors = placeIssues(r.problem.errors ?? [], lang);
  return editorPage(c, id, version, {
    sys,
    errors,
    problem: {
      ...noErrors(),
      message: r.problem.message[lang],
      code: r.problem.code,
      requestId: r.problem.requestId,
    },
    status: r.status,
  });
}

// ─── Routes ────────────────────────────────────────────────────────────────────────────────────

const versionOf = (c: Ctx) => {
  const n = Number(c.req.param('v'));
  return Number.isInteger(n) && n >= 1 && n <= 9999 ? n : undefined;
};

export function registerIndicators(app: Hono<ConsoleEnv>) {
  const lang = (c: Ctx) => c.get('lang') as Lang;
  const notFoundVersion = (c: Ctx) =>
    problemPage(c, {
      status: 404,
      code: 'not_found',
      message: { zh: '指标体系版本不存在。', en: 'Indicator system version not found.' },
    });

  app.get('/indicator-systems', (c) => listPage(c));
  app.post('/indicator-systems/import', importSystem);
  app.get('/indicator-templates', (c) => galleryPage(c));
  app.get('/indicator-templates/:id', (c) => templatePage(c, c.req.param('id')));
  app.post('/indicator-templates/:id/use', async (c) => {
    const form = await readForm(c);
    const r = await c.get('api').call<SystemView>('POST', '/v1/indicator-systems', {
      body: { template: c.req.param('id') },
      idempotencyKey: idempotencyKeyFrom(form),
    });
    if (r.ok) return c.redirect(`${versionHref(r.data.id, r.data.systemVersion)}/edit?ok=created`, 303);
    return galleryPage(c, problemToFormErrors(r.problem, lang(c), []), r.status);
  });

  app.get('/indicator-systems/:id', (c) => versionPage(c, c.req.param('id'), undefined));
  app.get('/indicator-systems/:id/versions/:v', (c) => {
    const v = versionOf(c);
    return v ? versionPage(c, c.req.param('id'), v) : notFoundVersion(c);
  });

  app.post('/indicator-systems/:id/versions/:v/transition', async (c) => {
    const id = c.req.param('id');
    const v = versionOf(c);
    if (!v) return notFoundVersion(c);
    const form = await readForm(c);
    const action = str(form.action) as SystemAction;
    const note = str(form.note).trim();
    if (action === 'return' && !note) {
      return versionPage(c, id, v, {
        noteError: lang(c) === 'zh' ? '请填写退回意见，说明需要修改的内容' : 'Say what needs to change',
        status: 422,
      });
    }
    const r = await c.get('api').call<SystemView>('POST', `${apiVersion(id, v)}/transitions`, {
      body: { action, version: Number(str(form.version)), ...(note ? { note } : {}) },
    });
    if (r.ok) return c.redirect(`${versionHref(id, v)}?ok=${ACTION_FLASH[action] ?? 'updated'}`, 303);
    return versionPage(c, id, v, {
      actionErrors: problemToFormErrors(r.problem, lang(c), []),
      status: r.status,
    });
  });

  app.post('/indicator-systems/:id/versions/:v/delete', async (c) => {
    const id = c.req.param('id');
    const v = versionOf(c);
    if (!v) return notFoundVersion(c);
    const form = await readForm(c);
    const r = await c
      .get('api')
      .call<unknown>('DELETE', withQuery(apiVersion(id, v), { version: str(form.version) }));
    if (r.ok) return c.redirect(`${SYSTEMS}?ok=deleted`, 303);
    return versionPage(c, id, v, {
      actionErrors: problemToFormErrors(r.problem, lang(c), []),
      status: r.status,
    });
  });

  app.post('/indicator-systems/:id/versions/:v/new-version', async (c) => {
    const id = c.req.param('id');
    const v = versionOf(c);
    if (!v) return notFoundVersion(c);
    const form = await readForm(c);
    const r = await c.get('api').call<SystemView>('POST', `/v1/indicator-systems/${seg(id)}/versions`, {
      body: { from: v },
      idempotencyKey: idempotencyKeyFrom(form),
    });
    if (r.ok) return c.redirect(`${versionHref(id, r.data.systemVersion)}/edit?ok=created`, 303);
    return versionPage(c, id, v, {
      actionErrors: problemToFormErrors(r.problem, lang(c), []),
      status: r.status,
    });
  });

  app.get('/indicator-systems/:id/versions/:v/export.xlsx', async (c) => {
    const id = c.req.param('id');
    const v = versionOf(c);
    if (!v) return notFoundVersion(c);
    const res = await c.get('api').raw('GET', `${apiVersion(id, v)}/export.xlsx`, { accept: XLSX_TYPE });
    if (!res.ok) return problemPage(c, await ApiClient.problemOf(res));
    const headers = new Headers({ 'cache-control': 'no-store' });
    for (const h of ['content-type', 'content-disposition', 'content-length']) {
      const x = res.headers.get(h);
      if (x) headers.set(h, x);
    }
    return new Response(res.body, { status: 200, headers });
  });

  app.post('/indicator-systems/:id/versions/:v/trial', async (c) => {
    const id = c.req.param('id');
    const v = versionOf(c);
    if (!v) return notFoundVersion(c);
    const form = await readForm(c);
    const inputs = str(form.inputs);
    let parsed: unknown;
    try {
      parsed = JSON.parse(inputs);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      return versionPage(c, id, v, {
        trial: { inputs, errors: { ...noErrors(), message: t(lang(c), 'trialBadJson', { detail }) } },
        status: 422,
      });
    }
    const units = Array.isArray(parsed) ? parsed : (parsed as { units?: unknown })?.units;
    const r = await c
      .get('api')
      .call<ScoringResult>('POST', `${apiVersion(id, v)}/trial`, { body: { units } });
    if (r.ok) return versionPage(c, id, v, { trial: { inputs, result: r.data } });
    return versionPage(c, id, v, {
      trial: { inputs, errors: problemToFormErrors(r.problem, lang(c), []) },
      status: r.status,
    });
  });

  app.get('/indicator-systems/:id/versions/:v/edit', (c) => {
    const v = versionOf(c);
    return v ? editorPage(c, c.req.param('id'), v) : notFoundVersion(c);
  });
  app.post('/indicator-systems/:id/versions/:v/edit', (c) => {
    const v = versionOf(c);
    return v ? saveEditor(c, c.req.param('id'), v) : notFoundVersion(c);
  });
}
