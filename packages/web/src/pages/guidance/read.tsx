import { type Guidance, idPattern } from '@jixiao/core';
import { consoleProblem, problemPage } from '../../components/message-page';
import { type Ctx, param, useView } from '../../context';
import { t } from '../../i18n';
import { GUIDANCE } from '../comparisons/routes';
import { stampText } from '../evaluation/parts';
import { GUIDANCE_HREF } from './paths';

/** 上级指导文件 (`/console/guidance/inbox/:id`): one document as a county office received it. */
function Reading(props: { g: Guidance }) {
  const { lang } = useView();
  const { g } = props;
  return (
    <>
      <p>
        <a href={GUIDANCE_HREF}>{t(lang, 'gdBack')}</a>
      </p>
      <article class="card" aria-labelledby="h-guidance" id="guidance-document">
        <h1 id="h-guidance">{g.title}</h1>
        <dl class="facts">
          {g.reference ? (
            <>
              <dt>{t(lang, 'gdReference')}</dt>
              <dd>{g.reference}</dd>
            </>
          ) : null}
          <dt>{t(lang, 'gdFrom')}</dt>
          <dd>{g.fromName}</dd>
          <dt>{t(lang, 'gdSentAt')}</dt>
          <dd>{stampText(lang, g.sent)}</dd>
        </dl>
        <div class="note mt" id="guidance-body">
          {g.body}
        </div>
      </article>
    </>
  );
}

const ID = idPattern('guidance');

/** `GET /console/guidance/inbox/:id`. */
export async function readGuidance(c: Ctx) {
  const id = param(c, 'id');
  if (!ID.test(id))
    return problemPage(
      c,
      consoleProblem(404, 'not_found', { zh: '指导文件不存在。', en: 'Guidance document not found.' }),
    );
  const r = await c.get('api').call(GUIDANCE.received, { params: { id } });
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(<Reading g={r.data} />, { title: r.data.title });
}
