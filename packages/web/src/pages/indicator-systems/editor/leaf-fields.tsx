import { useView } from '../../../context';
import { t } from '../../../i18n';
import { Err, fid, type GroupOption } from './controls';
import type { EditorErrors } from './place-issues';

/**
 * A leaf's fields that need more than a compact input: the two parameter texts in the workbook's
 * notations (评分参数, 考核办设定参数), each with its hint, and 适用分组.
 */

/**
 * A parameter text with a visible label, a hint and its error under it. `readonly` shows the
 * value without letting it be changed (and still submits it): 考核办设定参数 in a unit's draft, which
 * the office alone sets; the API refuses a unit's change anyway.
 */
export function ParamText(props: {
  name: string;
  value: string;
  label: string;
  hint: string;
  errors: EditorErrors;
  readonly?: boolean;
}) {
  const { name, errors } = props;
  const id = fid(name);
  return (
    <div class="cell wide">
      <label for={id}>{props.label}</label>
      <span class="hint" id={`${id}-hint`}>
        {props.hint}
      </span>
      <input
        type="text"
        id={id}
        name={name}
        value={props.value}
        readonly={props.readonly}
        autocomplete="off"
        aria-invalid={errors.fields[name] ? 'true' : undefined}
        aria-describedby={`${id}-hint${errors.fields[name] ? ` ${id}-error` : ''}`}
      />
      <Err name={name} errors={errors} />
    </div>
  );
}

/** 适用分组: a checkbox per tenant group, plus any code the leaf names that is not (or no longer) one. */
export function AppliesTo(props: {
  name: string;
  value: string[];
  groups: GroupOption[];
  errors: EditorErrors;
}) {
  const { lang } = useView();
  const { name, value, groups, errors } = props;
  const id = fid(name);
  const known = new Set(groups.map((g) => g.code));
  const options = [
    ...groups.map((g) => ({ code: g.code, label: `${g.code} ${g.name}` })),
    ...[...new Set(value)]
      .filter((c) => !known.has(c))
      .map((c) => ({ code: c, label: `${c} ${t(lang, 'appliesToUnknown')}` })),
  ];
  return (
    <fieldset
      class="cell wide applies-to plain"
      id={id}
      aria-describedby={`${id}-hint${errors.fields[name] ? ` ${id}-error` : ''}`}
    >
      <legend>{t(lang, 'appliesTo')}</legend>
      <span class="hint" id={`${id}-hint`}>
        {t(lang, 'appliesToHint')}
      </span>
      {options.map((o, i) => (
        <label class="check" for={`${id}-${i}`}>
          <input
            type="checkbox"
            id={`${id}-${i}`}
            name={name}
            value={o.code}
            checked={value.includes(o.code)}
          />
          {o.label}
        </label>
      ))}
      <Err name={name} errors={errors} />
    </fieldset>
  );
}
