import { useView } from '../../../context';
import { type FormErrors, type FormValues, str } from '../../../forms';
import { t } from '../../../i18n';

/**
 * A refused form shows what was typed with the version it was loaded with (not the fresh one), so
 * after a colleague's change a second click is refused again instead of silently overwriting it:
 * the reload link (in the error summary) takes the fresh record.
 */
export const keptVersion = (state: { values?: FormValues } | undefined, fresh: number): string | number =>
  (state && str(state.values?.version)) || fresh;

/** On a conflict: what was typed is still in the form, to copy before reloading. */
export function KeptNote(props: { errors: FormErrors | undefined }) {
  const { lang } = useView();
  return props.errors?.code === 'version_conflict' ? <p class="notice">{t(lang, 'cuKeptInput')}</p> : null;
}
