import type { CycleView, ProviderAssignment } from '@jixiao/core';
import { ErrorSummary } from '../../../components/feedback';
import { FieldError, Hidden } from '../../../components/fields';
import { useView } from '../../../context';
import { type FormErrors, type FormValues, noErrors, str } from '../../../forms';
import { t } from '../../../i18n';
import { leafRowsFrom } from './cycle-form';
import { KeptNote, keptVersion } from './kept';
import { cycleHref } from './paths';

/**
 * 数据提供部门 (一数一源): which unit supplies and verifies each leaf's value. The editor lists the
 * leaves of the bound versions whose data source is a data provider (and any leaf already assigned),
 * each with a unit to choose.
 */

export interface ProviderChoices {
  leaves: { code: string; name: string }[];
  /** Read for who may change the cycle only. */
  units: { code: string; name: string }[] | undefined;
}

export const providerField = (leaf: string) => `provider.${leaf}`;

/** The providers from the form's `provider.<leaf>` selects, and where each body row came from. */
export function providersFrom(form: FormValues) {
  const { rows, renames, fields } = leafRowsFrom(
    form,
    'provider',
    'providers',
    (leaf, unit): ProviderAssignment => ({ leaf, unit }),
  );
  return { providers: rows, renames, fields };
}

export function Providers(props: {
  cycle: CycleView;
  choices: ProviderChoices | undefined;
  state?: { values: FormValues; errors: FormErrors } | undefined;
}) {
  const { lang } = useView();
  const { cycle, choices, state } = props;
  const names = new Map((choices?.leaves ?? []).map((l) => [l.code, l.name]));
  const units = choices?.units;
  const unitNames = new Map((units ?? []).map((u) => [u.code, u.name]));
  const assigned = new Map(cycle.providers.map((p) => [p.leaf, p.unit]));
  const leaves = [...new Set([...(choices?.leaves ?? []).map((l) => l.code), ...assigned.keys()])];
  if (leaves.length === 0 && !cycle.allowed.edit) return null;
  const errors = state?.errors ?? noErrors();
  const chosen = (leaf: string) =>
    state ? str(state.values[providerField(leaf)]) : (assigned.get(leaf) ?? '');
  const named = (code: string, name: string | undefined) => (name ? `${name}（${code}）` : code);
  return (
    <section class="card" aria-labelledby="h-providers">
      <h2 id="h-providers">{t(lang, 'cyProviders')}</h2>
      {cycle.allowed.edit && units ? <p class="hint">{t(lang, 'cyProvidersHint')}</p> : null}
      {cycle.allowed.edit && units ? (
        leaves.length === 0 ? (
          <p class="muted">{t(lang, 'cyNoProviderLeaves')}</p>
        ) : (
          <form method="post" action={`${cycleHref(cycle.id)}/providers`} id="cycle-providers" novalidate>
            <ErrorSummary errors={errors} reloadHref={cycleHref(cycle.id)} />
            <KeptNote errors={state?.errors} />
            <Hidden name="version" value={keptVersion(state, cycle.version)} />
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'cyLeaf')}</th>
                  <th scope="col">{t(lang, 'cyProviderUnit')}</th>
                </tr>
              </thead>
              <tbody>
                {leaves.map((leaf) => {
                  const name = providerField(leaf);
                  const error = errors.fields[name];
                  return (
                    <tr data-leaf={leaf}>
                      <th scope="row">
                        <label for={`f-${name}`}>{named(leaf, names.get(leaf))}</label>
                      </th>
                      <td>
                        <select
                          id={`f-${name}`}
                          name={name}
                          aria-invalid={error ? 'true' : undefined}
                          aria-describedby={error ? `f-${name}-error` : undefined}
                        >
                          <option value="">{t(lang, 'none')}</option>
                          {units.map((u) => (
                            <option value={u.code} selected={u.code === chosen(leaf)}>
                              {named(u.code, u.name)}
                            </option>
                          ))}
                        </select>
                        <FieldError name={name} error={error} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <p>
              <button class="primary" type="submit">
                {t(lang, 'save')}
              </button>
            </p>
          </form>
        )
      ) : cycle.providers.length === 0 ? (
        <p class="muted">{t(lang, 'none')}</p>
      ) : (
        <table id="providers">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'cyLeaf')}</th>
              <th scope="col">{t(lang, 'cyProviderUnit')}</th>
            </tr>
          </thead>
          <tbody>
            {cycle.providers.map((p) => (
              <tr data-leaf={p.leaf}>
                <td>{named(p.leaf, names.get(p.leaf))}</td>
                <td>{named(p.unit, unitNames.get(p.unit))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
