import { CONTRACTS } from '@jixiao/api/contracts';
import { ErrorSummary } from '../../components/feedback';
import { CheckboxGroup, FormActions, Hidden, TextArea, TextField } from '../../components/fields';
import { consoleProblem, problemPage } from '../../components/message-page';
import { bindFields } from '../../components/record-form';
import { createPage } from '../../components/record-page';
import { type Ctx, useView } from '../../context';
import { type FormErrors, type FormValues, list, str } from '../../forms';
import { t } from '../../i18n';
import { may } from '../../policy';
import { GUIDANCE } from '../comparisons/routes';
import { isCityOffice } from '../comparisons/scope';
import { GUIDANCE_HREF, newGuidanceHref } from './paths';

/**
 * 下发指导文件 (`/console/guidance/new`): title, 文号 and text, and the counties it goes to (none
 * chosen: every subscribing county under the city). The choices are the city's divisions from
 * the registry; the API refuses one that does not use the platform, and says so at the field.
 */
function NewGuidance(props: {
  values: FormValues;
  errors: FormErrors;
  counties: { code: string; name: string }[];
}) {
  const { lang } = useView();
  const field = bindFields(props.values, props.errors);
  return (
    <>
      <p>
        <a href={GUIDANCE_HREF}>{t(lang, 'gdBackSent')}</a>
      </p>
      <h1>{t(lang, 'gdNew')}</h1>
      <form method="post" action={newGuidanceHref} class="stacked card" id="guidance-form" novalidate>
        <ErrorSummary errors={props.errors} />
        <Hidden name="_idem" value={str(props.values._idem)} />
        <TextField {...field('title')} label={t(lang, 'gdTitleField')} required maxlength={200} />
        <TextField
          {...field('reference')}
          label={t(lang, 'gdReference')}
          hint={t(lang, 'gdReferenceHint')}
          maxlength={100}
        />
        <TextArea {...field('body')} label={t(lang, 'gdBody')} maxlength={20000} />
        {props.counties.length ? (
          <CheckboxGroup
            name="to"
            legend={t(lang, 'gdTo')}
            hint={t(lang, 'gdToHint')}
            options={props.counties.map((x) => ({ value: x.code, label: x.name }))}
            values={list(props.values.to)}
            error={props.errors.fields.to}
          />
        ) : (
          <p class="muted">{t(lang, 'gdToNone')}</p>
        )}
        <FormActions label={t(lang, 'gdSend')} back={GUIDANCE_HREF} />
      </form>
    </>
  );
}

/** The divisions under the caller's city (GB/T 2260), as the choices of whom to send to. */
async function countiesOf(c: Ctx) {
  const city = c.get('me').tenant;
  if (!city) return [];
  const r = await c.get('api').call(CONTRACTS.divisions.children, { query: { parent: city.code } });
  return r.ok ? r.data.items.map((d) => ({ code: d.code, name: d.name })) : [];
}

const page = createPage({
  route: GUIDANCE.send,
  input: (body) => ({ body }),
  blank: () => ({}),
  created: () => GUIDANCE_HREF,
  show: async (c, values, errors) =>
    c.render(<NewGuidance values={values} errors={errors} counties={await countiesOf(c)} />, {
      title: t(c.get('lang'), 'gdNew'),
    }),
});

/** Only a city office may send; anyone else is refused before a form is shown. */
const cityOnly = (handler: (c: Ctx) => Response | Promise<Response>) => (c: Ctx) =>
  isCityOffice(c.get('me')) && may(c.get('me'), GUIDANCE.send)
    ? handler(c)
    : problemPage(
        c,
        consoleProblem(403, 'forbidden', {
          zh: '只有市级绩效管理机构可以向所辖县（市、区）下发指导文件。',
          en: 'Only a city office sends guidance to the counties under it.',
        }),
      );

export const newGuidance = { get: cityOnly(page.get), post: cityOnly(page.post) };
