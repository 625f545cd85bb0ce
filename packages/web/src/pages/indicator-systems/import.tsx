import { XLSX_TYPE } from '@jixiao/core';
import { useView } from '../../context';
import { t } from '../../i18n';
import { SYSTEMS } from './paths';

/** Why a workbook was refused: the message, and each problem by sheet and cell. */
export interface ImportErrors {
  message: string;
  items: string[];
}

/** The import form at the foot of the list page. */
export function ImportForm(props: { errors?: ImportErrors | undefined }) {
  const { lang } = useView();
  const { errors } = props;
  return (
    <form
      method="post"
      action={`${SYSTEMS}/import`}
      enctype="multipart/form-data"
      class="card stacked mt"
      id="import"
    >
      <h2>{t(lang, 'isImport')}</h2>
      {errors ? (
        <div class="alert" role="alert" id="import-errors">
          <strong>{errors.message}</strong>
          {errors.items.length ? (
            <ul>
              {errors.items.map((x) => (
                <li>{x}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div class="field">
        <label for="f-file">{t(lang, 'isImportFile')}</label>
        <span class="hint" id="f-file-hint">
          {t(lang, 'isImportHint')}
        </span>
        <input
          type="file"
          id="f-file"
          name="file"
          accept={`.xlsx,${XLSX_TYPE}`}
          aria-describedby="f-file-hint"
          required
        />
      </div>
      <p>
        <button class="primary" type="submit">
          {t(lang, 'isImport')}
        </button>
      </p>
    </form>
  );
}
