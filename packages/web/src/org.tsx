import { ROLE_LABELS, TENANT_ROLES, UNIT_TYPE_LABELS, UNIT_TYPES } from '@jixiao/core';
import type { Hono } from 'hono';
import { type Page, seg, withQuery } from './api';
import {
  type FormErrors,
  type FormSpec,
  type FormValues,
  formToJson,
  idempotencyKeyFrom,
  list,
  newIdempotencyKey,
  noErrors,
  problemToFormErrors,
  str,
} from './forms';
import { formatDateTime, formatNumber, pick, t } from './i18n';
import { ListPage } from './list-page';
import { type ConsoleEnv, type Ctx, problemPage, readForm, render, statusOf, view } from './render';
import type { Division, Unit, UnitGroup, User } from './types';
import {
  ActiveBadge,
  BASE,
  CheckboxField,
  CheckboxGroup,
  ErrorSummary,
  Flash,
  Hidden,
  Layout,
  type Option,
  roleLabel,
  SelectField,
  TextArea,
  TextField,
  type View,
} from './ui';

const PAGE_SIZE = '20';

const Actions = (props: { v: View; label: string; back: string }) => (
  <p>
    <button class="primary" type="submit">
      {props.label}
    </button>{' '}
    <a href={props.back}>{t(props.v.lang, 'cancel')}</a>
  </p>
);

const Facts = (props: { v: View; rows: [string, unknown][] }) => (
  <section class="card">
    <dl class="facts">
      {props.rows.map(([k, val]) => (
        <>
          <dt>{k}</dt>
          <dd>{val as string}</dd>
        </>
      ))}
    </dl>
  </section>
);

// ─── Unit groups ────────────────────────────────────────────────────────────────────────────────

const groupCreateSpec: FormSpec = {
  code: 'string',
  name: 'string',
  description: 'optString',
  sortOrder: 'int',
};
const groupPatchSpec: FormSpec = {
  version: 'int',
  name: 'string',
  description: 'clearable',
  sortOrder: 'int',
};

function GroupForm(props: {
  v: View;
  mode: 'new' | 'edit';
  action: string;
  values: FormValues;
  errors: FormErrors;
  reloadHref?: string;
}) {
  const { v, values: val, errors: e } = props;
  const { lang } = v;
  return (
    <form method="post" action={props.action} class="stacked card" novalidate>
      <ErrorSummary v={v} errors={e} reloadHref={props.reloadHref} />
      {props.mode === 'new' ? (
        <>
          <Hidden name="_idem" value={str(val._idem)} />
          <TextField
            name="code"
            label={t(lang, 'code')}
            value={str(val.code)}
            error={e.fields.code}
            required
            maxlength={32}
          />
        </>
      ) : (
        <Hidden name="version" value={str(val.version)} />
      )}
      <TextField
        name="name"
        label={t(lang, 'name')}
        value={str(val.name)}
        error={e.fields.name}
        required
        maxlength={100}
      />
      <TextArea
        name="description"
        label={t(lang, 'description')}
        value={str(val.description)}
        error={e.fields.description}
        maxlength={500}
      />
      <TextField
        name="sortOrder"
        label={t(lang, 'sortOrder')}
        hint={t(lang, 'sortOrderHint')}
        type="number"
        inputmode="numeric"
        value={str(val.sortOrder)}
        error={e.fields.sortOrder}
      />
      <Actions v={v} label={t(lang, props.mode === 'new' ? 'create' : 'save')} back={`${BASE}/unit-groups`} />
    </form>
  );
}

async function groupsPage(c: Ctx, values?: FormValues, errors?: FormErrors, status = 200) {
  const v = view(c);
  const { lang } = v;
  const cursor = c.req.query('cursor');
  const r = await c
    .get('api')
    .get<Page<UnitGroup>>(withQuery('/v1/unit-groups', { limit: PAGE_SIZE, cursor }));
  if (!r.ok) return problemPage(c, r.problem);
  return render(
    c,
    <Layout v={v} title={t(lang, 'unitGroupsTitle')}>
      <ListPage
        v={v}
        title={t(lang, 'unitGroupsTitle')}
        items={r.data.items}
        columns={[
          {
            label: t(lang, 'code'),
            cell: (g) => <a href={`${BASE}/unit-groups/${seg(g.code)}`}>{g.code}</a>,
          },
          { label: t(lang, 'name'), cell: (g) => g.name },
          { label: t(lang, 'description'), cell: (g) => g.description ?? '' },
          { label: t(lang, 'sortOrder'), num: true, cell: (g) => formatNumber(g.sortOrder) },
          { label: t(lang, 'updatedAt'), cell: (g) => formatDateTime(g.updatedAt, lang) },
        ]}
        nextCursor={r.data.nextCursor}
        hasPrev={!!cursor}
      />
      <h2 style="margin-top:24px">{t(lang, 'newUnitGroup')}</h2>
      <GroupForm
        v={v}
        mode="new"
        action={`${BASE}/unit-groups`}
        values={values ?? { _idem: newIdempotencyKey(), sortOrder: '100' }}
        errors={errors ?? noErrors()}
      />
    </Layout>,
    statusOf(status),
  );
}

const groupValues = (g: UnitGroup): FormValues => ({
  version: String(g.version),
  name: g.name,
  description: g.description ?? '',
  sortOrder: String(g.sortOrder),
});

async function groupPage(
  c: Ctx,
  code: string,
  state: { values?: FormValues; errors?: FormErrors; deleteErrors?: FormErrors; status?: number } = {},
) {
  const v = view(c);
  const { lang } = v;
  const r = await c.get('api').get<UnitGroup>(`/v1/unit-groups/${seg(code)}`);
  if (!r.ok && !state.values) return problemPage(c, r.problem);
  const href = `${BASE}/unit-groups/${seg(code)}`;
  const title = r.ok ? r.data.name : code;
  return render(
    c,
    <Layout v={v} title={title}>
      <h1>
        {t(lang, 'editUnitGroup')}
        {t(lang, 'colon')}
        {title}
      </h1>
      <Flash v={v} />
      {r.ok ? (
        <Facts
          v={v}
          rows={[
            [t(lang, 'code'), r.data.code],
            [t(lang, 'createdAt'), formatDateTime(r.data.createdAt, lang)],
            [t(lang, 'updatedAt'), formatDateTime(r.data.updatedAt, lang)],
          ]}
        />
      ) : null}
      <GroupForm
        v={v}
        mode="edit"
        action={href}
        values={state.values ?? (r.ok ? groupValues(r.data) : {})}
        errors={state.errors ?? noErrors()}
        reloadHref={href}
      />
      {r.ok ? (
        <form method="post" action={`${href}/delete`} class="card">
          <h2>{t(lang, 'deleteUnitGroup')}</h2>
          <ErrorSummary v={v} errors={state.deleteErrors ?? noErrors()} reloadHref={href} />
          <p class="muted">{t(lang, 'deleteUnitGroupHint')}</p>
          <Hidden name="version" value={r.data.version} />
          <button class="danger" type="submit">
            {t(lang, 'delete')}
          </button>
        </form>
      ) : null}
    </Layout>,
    statusOf(state.status ?? 200),
  );
}

// ─── Units ──────────────────────────────────────────────────────────────────────────────────────

const unitCreateSpec: FormSpec = {
  code: 'string',
  name: 'string',
  shortName: 'optString',
  type: 'string',
  group: 'string',
  uscc: 'optString',
  divisionCode: 'optString',
  active: 'bool',
};
const unitPatchSpec: FormSpec = {
  version: 'int',
  name: 'string',
  shortName: 'clearable',
  type: 'string',
  group: 'string',
  uscc: 'clearable',
  divisionCode: 'clearable',
  active: 'bool',
};

const groupOptions = (groups: UnitGroup[]): Option[] =>
  [...groups]
    .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code))
    .map((g) => ({ value: g.code, label: g.name }));

function UnitForm(props: {
  v: View;
  mode: 'new' | 'edit';
  action: string;
  values: FormValues;
  errors: FormErrors;
  groups: UnitGroup[];
  reloadHref?: string;
}) {
  const { v, values: val, errors: e } = props;
  const { lang } = v;
  return (
    <form method="post" action={props.action} class="stacked card" novalidate>
      <ErrorSummary v={v} errors={e} reloadHref={props.reloadHref} />
      {props.mode === 'new' ? (
        <>
          <Hidden name="_idem" value={str(val._idem)} />
          <TextField
            name="code"
            label={t(lang, 'unitCode')}
            value={str(val.code)}
            error={e.fields.code}
            required
            maxlength={32}
          />
        </>
      ) : (
        <Hidden name="version" value={str(val.version)} />
      )}
      <TextField
        name="name"
        label={t(lang, 'name')}
        value={str(val.name)}
        error={e.fields.name}
        required
        maxlength={100}
      />
      <TextField
        name="shortName"
        label={t(lang, 'shortName')}
        value={str(val.shortName)}
        error={e.fields.shortName}
        maxlength={20}
      />
      <SelectField
        name="type"
        label={t(lang, 'unitType')}
        options={UNIT_TYPES.map((x) => ({ value: x, label: UNIT_TYPE_LABELS[x][lang] }))}
        value={str(val.type)}
        error={e.fields.type}
        required
        empty={t(lang, 'chooseOne')}
      />
      <SelectField
        name="group"
        label={t(lang, 'group')}
        options={groupOptions(props.groups)}
        value={str(val.group)}
        error={e.fields.group}
        required
        empty={t(lang, 'chooseOne')}
      />
      <TextField
        name="uscc"
        label={t(lang, 'uscc')}
        hint={t(lang, 'usccHint')}
        value={str(val.uscc)}
        error={e.fields.uscc}
        maxlength={18}
      />
      <TextField
        name="divisionCode"
        label={t(lang, 'divisionCode')}
        hint={t(lang, 'divisionCodeHint')}
        value={str(val.divisionCode)}
        error={e.fields.divisionCode}
        inputmode="numeric"
        maxlength={6}
      />
      <CheckboxField
        name="active"
        label={t(lang, 'activeLabel')}
        checked={str(val.active) === 'true'}
        error={e.fields.active}
      />
      <Actions v={v} label={t(lang, props.mode === 'new' ? 'create' : 'save')} back={`${BASE}/units`} />
    </form>
  );
}

async function unitsPage(c: Ctx) {
  const v = view(c);
  const { lang } = v;
  const api = c.get('api');
  const cursor = c.req.query('cursor');
  const group = c.req.query('group') || undefined;
  const [groups, r] = await Promise.all([
    api.all<UnitGroup>('/v1/unit-groups'),
    api.get<Page<Unit>>(withQuery('/v1/units', { group, limit: PAGE_SIZE, cursor })),
  ]);
  if (!r.ok) return problemPage(c, r.problem);
  const groupList = groups.ok ? groups.data.items : [];
  const groupName = new Map(groupList.map((g) => [g.code, g.name]));
  return render(
    c,
    <Layout v={v} title={t(lang, 'unitsTitle')}>
      <ListPage
        v={v}
        title={t(lang, 'unitsTitle')}
        actions={
          <a class="button" href={withQuery(`${BASE}/units/new`, { group })}>
            {t(lang, 'newUnit')}
          </a>
        }
        filter={{
          action: `${BASE}/units`,
          fields: (
            <SelectField
              name="group"
              label={t(lang, 'group')}
              options={groupOptions(groupList)}
              value={group ?? ''}
              empty={t(lang, 'all')}
            />
          ),
        }}
        items={r.data.items}
        columns={[
          { label: t(lang, 'unitCode'), cell: (u) => <a href={`${BASE}/units/${seg(u.code)}`}>{u.code}</a> },
          { label: t(lang, 'name'), cell: (u) => u.name },
          { label: t(lang, 'unitType'), cell: (u) => pick(lang, UNIT_TYPE_LABELS[u.type]) },
          { label: t(lang, 'group'), cell: (u) => groupName.get(u.group) ?? u.group },
          { label: t(lang, 'status'), cell: (u) => <ActiveBadge v={v} active={u.active} /> },
          { label: t(lang, 'updatedAt'), cell: (u) => formatDateTime(u.updatedAt, lang) },
        ]}
        nextCursor={r.data.nextCursor}
        hasPrev={!!cursor}
      />
    </Layout>,
  );
}

async function newUnitPage(c: Ctx, values: FormValues, errors: FormErrors, status = 200) {
  const v = view(c);
  const groups = await c.get('api').all<UnitGroup>('/v1/unit-groups');
  return render(
    c,
    <Layout v={v} title={t(v.lang, 'newUnit')}>
      <h1>{t(v.lang, 'newUnit')}</h1>
      <UnitForm
        v={v}
        mode="new"
        action={`${BASE}/units/new`}
        values={values}
        errors={errors}
        groups={groups.ok ? groups.data.items : []}
      />
    </Layout>,
    statusOf(status),
  );
}

const unitValues = (u: Unit): FormValues => ({
  version: String(u.version),
  name: u.name,
  shortName: u.shortName ?? '',
  type: u.type,
  group: u.group,
  uscc: u.uscc ?? '',
  divisionCode: u.divisionCode ?? '',
  active: u.active ? 'true' : undefined,
});

async function unitPage(c: Ctx, code: string, values?: FormValues, errors?: FormErrors, status = 200) {
  const v = view(c);
  const { lang } = v;
  const api = c.get('api');
  const [r, groups] = await Promise.all([
    api.get<Unit>(`/v1/units/${seg(code)}`),
    api.all<UnitGroup>('/v1/unit-groups'),
  ]);
  if (!r.ok && !values) return problemPage(c, r.problem);
  const division =
    r.ok && r.data.divisionCode
      ? await api.get<Division>(`/v1/divisions/${seg(r.data.divisionCode)}`)
      : undefined;
  const href = `${BASE}/units/${seg(code)}`;
  const title = r.ok ? r.data.name : code;
  return render(
    c,
    <Layout v={v} title={title}>
      <h1>
        {t(lang, 'editUnit')}
        {t(lang, 'colon')}
        {title}
      </h1>
      <Flash v={v} />
      {r.ok ? (
        <Facts
          v={v}
          rows={[
            [t(lang, 'unitCode'), r.data.code],
            ...(division?.ok ? [[t(lang, 'division'), division.data.fullName] as [string, unknown]] : []),
            [t(lang, 'createdAt'), formatDateTime(r.data.createdAt, lang)],
            [t(lang, 'updatedAt'), formatDateTime(r.data.updatedAt, lang)],
          ]}
        />
      ) : null}
      <UnitForm
        v={v}
        mode="edit"
        action={href}
        values={values ?? (r.ok ? unitValues(r.data) : {})}
        errors={errors ?? noErrors()}
        groups={groups.ok ? groups.data.items : []}
        reloadHref={href}
      />
    </Layout>,
    statusOf(status),
  );
}

// ─── Users ──────────────────────────────────────────────────────────────────────────────────────

const userCreateSpec: FormSpec = {
  name: 'string',
  email: 'optString',
  phone: 'optString',
  roles: 'array',
  unit: 'optString',
  active: 'bool',
};
const userPatchSpec: FormSpec = {
  version: 'int',
  ...userCreateSpec,
  email: 'clearable',
  phone: 'clearable',
  unit: 'clearable',
};

const unitOptions = (units: Unit[]): Option[] =>
  units.map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }));

function UserForm(props: {
  v: View;
  mode: 'new' | 'edit';
  action: string;
  values: FormValues;
  errors: FormErrors;
  units: Unit[];
  reloadHref?: string;
}) {
  const { v, values: val, errors: e } = props;
  const { lang } = v;
  return (
    <form method="post" action={props.action} class="stacked card" novalidate>
      <ErrorSummary v={v} errors={e} reloadHref={props.reloadHref} />
      {props.mode === 'new' ? (
        <Hidden name="_idem" value={str(val._idem)} />
      ) : (
        <Hidden name="version" value={str(val.version)} />
      )}
      <TextField
        name="name"
        label={t(lang, 'name')}
        value={str(val.name)}
        error={e.fields.name}
        required
        maxlength={100}
      />
      <TextField
        name="email"
        label={t(lang, 'email')}
        type="email"
        value={str(val.email)}
        error={e.fields.email}
        maxlength={200}
        autocomplete="off"
      />
      <TextField
        name="phone"
        label={t(lang, 'phone')}
        type="tel"
        inputmode="numeric"
        value={str(val.phone)}
        error={e.fields.phone}
        maxlength={11}
      />
      <CheckboxGroup
        name="roles"
        legend={t(lang, 'roles')}
        options={TENANT_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))}
        values={list(val.roles)}
        error={e.fields.roles}
      />
      <SelectField
        name="unit"
        label={t(lang, 'unit')}
        hint={t(lang, 'unitHint')}
        options={unitOptions(props.units)}
        value={str(val.unit)}
        error={e.fields.unit}
        empty={t(lang, 'none')}
      />
      <CheckboxField
        name="active"
        label={t(lang, 'activeLabel')}
        checked={str(val.active) === 'true'}
        error={e.fields.active}
      />
      <Actions v={v} label={t(lang, props.mode === 'new' ? 'create' : 'save')} back={`${BASE}/users`} />
    </form>
  );
}

async function usersPage(c: Ctx) {
  const v = view(c);
  const { lang } = v;
  const api = c.get('api');
  const cursor = c.req.query('cursor');
  const unit = c.req.query('unit') || undefined;
  const [units, r] = await Promise.all([
    api.all<Unit>('/v1/units'),
    api.get<Page<User>>(withQuery('/v1/users', { unit, limit: PAGE_SIZE, cursor })),
  ]);
  if (!r.ok) return problemPage(c, r.problem);
  const unitList = units.ok ? units.data.items : [];
  const unitName = new Map(unitList.map((u) => [u.code, u.name]));
  const sep = lang === 'zh' ? '、' : ', ';
  return render(
    c,
    <Layout v={v} title={t(lang, 'usersTitle')}>
      <ListPage
        v={v}
        title={t(lang, 'usersTitle')}
        actions={
          <a class="button" href={withQuery(`${BASE}/users/new`, { unit })}>
            {t(lang, 'newUser')}
          </a>
        }
        filter={{
          action: `${BASE}/users`,
          fields: (
            <SelectField
              name="unit"
              label={t(lang, 'unit')}
              options={unitOptions(unitList)}
              value={unit ?? ''}
              empty={t(lang, 'all')}
            />
          ),
        }}
        items={r.data.items}
        columns={[
          { label: t(lang, 'name'), cell: (u) => <a href={`${BASE}/users/${seg(u.id)}`}>{u.name}</a> },
          { label: t(lang, 'roles'), cell: (u) => u.roles.map((x) => roleLabel(lang, x)).join(sep) },
          { label: t(lang, 'unit'), cell: (u) => (u.unit ? (unitName.get(u.unit) ?? u.unit) : '') },
          { label: t(lang, 'email'), cell: (u) => u.email ?? '' },
          { label: t(lang, 'phone'), cell: (u) => u.phone ?? '' },
          { label: t(lang, 'status'), cell: (u) => <ActiveBadge v={v} active={u.active} /> },
          { label: t(lang, 'updatedAt'), cell: (u) => formatDateTime(u.updatedAt, lang) },
        ]}
        nextCursor={r.data.nextCursor}
        hasPrev={!!cursor}
      />
    </Layout>,
  );
}

async function newUserPage(c: Ctx, values: FormValues, errors: FormErrors, status = 200) {
  const v = view(c);
  const units = await c.get('api').all<Unit>('/v1/units');
  return render(
    c,
    <Layout v={v} title={t(v.lang, 'newUser')}>
      <h1>{t(v.lang, 'newUser')}</h1>
      <UserForm
        v={v}
        mode="new"
        action={`${BASE}/users/new`}
        values={values}
        errors={errors}
        units={units.ok ? units.data.items : []}
      />
    </Layout>,
    statusOf(status),
  );
}

const userValues = (u: User): FormValues => ({
  version: String(u.version),
  name: u.name,
  email: u.email ?? '',
  phone: u.phone ?? '',
  roles: [...u.roles],
  unit: u.unit ?? '',
  active: u.active ? 'true' : undefined,
});

async function userPage(c: Ctx, id: string, values?: FormValues, errors?: FormErrors, status = 200) {
  const v = view(c);
  const { lang } = v;
  const api = c.get('api');
  const [r, units] = await Promise.all([api.get<User>(`/v1/users/${seg(id)}`), api.all<Unit>('/v1/units')]);
  if (!r.ok && !values) return problemPage(c, r.problem);
  const href = `${BASE}/users/${seg(id)}`;
  const title = r.ok ? r.data.name : id;
  return render(
    c,
    <Layout v={v} title={title}>
      <h1>
        {t(lang, 'editUser')}
        {t(lang, 'colon')}
        {title}
      </h1>
      <Flash v={v} />
      {r.ok ? (
        <Facts
          v={v}
          rows={[
            [t(lang, 'userId'), r.data.id],
            [t(lang, 'createdAt'), formatDateTime(r.data.createdAt, lang)],
            [t(lang, 'updatedAt'), formatDateTime(r.data.updatedAt, lang)],
          ]}
        />
      ) : null}
      <UserForm
        v={v}
        mode="edit"
        action={href}
        values={values ?? (r.ok ? userValues(r.data) : {})}
        errors={errors ?? noErrors()}
        units={units.ok ? units.data.items : []}
        reloadHref={href}
      />
    </Layout>,
    statusOf(status),
  );
}

// ─── Routes ─────────────────────────────────────────────────────────────────────────────────────

export function registerOrg(app: Hono<ConsoleEnv>) {
  const lang = (c: Ctx) => c.get('lang');

  app.get('/unit-groups', (c) => groupsPage(c));
  app.post('/unit-groups', async (c) => {
    const form = await readForm(c);
    const idem = idempotencyKeyFrom(form);
    const r = await c.get('api').call<UnitGroup>('POST', '/v1/unit-groups', {
      body: formToJson(form, groupCreateSpec),
      idempotencyKey: idem,
    });
    if (r.ok) return c.redirect(`${BASE}/unit-groups?ok=created`, 303);
    const errors = problemToFormErrors(r.problem, lang(c), Object.keys(groupCreateSpec));
    return groupsPage(c, { ...form, _idem: idem }, errors, r.status);
  });
  app.get('/unit-groups/:code', (c) => groupPage(c, c.req.param('code')));
  app.post('/unit-groups/:code', async (c) => {
    const code = c.req.param('code');
    const form = await readForm(c);
    const r = await c.get('api').call<UnitGroup>('PATCH', `/v1/unit-groups/${seg(code)}`, {
      body: formToJson(form, groupPatchSpec),
    });
    if (r.ok) return c.redirect(`${BASE}/unit-groups/${seg(code)}?ok=updated`, 303);
    const errors = problemToFormErrors(r.problem, lang(c), Object.keys(groupPatchSpec));
    return groupPage(c, code, { values: form, errors, status: r.status });
  });
  app.post('/unit-groups/:code/delete', async (c) => {
    const code = c.req.param('code');
    const form = await readForm(c);
    const r = await c
      .get('api')
      .call<unknown>('DELETE', withQuery(`/v1/unit-groups/${seg(code)}`, { version: str(form.version) }));
    if (r.ok) return c.redirect(`${BASE}/unit-groups?ok=deleted`, 303);
    const deleteErrors = problemToFormErrors(r.problem, lang(c), []);
    return groupPage(c, code, { deleteErrors, status: r.status });
  });

  app.get('/units', unitsPage);
  app.get('/units/new', (c) =>
    newUnitPage(
      c,
      { _idem: newIdempotencyKey(), active: 'true', group: c.req.query('group') ?? '' },
      noErrors(),
    ),
  );
  app.post('/units/new', async (c) => {
    const form = await readForm(c);
    const idem = idempotencyKeyFrom(form);
    const r = await c.get('api').call<Unit>('POST', '/v1/units', {
      body: formToJson(form, unitCreateSpec),
      idempotencyKey: idem,
    });
    if (r.ok) return c.redirect(`${BASE}/units/${seg(r.data.code)}?ok=created`, 303);
    const errors = problemToFormErrors(r.problem, lang(c), Object.keys(unitCreateSpec));
    return newUnitPage(c, { ...form, _idem: idem }, errors, r.status);
  });
  app.get('/units/:code', (c) => unitPage(c, c.req.param('code')));
  app.post('/units/:code', async (c) => {
    const code = c.req.param('code');
    const form = await readForm(c);
    const r = await c.get('api').call<Unit>('PATCH', `/v1/units/${seg(code)}`, {
      body: formToJson(form, unitPatchSpec),
    });
    if (r.ok) return c.redirect(`${BASE}/units/${seg(code)}?ok=updated`, 303);
    const errors = problemToFormErrors(r.problem, lang(c), Object.keys(unitPatchSpec));
    return unitPage(c, code, form, errors, r.status);
  });

  app.get('/users', usersPage);
  app.get('/users/new', (c) =>
    newUserPage(
      c,
      { _idem: newIdempotencyKey(), active: 'true', unit: c.req.query('unit') ?? '' },
      noErrors(),
    ),
  );
  app.post('/users/new', async (c) => {
    const form = await readForm(c);
    const idem = idempotencyKeyFrom(form);
    const r = await c.get('api').call<User>('POST', '/v1/users', {
      body: formToJson(form, userCreateSpec),
      idempotencyKey: idem,
    });
    if (r.ok) return c.redirect(`${BASE}/users/${seg(r.data.id)}?ok=created`, 303);
    const errors = problemToFormErrors(r.problem, lang(c), Object.keys(userCreateSpec));
    return newUserPage(c, { ...form, _idem: idem }, errors, r.status);
  });
  app.get('/users/:id', (c) => userPage(c, c.req.param('id')));
  app.post('/users/:id', async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    const r = await c.get('api').call<User>('PATCH', `/v1/users/${seg(id)}`, {
      body: formToJson(form, userPatchSpec),
    });
    if (r.ok) return c.redirect(`${BASE}/users/${seg(id)}?ok=updated`, 303);
    const errors = problemToFormErrors(r.problem, lang(c), Object.keys(userPatchSpec));
    return userPage(c, id, form, errors, r.status);
  });
}
