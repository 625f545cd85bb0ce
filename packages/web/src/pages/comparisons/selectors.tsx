import {
  ALL_GROUP,
  type PeerGroup,
  STANDARDISATION_METHOD_LABELS,
  STANDARDISATION_METHODS,
} from '@jixiao/core';
import { SelectField } from '../../components/fields';
import { useView } from '../../context';
import { t } from '../../i18n';
import type { Selection } from './paths';

/**
 * The year, peer group and method a comparison page shows, as a GET form (a link can be kept and
 * shared): 全部共享地区 or one of the recipient's groups; the group's own method or another.
 */
export function Selectors(props: {
  action: string;
  years: readonly number[];
  groups: readonly PeerGroup[];
  sel: Selection;
}) {
  const { lang } = useView();
  const { sel } = props;
  return (
    <form method="get" action={props.action} class="toolbar card" id="selectors">
      <SelectField
        name="year"
        label={t(lang, 'cmYear')}
        value={String(sel.year)}
        options={[...props.years]
          .reverse()
          .map((y) => ({ value: String(y), label: t(lang, 'srYear', { year: y }) }))}
      />
      <SelectField
        name="group"
        label={t(lang, 'cmGroup')}
        value={sel.group}
        options={[
          { value: ALL_GROUP, label: t(lang, 'cmGroupAll') },
          ...props.groups.map((g) => ({ value: g.code, label: g.name })),
        ]}
      />
      <SelectField
        name="method"
        label={t(lang, 'cmMethod')}
        value={sel.method ?? ''}
        empty={t(lang, 'cmMethodGroup')}
        options={STANDARDISATION_METHODS.map((m) => ({
          value: m,
          label: STANDARDISATION_METHOD_LABELS[m][lang],
        }))}
      />
      <div class="field">
        <button class="secondary" type="submit">
          {t(lang, 'cmShow')}
        </button>
      </div>
    </form>
  );
}
