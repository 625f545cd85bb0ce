import { CONTRACTS } from '@jixiao/api/contracts';
import { labelOf, shanghaiDay } from '@jixiao/core';
import type { SuccessOf } from '../../../client/api-client';
import { ListPage } from '../../../components/list-page';
import { problemPage, statusOf } from '../../../components/message-page';
import { type Ctx, PAGE_SIZE, redirectOk, useView } from '../../../context';
import {
  type FormErrors,
  type FormValues,
  idempotencyKeyFrom,
  newIdempotencyKey,
  noErrors,
  readForm,
} from '../../../forms';
import { t } from '../../../i18n';
import { may } from '../../../policy';
import { type BindChoices, blankCycle, CycleCreateForm } from './create-form';
import { cycleCreateFrom, rowErrors } from './cycle-form';
import { cycleHref, windowText } from './paths';

const create = CONTRACTS.cycles.create;

function CycleList(props: {
  page: SuccessOf<typeof CONTRACTS.cycles.list>;
  hasPrev: boolean;
  form?: { values: FormValues; errors: FormErrors; choices: BindChoices };
}) {
  const { lang } = useView();
  return (
    <>
      <ListPage
        title={t(lang, 'cyTitle')}
        actions={
          props.form ? (
            <a class="button" href="#open-cycle">
              {t(lang, 'cyOpenCycle')}
            </a>
          ) : null
        }
        items={props.page.items}
        rowAttrs={(c) => ({ 'data-id': c.id })}
        empty={t(lang, 'cyNone')}
        columns={[
          { label: t(lang, 'cyName'), cell: (c) => <a href={cycleHref(c.id)}>{c.name}</a> },
          { label: t(lang, 'cyYear'), cell: (c) => String(c.year) },
          { label: t(lang, 'cyKind'), cell: (c) => labelOf('cycleKind', c.kind, lang) },
          {
            label: t(lang, 'cyState'),
            cell: (c) => (
              <span class="badge" data-state={c.state}>
                {labelOf('cycleState', c.state, lang)}
              </span>
            ),
          },
          { label: t(lang, 'cyPlanDeadline'), cell: (c) => c.calendar.planDeadline },
          { label: t(lang, 'cySelfWindow'), cell: (c) => windowText(c.calendar.selfAssessment) },
          { label: t(lang, 'cyVerificationWindow'), cell: (c) => windowText(c.calendar.verification) },
        ]}
        nextCursor={props.page.nextCursor}
        hasPrev={props.hasPrev}
      />
      {props.form ? (
        <>
          <h2 class="mt" id="open-cycle">
            {t(lang, 'cyOpenCycle')}
          </h2>
          <CycleCreateForm {...props.form} />
        </>
      ) : null}
    </>
  );
}

/** The approved system versions and the unit groups the create form binds. */
async function bindChoices(c: Ctx): Promise<BindChoices> {
  const api = c.get('api');
  const [systems, groups] = await Promise.all([
    api.all(CONTRACTS.systems.list, {}),
    api.all(CONTRACTS.unitGroups.list, {}),
  ]);
  return {
    systems: systems.ok
      ? systems.data.items.flatMap((s) =>
          s.approved ? [{ id: s.id, name: s.approved.name, version: s.approved.systemVersion }] : [],
        )
      : [],
    groups: groups.ok ? groups.data.items.map((g) => ({ code: g.code, name: g.name })) : [],
  };
}

async function show(c: Ctx, values: FormValues, errors: FormErrors) {
  const cursor = c.req.query('cursor');
  const r = await c.get('api').call(CONTRACTS.cycles.list, { query: { limit: PAGE_SIZE, cursor } });
  if (!r.ok) return problemPage(c, r.problem);
  const form = may(c.get('me'), create) ? { values, errors, choices: await bindChoices(c) } : undefined;
  return c.render(<CycleList page={r.data} hasPrev={!!cursor} form={form} />, {
    title: t(c.get('lang'), 'cyTitle'),
  });
}

/** `/console/cycles`: the cycles, newest first, and (for the office) the form that opens one. */
export const cycleList = {
  get: (c: Ctx) =>
    show(
      c,
      { _idem: newIdempotencyKey(), ...blankCycle(Number(shanghaiDay(new Date()).slice(0, 4))) },
      noErrors(),
    ),
  post: async (c: Ctx) => {
    const form = await readForm(c);
    const idem = idempotencyKeyFrom(form);
    const { body, renames, fields } = cycleCreateFrom(form);
    const r = await c.get('api').call(create, { body, idempotencyKey: idem });
    if (r.ok) return redirectOk(c, cycleHref(r.data.id), 'created');
    c.status(statusOf(r.status));
    return show(c, { ...form, _idem: idem }, rowErrors(r.problem, c.get('lang'), renames, fields));
  },
};
