import { ErrorSummary } from '../../components/feedback';
import { TextArea, TextField } from '../../components/fields';
import { useView } from '../../context';
import { type FormErrors, type FormValues, noErrors, str } from '../../forms';
import { t } from '../../i18n';

/**
 * What a member of the public sends (a comment on a draft, an opinion on a published plan): the
 * text, how they sign (optional) and a contact for a reply (optional, never published). A field
 * people never see (`website`, moved off screen, skipped by the keyboard) catches form-filling bots.
 */
export function MessageForm(props: {
  action: string;
  id: string;
  title: string;
  submit: string;
  values?: FormValues;
  errors?: FormErrors;
}) {
  const { lang } = useView();
  const v = props.values ?? {};
  const e = props.errors ?? noErrors();
  return (
    <form method="post" action={props.action} class="stacked card" id={props.id} novalidate>
      <h2>{props.title}</h2>
      <ErrorSummary errors={props.errors} />
      <TextArea
        name="text"
        label={t(lang, 'pubText')}
        value={str(v.text)}
        error={e.fields.text}
        maxlength={2000}
      />
      <TextField
        name="name"
        label={t(lang, 'pubName')}
        hint={t(lang, 'pubNameHint')}
        value={str(v.name)}
        error={e.fields.name}
        maxlength={40}
        autocomplete="name"
      />
      <TextField
        name="contact"
        label={t(lang, 'pubContact')}
        hint={t(lang, 'pubContactHint')}
        value={str(v.contact)}
        error={e.fields.contact}
        maxlength={100}
      />
      <div class="default-submit" aria-hidden="true">
        <label for="f-website">{t(lang, 'pubWebsite')}</label>
        <input type="text" id="f-website" name="website" value="" tabindex={-1} autocomplete="off" />
      </div>
      <p>
        <button class="primary" type="submit">
          {props.submit}
        </button>
      </p>
    </form>
  );
}
