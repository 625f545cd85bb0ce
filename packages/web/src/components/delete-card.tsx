import { useView } from '../context';
import type { FormErrors } from '../forms';
import { t } from '../i18n';
import { ErrorSummary } from './feedback';
import { Hidden } from './fields';

/** A record's delete form (a card posting its version to `<href>/delete`), with its own errors. */
export function DeleteCard(props: {
  href: string;
  id: string;
  title: string;
  hint: string;
  version: number;
  errors: FormErrors | undefined;
}) {
  const { lang } = useView();
  return (
    <form method="post" action={`${props.href}/delete`} class="card" id={props.id}>
      <h2>{props.title}</h2>
      <ErrorSummary errors={props.errors} reloadHref={props.href} />
      <p class="muted">{props.hint}</p>
      <Hidden name="version" value={props.version} />
      <button class="danger" type="submit">
        {t(lang, 'delete')}
      </button>
    </form>
  );
}
