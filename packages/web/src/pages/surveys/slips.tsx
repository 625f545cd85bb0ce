import { CONTRACTS } from '@jixiao/api/contracts';
import { problemPage } from '../../components/message-page';
import { type Ctx, useView } from '../../context';
import { t } from '../../i18n';
import { tenantOf } from './context';
import { publicSurveyUrl, surveyHref } from './paths';
import { qrDataUri } from './qr';

/**
 * `GET …/surveys/:surveyId/slips`: a printable page of QR slips, one per unused invitation (of a
 * batch with `?batch=`), each with its link written under it, and the open link's QR code. A slip
 * is handed to the person served (一次一评) or sent to a deputy.
 */

interface Slip {
  token: string;
  url: string;
  qr: string;
  group: string;
  unit?: string;
}

function SlipsPage(props: {
  title: string;
  back: string;
  openLink?: { url: string; qr: string };
  slips: Slip[];
  more: boolean;
}) {
  const { lang } = useView();
  return (
    <>
      <p class="no-print">
        <a href={props.back}>← {props.title}</a>
      </p>
      <h1>
        {t(lang, 'svSlips')} · {props.title}
      </h1>
      <p class="hint no-print">{t(lang, 'svSlipsHint')}</p>
      {props.openLink ? (
        <section class="slip" id="slip-open-link">
          <img src={props.openLink.qr} alt={t(lang, 'svQrAlt')} width="140" height="140" />
          <p>
            <strong>{t(lang, 'svOpenLink')}</strong>
          </p>
          <p class="note slip-link">{props.openLink.url}</p>
        </section>
      ) : null}
      {props.slips.length === 0 ? <p class="card muted">{t(lang, 'svNoSlips')}</p> : null}
      <div class="slips">
        {props.slips.map((s) => (
          <section class="slip" data-token={s.token}>
            <img src={s.qr} alt={t(lang, 'svQrAlt')} width="140" height="140" />
            <p>
              {s.group}
              {s.unit ? ` · ${s.unit}` : ''}
            </p>
            <p class="note slip-link">
              <a href={s.url}>{s.url}</a>
            </p>
          </section>
        ))}
      </div>
      {props.more ? <p class="muted">{t(lang, 'svMoreSlips')}</p> : null}
    </>
  );
}

export async function slipsPage(c: Ctx, id: string, surveyId: string) {
  const api = c.get('api');
  const batch = c.req.query('batch');
  const [survey, page] = await Promise.all([
    api.call(CONTRACTS.surveys.get, { params: { cycleId: id, surveyId } }),
    api.call(CONTRACTS.surveys.invitations, {
      params: { cycleId: id, surveyId },
      query: { status: 'unused', limit: 200, ...(batch && /^[a-z2-7]{8,32}$/.test(batch) ? { batch } : {}) },
    }),
  ]);
  if (!survey.ok) return problemPage(c, survey.problem);
  if (!page.ok) return problemPage(c, page.problem);
  const s = survey.data;
  const tenant = tenantOf(c);
  const groups = new Map(s.groups.map((g) => [g.key, g.label]));
  const slips = await Promise.all(
    page.data.items.map(async (i) => {
      const url = publicSurveyUrl(c, tenant, id, surveyId, i.id);
      return {
        token: i.id,
        url,
        qr: await qrDataUri(url),
        group: groups.get(i.group) ?? i.group,
        ...(i.unit ? { unit: i.unit } : {}),
      };
    }),
  );
  const openUrl = publicSurveyUrl(c, tenant, id, surveyId);
  const openLink = s.openLink.enabled && !batch ? { url: openUrl, qr: await qrDataUri(openUrl) } : undefined;
  return c.render(
    <SlipsPage
      title={s.title}
      back={surveyHref(id, surveyId)}
      slips={slips}
      more={!!page.data.nextCursor}
      {...(openLink ? { openLink } : {})}
    />,
    { title: t(c.get('lang'), 'svSlips') },
  );
}
