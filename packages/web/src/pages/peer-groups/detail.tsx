import {
  CODE_PATTERN,
  type PeerGroup,
  STANDARDISATION_METHOD_LABELS,
  type StandardIndicator,
} from '@jixiao/core';
import { DeleteCard } from '../../components/delete-card';
import { Flash } from '../../components/feedback';
import { Facts } from '../../components/fields';
import { consoleProblem, problemPage, statusOf } from '../../components/message-page';
import { type Ctx, param, redirectOk, useView } from '../../context';
import { type FormErrors, type FormValues, noErrors, problemToFormErrors, readForm, str } from '../../forms';
import { t } from '../../i18n';
import { fixed2 } from '../comparisons/format';
import { quotasText } from '../comparisons/method';
import { groupHref, groupsHref } from '../comparisons/paths';
import { PEER_GROUPS, STANDARDS } from '../comparisons/routes';
import { ComparisonTabs } from '../comparisons/tabs';
import { BLANK, groupBody, groupFields, groupValues } from './body';
import { GroupForm } from './form';
import { mayKeepGroups } from './may';
import { type MemberBlock, memberBlocks } from './members';

/** One peer group (`/console/comparisons/groups/:code`), and `/new`: facts, its form, deleting it. */

interface State {
  values?: FormValues;
  errors?: FormErrors;
  deleteErrors?: FormErrors;
}

interface Loaded {
  library: StandardIndicator[];
  blocks: MemberBlock[];
}

function GroupPage(props: { g: PeerGroup; state: State } & Loaded) {
  const { lang, me } = useView();
  const { g, state } = props;
  const href = groupHref(g.code);
  const names = new Map(
    props.blocks.flatMap((b) => b.options.map((o) => [o.code, o.name] as [string, string])),
  );
  const std = new Map(props.library.map((s) => [s.code, s.name]));
  return (
    <>
      <p>
        <a href={groupsHref}>{t(lang, 'pgBack')}</a>
      </p>
      <h1>{g.name}</h1>
      <ComparisonTabs current="groups" />
      <Flash />
      <Facts
        rows={[
          [t(lang, 'pgCode'), g.code],
          [t(lang, 'pgDescription'), g.description || '—'],
          [
            t(lang, 'pgMembers'),
            g.members.map((m) => names.get(m) ?? m).join(lang === 'zh' ? '、' : ', ') || '—',
          ],
          [t(lang, 'pgMethod'), STANDARDISATION_METHOD_LABELS[g.method][lang]],
          [t(lang, 'pgGrades'), quotasText(lang, g.grades)],
          [
            t(lang, 'pgWeights'),
            Object.entries(g.weights)
              .map(([k, w]) => `${std.get(k) ?? k} ${fixed2(w)}`)
              .join(lang === 'zh' ? '；' : '; '),
          ],
        ]}
      />
      {mayKeepGroups(me) ? (
        <>
          <h2>{t(lang, 'pgEdit')}</h2>
          <GroupForm
            mode="edit"
            action={href}
            values={state.values ?? groupValues(g)}
            errors={state.errors ?? noErrors()}
            blocks={props.blocks}
            library={props.library}
            reloadHref={href}
          />
          <DeleteCard
            href={href}
            id="group-delete"
            title={t(lang, 'pgDelete')}
            hint={t(lang, 'pgDeleteHint')}
            version={g.version}
            errors={state.deleteErrors}
          />
        </>
      ) : null}
    </>
  );
}

function NewPage(props: { values: FormValues; errors: FormErrors } & Loaded) {
  const { lang } = useView();
  return (
    <>
      <p>
        <a href={groupsHref}>{t(lang, 'pgBack')}</a>
      </p>
      <h1>{t(lang, 'pgNew')}</h1>
      <ComparisonTabs current="groups" />
      <GroupForm mode="new" action={`${groupsHref}/new`} {...props} />
    </>
  );
}

async function load(c: Ctx): Promise<Loaded> {
  const [lib, blocks] = await Promise.all([c.get('api').call(STANDARDS.list, {}), memberBlocks(c)]);
  return { library: lib.ok ? lib.data.items : [], blocks };
}

const problem = (status: 403 | 404, zh: string, en: string) =>
  consoleProblem(status, status === 403 ? 'forbidden' : 'not_found', { zh, en });

async function show(c: Ctx, state: State = {}) {
  const code = param(c, 'code');
  const r = await c.get('api').call(PEER_GROUPS.list, {});
  if (!r.ok) return problemPage(c, r.problem);
  const g = r.data.items.find((x) => x.code === code);
  if (!g) return problemPage(c, problem(404, `分类考核组 ${code} 不存在。`, `Peer group ${code} not found.`));
  return c.render(<GroupPage g={g} state={state} {...(await load(c))} />, { title: g.name });
}

const renderNew = async (c: Ctx, values: FormValues, errors: FormErrors) =>
  c.render(<NewPage values={values} errors={errors} {...(await load(c))} />, {
    title: t(c.get('lang'), 'pgNew'),
  });

/** `/console/comparisons/groups/new` and `/:code` (+ `/delete`). */
export const groupPages = {
  newGet: (c: Ctx) =>
    mayKeepGroups(c.get('me'))
      ? renderNew(c, BLANK, noErrors())
      : problemPage(
          c,
          problem(
            403,
            '只有省级或市级绩效管理机构可以维护分类考核组。',
            'Only a provincial or city office keeps peer groups.',
          ),
        ),
  newPost: async (c: Ctx) => {
    const lang = c.get('lang');
    const form = await readForm(c);
    const code = str(form.code).trim();
    const { library } = await load(c);
    if (!CODE_PATTERN.test(code)) {
      c.status(422);
      return renderNew(c, form, {
        ...noErrors(),
        message: t(lang, 'fixErrors'),
        fields: { code: t(lang, 'sdCodeInvalid') },
      });
    }
    const r = await c.get('api').call(PEER_GROUPS.put, { params: { code }, body: groupBody(form, library) });
    if (r.ok) return redirectOk(c, groupsHref, 'created');
    if (r.status === 403) return problemPage(c, r.problem);
    c.status(statusOf(r.status));
    return renderNew(c, form, problemToFormErrors(r.problem, lang, ['code', ...groupFields(library)]));
  },
  get: (c: Ctx) => show(c),
  post: async (c: Ctx) => {
    const code = param(c, 'code');
    const form = await readForm(c);
    const { library } = await load(c);
    const r = await c.get('api').call(PEER_GROUPS.put, { params: { code }, body: groupBody(form, library) });
    if (r.ok) return redirectOk(c, groupHref(code), 'updated');
    if (r.status === 403 || r.status === 404) return problemPage(c, r.problem);
    c.status(statusOf(r.status));
    return show(c, {
      values: form,
      errors: problemToFormErrors(r.problem, c.get('lang'), groupFields(library)),
    });
  },
  delete: async (c: Ctx) => {
    const code = param(c, 'code');
    const form = await readForm(c);
    const r = await c
      .get('api')
      .call(PEER_GROUPS.remove, { params: { code }, query: { version: str(form.version) } });
    if (r.ok) return redirectOk(c, groupsHref, 'deleted');
    if (r.status === 403 || r.status === 404) return problemPage(c, r.problem);
    c.status(statusOf(r.status));
    return show(c, { deleteErrors: problemToFormErrors(r.problem, c.get('lang'), []) });
  },
};
