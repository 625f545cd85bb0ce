import { CONTRACTS } from '@jixiao/api/contracts';
import { contentOf, type SystemView } from '@jixiao/core';
import { StatusBadge } from '../../../components/badges';
import { Flash } from '../../../components/feedback';
import { problemPage, statusOf } from '../../../components/message-page';
import { type Ctx, redirectOk, useView } from '../../../context';
import { type BodyOf, type FormErrors, formMessage, noErrors, readForm, str } from '../../../forms';
import { t } from '../../../i18n';
import { versionHref } from '../paths';
import { IssueSummary } from '../version/issues';
import { toContent } from './content';
import type { GroupOption } from './controls';
import { EditorForm } from './form';
import { fromForm } from './from-form';
import { type EdSystem, fromContent } from './model';
import { applyOp } from './ops';
import { type EditorErrors, noEditorErrors, placeIssues } from './place-issues';

interface EditorState {
  /** What the user typed (after a structural change or a refused save); absent: the stored draft. */
  sys?: EdSystem;
  errors?: EditorErrors;
  problem?: FormErrors;
  focus?: string;
  unsaved?: boolean;
}

function EditorPage(props: {
  s: SystemView;
  sys: EdSystem;
  errors: EditorErrors;
  groups: GroupOption[];
  state: EditorState;
}) {
  const { lang } = useView();
  const { s, state } = props;
  const href = versionHref(s.id, s.systemVersion);
  return (
    <>
      <p>
        <a href={href}>← {t(lang, 'backToSystem')}</a>
      </p>
      <div class="toolbar">
        <h1>
          {t(lang, 'editTitle')}
          {t(lang, 'colon')}
          {s.name} <StatusBadge status={s.status} />{' '}
          <span class="badge">{t(lang, 'versionN', { n: s.systemVersion })}</span>
        </h1>
      </div>
      <Flash />
      {state.sys ? null : <IssueSummary issues={s.issues} showNone />}
      <EditorForm
        sys={props.sys}
        action={`${href}/edit`}
        back={href}
        errors={props.errors}
        groups={props.groups}
        officeParams={s.allowed.officeParams}
        problem={state.problem}
        focus={state.focus}
        unsaved={state.unsaved}
        reloadHref={`${href}/edit`}
      />
    </>
  );
}

async function show(c: Ctx, id: string, v: number, state: EditorState = {}) {
  const api = c.get('api');
  const [r, groups] = await Promise.all([
    api.call(CONTRACTS.systems.getVersion, { params: { id, v } }),
    api.all(CONTRACTS.unitGroups.list, {}),
  ]);
  if (!r.ok) return problemPage(c, r.problem);
  const s = r.data;
  // Not a draft, or not the caller's to edit (another unit's, the office's): the version page says why not.
  if (!s.allowed.edit) return c.redirect(versionHref(id, v), 303);
  return c.render(
    <EditorPage
      s={s}
      sys={state.sys ?? fromContent(contentOf(s), s.version)}
      // Freshly loaded: the stored version's issues, next to their nodes. After a post: what that post found.
      errors={state.errors ?? placeIssues(s.issues, c.get('lang'))}
      groups={groups.ok ? groups.data.items.map((g) => ({ code: g.code, name: g.name })) : []}
      state={state}
    />,
    { title: `${t(c.get('lang'), 'editTitle')} · ${s.name}`, wide: true },
  );
}

/**
 * `GET …/versions/:v/edit` shows a draft in the editor; `POST` applies a structural button to what
 * was typed (nothing saved), or saves: the content goes to the API (PUT), whose issues come back
 * under their fields or on their rows.
 */
export const editor = {
  get: (c: Ctx, id: string, v: number) => show(c, id, v),
  post: async (c: Ctx, id: string, v: number) => {
    const lang = c.get('lang');
    const form = await readForm(c);
    const sys = fromForm(form);
    const op = str(form.op) || 'save';
    if (op !== 'save') {
      const { focus } = applyOp(sys, op);
      return show(c, id, v, { sys, errors: noEditorErrors(), focus, unsaved: true });
    }
    const { content, errors: paramErrors } = toContent(sys, lang);
    const unread = Object.keys(paramErrors);
    if (unread.length > 0) {
      c.status(422);
      // Only office parameters unreadable: say so, rather than name the 评分参数.
      const onlyOffice = unread.every((k) => k.endsWith('.officeParams'));
      return show(c, id, v, {
        sys,
        errors: { fields: paramErrors, rows: new Map() },
        problem: formMessage(t(lang, onlyOffice ? 'officeParamsInvalid' : 'paramsInvalid')),
      });
    }
    const r = await c.get('api').call(CONTRACTS.systems.putDraft, {
      params: { id, v },
      // What the user typed, for the API to validate: its issues come back on the form.
      body: { version: Number(sys.version), content } as BodyOf<typeof CONTRACTS.systems.putDraft>,
    });
    if (r.ok) return redirectOk(c, `${versionHref(id, v)}/edit`, 'updated');
    c.status(statusOf(r.status));
    return show(c, id, v, {
      sys,
      errors: placeIssues(r.problem.errors ?? [], lang),
      problem: {
        ...noErrors(),
        message: r.problem.message[lang],
        code: r.problem.code,
        requestId: r.problem.requestId,
      },
    });
  },
};
