import { CONTRACTS } from '@jixiao/api/contracts';
import { isEnumValue, labelOf, VALUE_STATUSES } from '@jixiao/core';
import type { SuccessOf } from '../../../../client/api-client';
import { Flash } from '../../../../components/feedback';
import { SelectField } from '../../../../components/fields';
import { problemPage, statusOf } from '../../../../components/message-page';
import { Pager } from '../../../../components/pager';
import { type Ctx, PAGE_SIZE, param, useView } from '../../../../context';
import { formBody, problemToFormErrors, readForm, str } from '../../../../forms';
import { formatNumber, t } from '../../../../i18n';
import { officeWide, useMay } from '../../../../policy';
import { Back } from '../parts';
import { cycleHref, valuesHref, valuesXlsxHref } from '../paths';
import { loadValuesContext, type ValuesContext } from './load';
import { parsePasted } from './supply';
import { SupplyForm, type SupplyState } from './supply-form';
import { type RowState, ValuesTable } from './table';

/**
 * `/console/cycles/:id/values`: the verification table (指标考核). The office and data providers
 * confirm or correct each value (`POST …/values/:unit/:leaf`), and enter a provider's values once
 * for all units by pasting them from Excel (`POST …/values/supply`, 一数一源); a unit sees its own
 * outcome, read-only. Filters: indicator, unit, status.
 */

const FILTERS = ['leaf', 'unit', 'status'] as const;

/** The filter and page of the table, as a query string kept across a verification. */
const queryOf = (get: (k: string) => string | undefined) => {
  const q = new URLSearchParams();
  for (const k of [...FILTERS, 'cursor']) {
    const v = get(k);
    if (v) q.set(k, v);
  }
  return q.toString();
};

function ValuesPage(props: {
  ctx: ValuesContext;
  page: SuccessOf<typeof CONTRACTS.values.list>;
  query: string;
  row?: RowState;
  supply?: SupplyState;
}) {
  const { lang, me, url } = useView();
  const may = useMay();
  const { ctx } = props;
  const id = ctx.cycle.id;
  const f = (k: string) => url.searchParams.get(k) ?? '';
  const written = url.searchParams.get('written');
  return (
    <>
      <Back href={cycleHref(id)} label={ctx.cycle.name} />
      <div class="toolbar">
        <h1>{t(lang, 'cuValuesTitle', { cycle: ctx.cycle.name })}</h1>
        <span class="spacer" />
        {may(CONTRACTS.cycleFiles.table) ? (
          <a class="button secondary-link" href={valuesXlsxHref(id)}>
            {t(lang, 'exportXlsx')}
          </a>
        ) : null}
      </div>
      <Flash />
      {written !== null ? (
        <p class="flash" role="status">
          {t(lang, 'cuSupplied', {
            written: formatNumber(Number(written) || 0),
            unchanged: formatNumber(Number(url.searchParams.get('unchanged')) || 0),
          })}
        </p>
      ) : null}
      <form method="get" action={valuesHref(id)} class="toolbar" id="values-filter">
        <SelectField
          name="leaf"
          label={t(lang, 'cuIndicator')}
          options={ctx.leaves}
          value={f('leaf')}
          empty={t(lang, 'all')}
        />
        {officeWide(me) ? (
          <SelectField
            name="unit"
            label={t(lang, 'unit')}
            options={ctx.cycleUnits}
            value={f('unit')}
            empty={t(lang, 'all')}
          />
        ) : null}
        <SelectField
          name="status"
          label={t(lang, 'status')}
          options={VALUE_STATUSES.map((s) => ({ value: s, label: labelOf('valueStatus', s, lang) }))}
          value={f('status')}
          empty={t(lang, 'all')}
        />
        <div class="field">
          <button class="secondary" type="submit">
            {t(lang, 'filter')}
          </button>
        </div>
      </form>
      {props.page.items.length === 0 ? (
        <p class="card">{t(lang, 'cuNoValues')}</p>
      ) : (
        <ValuesTable
          rows={props.page.items}
          cycleHref={cycleHref(id)}
          query={props.query}
          state={props.row}
        />
      )}
      <Pager nextCursor={props.page.nextCursor} hasPrev={!!f('cursor')} />
      {ctx.supplyLeaves.length ? (
        <SupplyForm action={`${valuesHref(id)}/supply`} leaves={ctx.supplyLeaves} state={props.supply} />
      ) : null}
    </>
  );
}

async function show(
  c: Ctx,
  cycleId: string,
  query: string,
  extra: { row?: RowState; supply?: SupplyState } = {},
) {
  const q = new URLSearchParams(query);
  const get = (k: string) => q.get(k) || undefined;
  const status = get('status');
  const [loaded, page] = await Promise.all([
    loadValuesContext(c, cycleId),
    c.get('api').call(CONTRACTS.values.list, {
      params: { cycleId },
      query: {
        limit: PAGE_SIZE,
        cursor: get('cursor'),
        unit: get('unit'),
        leaf: get('leaf'),
        status: status && isEnumValue('valueStatus', status) ? status : undefined,
      },
    }),
  ]);
  if (!loaded.ok) return problemPage(c, loaded.problem);
  if (!page.ok) return problemPage(c, page.problem);
  return c.render(<ValuesPage ctx={loaded.ctx} page={page.data} query={query} {...extra} />, {
    title: t(c.get('lang'), 'cuValuesTitle', { cycle: loaded.ctx.cycle.name }),
    wide: true,
  });
}

export const valuesPage = {
  get: (c: Ctx, cycleId: string) =>
    show(
      c,
      cycleId,
      queryOf((k) => c.req.query(k)),
    ),
  /** `POST …/values/:unit/:leaf`: confirm, or correct with a value and a reason. */
  verify: async (c: Ctx, cycleId: string) => {
    const unit = param(c, 'unit');
    const leaf = param(c, 'leaf');
    const form = await readForm(c);
    const query = queryOf((k) => new URLSearchParams(str(form._q)).get(k) ?? undefined);
    const body = formBody(CONTRACTS.values.verify, form);
    const r = await c.get('api').call(CONTRACTS.values.verify, { params: { cycleId, unit, leaf }, body });
    if (r.ok) return c.redirect(`${valuesHref(cycleId)}?${query ? `${query}&` : ''}ok=updated`, 303);
    c.status(statusOf(r.status));
    const errors = problemToFormErrors(r.problem, c.get('lang'), []);
    return show(c, cycleId, query, { row: { at: `${unit}/${leaf}`, values: form, errors } });
  },
  /** `POST …/values/supply`: the pasted rows of one indicator, read here, sent once (一数一源). */
  supply: async (c: Ctx, cycleId: string) => {
    const lang = c.get('lang');
    const form = await readForm(c);
    const leaf = str(form.leaf);
    const text = str(form.rows);
    const loaded = await loadValuesContext(c, cycleId);
    if (!loaded.ok) return problemPage(c, loaded.problem);
    const { rows, errors } = parsePasted(text, loaded.ctx.units);
    if (errors.length) {
      c.status(422);
      return show(c, cycleId, '', {
        supply: { leaf, text, errors: errors.map((e) => t(lang, e.key, e.params)) },
      });
    }
    const r = await c.get('api').call(CONTRACTS.values.supply, {
      params: { cycleId },
      body: { leaf, rows: rows.map(({ unit, value }) => ({ unit, value })) },
    });
    if (r.ok)
      return c.redirect(
        `${valuesHref(cycleId)}?leaf=${encodeURIComponent(leaf)}&written=${r.data.written}&unchanged=${r.data.unchanged}`,
        303,
      );
    c.status(statusOf(r.status));
    // A row the API refused (`rows.3.unit`) is named by the line it was pasted on.
    const lines = (r.problem.errors ?? []).map((e) => {
      const m = /^(?:body\.)?rows\.(\d+)/.exec(e.path);
      const row = m ? rows[Number(m[1])] : undefined;
      return row ? t(lang, 'cuPasteLine', { line: row.line, message: e[lang] }) : e[lang];
    });
    return show(c, cycleId, '', { supply: { leaf, text, errors: lines, message: r.problem.message[lang] } });
  },
};
