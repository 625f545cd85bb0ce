import { CONTRACTS } from '@jixiao/api/contracts';
import { ASSIGNMENT_STATUS_LABELS, idPattern, type MineView, ROUND_STATUS_LABELS } from '@jixiao/core';
import { ErrorSummary, Flash } from '../../components/feedback';
import { consoleProblem, problemPage, statusOf } from '../../components/message-page';
import { type Ctx, param, redirectOk, useView } from '../../context';
import {
  type FormErrors,
  type FormValues,
  numberFrom,
  problemToFormErrors,
  readForm,
  str,
} from '../../forms';
import { num, t } from '../../i18n';
import { reviewHref } from './review';

/**
 * The expert's workspace (我的评审): each assigned unit and indicator with a score and a comment in
 * the open round, their own earlier scores, the others' scores of closed rounds without names, and
 * 申请回避. One form saves every score due at once.
 */

const mineHref = (id: string) => `${reviewHref(id)}/mine`;
const key = (assignment: string, leaf: string) => `${assignment}:${leaf}`;

interface MineState {
  values?: FormValues;
  errors?: FormErrors;
}

function LeafRow(props: {
  a: MineView['assignments'][number];
  leaf: MineView['assignments'][number]['leaves'][number];
  values: FormValues;
  round: number | null;
}) {
  const { lang } = useView();
  const { a, leaf } = props;
  const k = key(a.id, leaf.code);
  const current = props.round === null ? undefined : leaf.own.find((o) => o.round === props.round);
  const score = props.values[`score:${k}`] ?? (current ? String(current.score) : '');
  const comment = props.values[`comment:${k}`] ?? current?.comment ?? '';
  return (
    <tr data-leaf={leaf.code} data-assignment={a.id}>
      <td>
        {leaf.code} {leaf.name}
        <span class="hint"> {t(lang, 'exScale', { n: leaf.scale })}</span>
      </td>
      <td>
        {leaf.own.map((o) => (
          <p>
            {t(lang, 'exRound', { n: o.round })}：{num(o.score)} <span class="note">{o.comment}</span>
          </p>
        ))}
      </td>
      <td>
        {leaf.revealed.map((r) => (
          <p data-revealed={r.round}>
            {t(lang, 'exOthersRound', {
              n: r.round,
              scores: r.scores.map(num).join('、'),
              median: num(r.median),
            })}
          </p>
        ))}
      </td>
      <td>
        {leaf.due ? (
          <>
            <label for={`f-score-${k}`}>{t(lang, 'exScore')}</label>
            <input
              type="text"
              inputmode="decimal"
              id={`f-score-${k}`}
              name={`score:${k}`}
              value={str(score)}
              size={5}
            />
            <label for={`f-comment-${k}`}>{t(lang, 'exComment')}</label>
            <textarea id={`f-comment-${k}`} name={`comment:${k}`} rows={2} maxlength={2000}>
              {str(comment)}
            </textarea>
            {current ? <input type="hidden" name={`version:${k}`} value={String(current.version)} /> : null}
          </>
        ) : (
          <span class="muted">{t(lang, 'exNotDue')}</span>
        )}
      </td>
    </tr>
  );
}

function MinePage(props: { mine: MineView; state: MineState }) {
  const { lang } = useView();
  const { mine, state } = props;
  const href = mineHref(mine.cycle.id);
  const due = mine.assignments.some((a) => a.leaves.some((l) => l.due));
  return (
    <>
      <h1>
        {t(lang, 'exMine')} · {mine.cycle.name}
      </h1>
      <Flash />
      <p class="hint">{t(lang, 'exMineHint')}</p>
      <p>
        {mine.rounds.map((r) => (
          <span class="badge" data-round={r.number}>
            {t(lang, 'exRound', { n: r.number })} {ROUND_STATUS_LABELS[r.status][lang]}
          </span>
        ))}
      </p>
      {mine.expert.conflicts.length ? (
        <p>
          {t(lang, 'exConflictsMine')}
          {t(lang, 'colon')}
          {mine.expert.conflicts.join('、')}
        </p>
      ) : null}
      <ErrorSummary errors={state.errors} reloadHref={href} />
      <form method="post" action={`${href}/scores`} id="scores" novalidate>
        {mine.assignments.map((a) => (
          <section class="card" data-assignment={a.id} data-status={a.status}>
            <h2>
              {a.unitName}（{a.unit}）{a.group ? ` · ${a.group}` : ''}{' '}
              <span class={a.status === 'active' ? 'badge ok' : 'badge'}>
                {ASSIGNMENT_STATUS_LABELS[a.status][lang]}
              </span>
            </h2>
            {a.recusal ? <p class="note">{t(lang, 'exRecused', { reason: a.recusal.reason })}</p> : null}
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'exLeaves')}</th>
                  <th scope="col">{t(lang, 'exOwnScores')}</th>
                  <th scope="col">{t(lang, 'exOthers')}</th>
                  <th scope="col">{t(lang, 'exScore')}</th>
                </tr>
              </thead>
              <tbody>
                {a.leaves.map((leaf) => (
                  <LeafRow a={a} leaf={leaf} values={state.values ?? {}} round={mine.openRound} />
                ))}
              </tbody>
            </table>
          </section>
        ))}
        {due ? (
          <p>
            <span class="hint">{t(lang, 'exCommentHint')}</span>{' '}
            <button class="primary" type="submit">
              {t(lang, 'exSaveScores')}
            </button>
          </p>
        ) : null}
      </form>
      {mine.assignments
        .filter((a) => a.status === 'active')
        .map((a) => (
          <details class="card" data-recuse={a.id}>
            <summary>
              {t(lang, 'exRecuse')} · {a.unitName}
            </summary>
            <p class="hint">{t(lang, 'exRecuseHint')}</p>
            <form method="post" action={`${href}/assignments/${a.id}/recusal`}>
              <label for={`f-reason-${a.id}`}>{t(lang, 'exRecusalReason')}</label>
              <input type="text" id={`f-reason-${a.id}`} name="reason" maxlength={500} />
              <button class="secondary" type="submit">
                {t(lang, 'exRecuse')}
              </button>
            </form>
          </details>
        ))}
    </>
  );
}

async function show(c: Ctx, id: string, state: MineState) {
  const r = await c.get('api').call(CONTRACTS.experts.mine, { params: { cycleId: id } });
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(<MinePage mine={r.data} state={state} />, { title: t(c.get('lang'), 'exMine') });
}

/** `GET /console/cycles/:id/expert-review/mine`. */
export const minePage = (c: Ctx, id: string) => show(c, id, {});

/** The scores the form carries: every `score:<assignment>:<leaf>` given, with its comment and version. */
function scoresOf(form: FormValues) {
  const out: { assignment: string; leaf: string; score: number; comment: string; version?: number }[] = [];
  for (const [name, v] of Object.entries(form)) {
    if (!name.startsWith('score:') || str(v).trim() === '') continue;
    const k = name.slice('score:'.length);
    const [assignment = '', leaf = ''] = k.split(':');
    const version = Number(str(form[`version:${k}`]));
    out.push({
      assignment,
      leaf,
      // Text that is no number goes as typed, for the API to refuse at its path.
      score: numberFrom(str(v)) as number,
      comment: str(form[`comment:${k}`]),
      ...(Number.isInteger(version) && version > 0 ? { version } : {}),
    });
  }
  return out;
}

/** `POST …/expert-review/mine/scores`. */
export async function saveScores(c: Ctx, id: string) {
  const form = await readForm(c);
  const r = await c
    .get('api')
    .call(CONTRACTS.experts.score, { params: { cycleId: id }, body: { scores: scoresOf(form) } });
  if (r.ok) return redirectOk(c, mineHref(id), 'updated');
  c.status(statusOf(r.status));
  return show(c, id, { values: form, errors: problemToFormErrors(r.problem, c.get('lang'), []) });
}

/** `POST …/expert-review/mine/assignments/:assignmentId/recusal`. */
export async function recuse(c: Ctx, id: string) {
  const assignmentId = param(c, 'assignmentId');
  if (!idPattern('assignment').test(assignmentId))
    return problemPage(c, consoleProblem(404, 'not_found', { zh: '记录不存在。', en: 'Record not found.' }));
  const form = await readForm(c);
  const r = await c.get('api').call(CONTRACTS.experts.recuse, {
    params: { cycleId: id, assignmentId },
    body: { reason: str(form.reason) },
  });
  if (r.ok) return redirectOk(c, mineHref(id), 'updated');
  c.status(statusOf(r.status));
  return show(c, id, { errors: problemToFormErrors(r.problem, c.get('lang'), []) });
}
