import { dimensionTieBreakLabel, TIE_BREAK_KEYS, TIE_BREAK_LABELS } from '@jixiao/core';
import { useView } from '../../../context';
import { t } from '../../../i18n';
import { enumOptions } from '../labels';
import { Err, fid, invalid } from './controls';
import type { EdSystem } from './model';
import type { EditorErrors } from './place-issues';

const TIE_BREAK_ROWS = 3;
const DIMENSION_CODE = /^[A-Za-z0-9_-]+$/;

/** 同分排序: an ordered list of selects, at least three, more if the system already has more keys. */
export function TieBreak(props: { sys: EdSystem; errors: EditorErrors }) {
  const { lang } = useView();
  const { sys, errors } = props;
  const base = [
    { value: '', label: t(lang, 'tieNone') },
    ...enumOptions(lang, TIE_BREAK_KEYS, TIE_BREAK_LABELS),
    ...[...new Set(sys.dims.map((d) => d.code.trim()))]
      .filter((c) => DIMENSION_CODE.test(c))
      .map((code) => ({ value: `dimension:${code}`, label: dimensionTieBreakLabel(code)[lang] })),
  ];
  const rows = Math.max(TIE_BREAK_ROWS, sys.tieBreak.length);
  return (
    <fieldset
      class="cell wide tie-break plain"
      id={fid('tieBreak')}
      aria-describedby={`${fid('tieBreak')}-hint${errors.fields.tieBreak ? ` ${fid('tieBreak')}-error` : ''}`}
    >
      <legend>{t(lang, 'tieBreak')}</legend>
      <span class="hint" id={`${fid('tieBreak')}-hint`}>
        {t(lang, 'tieBreakHint')}
      </span>
      <ol class="tie-keys">
        {Array.from({ length: rows }, (_, i) => {
          const value = sys.tieBreak[i] ?? '';
          // A key the list does not offer (e.g. a dimension since renamed) stays selectable as it is.
          const options = base.some((o) => o.value === value)
            ? base
            : [...base, { value, label: value.replace(/^dimension:/, '') }];
          const name = `tb.${i}`;
          return (
            <li>
              <select
                id={fid(name)}
                name={name}
                aria-label={t(lang, 'tieBreakN', { n: i + 1 })}
                {...invalid(errors, name)}
              >
                {options.map((o) => (
                  <option value={o.value} selected={o.value === value}>
                    {o.label}
                  </option>
                ))}
              </select>
              <Err name={name} errors={errors} />
            </li>
          );
        })}
      </ol>
      <Err name="tieBreak" errors={errors} />
    </fieldset>
  );
}
