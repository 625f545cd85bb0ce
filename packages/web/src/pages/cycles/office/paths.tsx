import { CONTRACTS } from '@jixiao/api/contracts';
import { type CycleView, idPattern, type Light, labelOf } from '@jixiao/core';
import type { Child } from 'hono/jsx';
import type { ApiResult } from '../../../client/api-client';
import { Flash } from '../../../components/feedback';
import { consoleProblem, problemPage } from '../../../components/message-page';
import { BASE, type Ctx, param, seg, useView } from '../../../context';
import { t } from '../../../i18n';
import { useMay } from '../../../policy';

/** Where the cycle pages live, and what every office page of a cycle shares. */
export const CYCLES = `${BASE}/cycles`;
export const cycleHref = (id: string) => `${CYCLES}/${seg(id)}`;

/** The tables of a cycle the API exports as Excel workbooks (cycleFiles.table). */
export const CYCLE_TABLES = [
  'overview.xlsx',
  'plans.xlsx',
  'values.xlsx',
  'checks.xlsx',
  'burden.xlsx',
] as const;
export type CycleTable = (typeof CYCLE_TABLES)[number];
export const exportHref = (id: string, table: CycleTable) => `${cycleHref(id)}/exports/${table}`;

const notFoundCycle = (c: Ctx) =>
  problemPage(
    c,
    consoleProblem(404, 'not_found', { zh: '考核周期不存在。', en: 'Evaluation cycle not found.' }),
  );

/** A cycle page's handler, given the cycle id (404 for an `:id` that is no cycle id at all). */
export const forCycle = (handler: (c: Ctx, id: string) => Response | Promise<Response>) => (c: Ctx) => {
  const id = param(c, 'id');
  return idPattern('cycle').test(id) ? handler(c, id) : notFoundCycle(c);
};

/** The cycle, as the API shows it to the caller. */
export const loadCycle = (c: Ctx, cycleId: string): Promise<ApiResult<CycleView>> =>
  c.get('api').call(CONTRACTS.cycles.get, { params: { cycleId } });

/** The way back from a cycle's sub-page to the cycle. */
export const BackToCycle = (props: { cycle: { id: string; name: string } }) => (
  <p>
    <a href={cycleHref(props.cycle.id)}>← {props.cycle.name}</a>
  </p>
);

/**
 * The top of a cycle's sub-page: the way back to the cycle, the page's title with the cycle's name
 * and state, its buttons (an export), and the flash.
 */
export function CycleHeading(props: { cycle: CycleView; title: string; actions?: Child }) {
  const { lang } = useView();
  const { cycle } = props;
  return (
    <>
      <BackToCycle cycle={cycle} />
      <div class="toolbar">
        <h1>
          {props.title}{' '}
          <span class="badge" data-state={cycle.state}>
            {labelOf('cycleState', cycle.state, lang)}
          </span>
        </h1>
        <span class="spacer" />
        {props.actions ?? null}
      </div>
      <Flash />
    </>
  );
}

/** An Excel export of a cycle's table, offered to who may call the export route. */
export function ExportLink(props: { cycleId: string; table: CycleTable }) {
  const { lang } = useView();
  const may = useMay();
  if (!may(CONTRACTS.cycleFiles.table)) return null;
  return (
    <a class="button secondary-link" href={exportHref(props.cycleId, props.table)} download>
      {t(lang, 'exportXlsx')}
    </a>
  );
}

const LIGHT_CLASS: Record<Light, string> = {
  green: 'badge ok',
  yellow: 'badge st-draft',
  red: 'badge off',
  none: 'badge',
};

/** A warning light as a badge with its words (never colour alone). */
export function LightBadge(props: { light: Light }) {
  const { lang } = useView();
  return (
    <span class={LIGHT_CLASS[props.light]} data-light={props.light}>
      {labelOf('light', props.light, lang)}
    </span>
  );
}

/** A late badge (逾期). */
export function LateBadge() {
  const { lang } = useView();
  return <span class="badge off">{t(lang, 'cyLate')}</span>;
}

/** A window of days as the calendar shows it. */
export const windowText = (w: { opens: string; closes: string } | undefined) =>
  w ? `${w.opens} ~ ${w.closes}` : '';
