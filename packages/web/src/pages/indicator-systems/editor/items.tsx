import { QUOTA_ROUNDING_LABELS, QUOTA_ROUNDINGS, VETO_EFFECT_LABELS, VETO_EFFECTS } from '@jixiao/core';
import type { Child } from 'hono/jsx';
import { Hidden } from '../../../components/fields';
import { useView } from '../../../context';
import { type MessageKey, t } from '../../../i18n';
import { enumOptions } from '../labels';
import { Inp, OpButton, RowIssues, Sel } from './controls';
import type { EdSystem } from './model';
import type { EditorErrors } from './place-issues';
import { TieBreak } from './tie-break';

/** The editor's sections beside the tree: bonus items, veto items, grading (levels, quotas, ties). */

interface SectionProps {
  sys: EdSystem;
  errors: EditorErrors;
  /** The item to focus after a structural change (`b.2`, `x.0`, `g.1`). */
  focus?: string;
}

/** The two item lists: their field prefix (`b.<i>.*`, `x.<i>.*`), heading and add button. */
const ITEM_KINDS = {
  bonus: { prefix: 'b', heading: 'bonusItems', add: 'opAddBonus' },
  veto: { prefix: 'x', heading: 'vetoItems', add: 'opAddVeto' },
} as const satisfies Record<string, { prefix: string; heading: MessageKey; add: MessageKey }>;

/**
 * One item list (`<kind>-list`, rows `<kind>-<i>`): code, name, the kind's own column, criteria,
 * remove; then the add button. `cell` draws the kind's column for the item whose fields are `base.*`.
 */
function ItemsSection<T extends { code: string; name: string; criteria: string; extra: string }>(props: {
  kind: keyof typeof ITEM_KINDS;
  items: T[];
  errors: EditorErrors;
  focus?: string | undefined;
  column: MessageKey;
  cell: (item: T, base: string) => Child;
  /** What stands between the heading and the table (the bonus cap). */
  children?: Child;
}) {
  const { lang } = useView();
  const { kind, errors, focus } = props;
  const { prefix, heading, add } = ITEM_KINDS[kind];
  return (
    <section class="card" id={`${kind}-list`} aria-labelledby={`h-${kind}`}>
      <h2 id={`h-${kind}`}>{t(lang, heading)}</h2>
      <RowIssues errors={errors} anchor={`${kind}-list`} />
      {props.children}
      <table class="items">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'code')}</th>
            <th scope="col">{t(lang, 'name')}</th>
            <th scope="col">{t(lang, props.column)}</th>
            <th scope="col">{t(lang, 'criteria')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {props.items.map((item, i) => (
            <tr id={`${kind}-${i}`}>
              <td>
                <Hidden name={`${prefix}.${i}.extra`} value={item.extra} />
                <Inp
                  name={`${prefix}.${i}.code`}
                  value={item.code}
                  label={t(lang, 'code')}
                  errors={errors}
                  class="code"
                  autofocus={focus === `${prefix}.${i}`}
                />
              </td>
              <td>
                <Inp name={`${prefix}.${i}.name`} value={item.name} label={t(lang, 'name')} errors={errors} />
                <RowIssues errors={errors} anchor={`${kind}-${i}`} />
              </td>
              <td>{props.cell(item, `${prefix}.${i}`)}</td>
              <td>
                <Inp
                  name={`${prefix}.${i}.criteria`}
                  value={item.criteria}
                  label={t(lang, 'criteria')}
                  errors={errors}
                />
              </td>
              <td class="ops">
                <OpButton
                  op={`remove-${kind}:${i}`}
                  label={t(lang, 'opRemove')}
                  title={`${t(lang, 'opRemove')} ${item.code}`}
                  danger
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <OpButton op={`add-${kind}`} label={t(lang, add)} />
      </p>
    </section>
  );
}

/** 加分项目: the cap and the items. */
export function BonusSection(props: SectionProps) {
  const { lang } = useView();
  const { sys, errors } = props;
  return (
    <ItemsSection
      kind="bonus"
      items={sys.bonus}
      errors={errors}
      focus={props.focus}
      column="maxPoints"
      cell={(b, base) => (
        <Inp
          name={`${base}.maxPoints`}
          value={b.maxPoints}
          label={t(lang, 'maxPoints')}
          errors={errors}
          class="weight"
          inputmode="decimal"
        />
      )}
    >
      <div class="grid">
        <Inp
          name="bonusCap"
          value={sys.bonusCap}
          label={t(lang, 'bonusCap')}
          errors={errors}
          visibleLabel
          class="short"
          inputmode="decimal"
        />
      </div>
    </ItemsSection>
  );
}

/** 一票否决: the veto items and their effects. */
export function VetoSection(props: SectionProps) {
  const { lang } = useView();
  return (
    <ItemsSection
      kind="veto"
      items={props.sys.veto}
      errors={props.errors}
      focus={props.focus}
      column="vetoEffect"
      cell={(x, base) => (
        <select name={`${base}.effect`} aria-label={t(lang, 'vetoEffect')}>
          {VETO_EFFECTS.map((e) => (
            <option value={e} selected={e === x.effect}>
              {VETO_EFFECT_LABELS[e][lang]}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** 等次评定: the levels with thresholds and quotas, quota rounding, tie-breaks. */
export function GradingSection(props: SectionProps) {
  const { lang } = useView();
  const { sys, errors, focus } = props;
  return (
    <section class="card" id="level-list" aria-labelledby="h-grading">
      <h2 id="h-grading">{t(lang, 'grading')}</h2>
      <RowIssues errors={errors} anchor={'level-list'} />
      <table class="items">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'code')}</th>
            <th scope="col">{t(lang, 'gradeLabelZh')}</th>
            <th scope="col">{t(lang, 'gradeLabelEn')}</th>
            <th scope="col">{t(lang, 'gradeMin')}</th>
            <th scope="col">{t(lang, 'gradeMaxShare')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {sys.levels.map((l, i) => (
            <tr id={`level-${i}`}>
              <td>
                <Hidden name={`g.${i}.extra`} value={l.extra} />
                <Inp
                  name={`g.${i}.code`}
                  value={l.code}
                  label={t(lang, 'code')}
                  errors={errors}
                  class="code"
                  autofocus={focus === `g.${i}`}
                />
                <RowIssues errors={errors} anchor={`level-${i}`} />
              </td>
              <td>
                <Inp name={`g.${i}.zh`} value={l.zh} label={t(lang, 'gradeLabelZh')} errors={errors} />
              </td>
              <td>
                <Inp name={`g.${i}.en`} value={l.en} label={t(lang, 'gradeLabelEn')} errors={errors} />
              </td>
              <td>
                <Inp
                  name={`g.${i}.min`}
                  value={l.min}
                  label={t(lang, 'gradeMin')}
                  errors={errors}
                  class="weight"
                  inputmode="decimal"
                />
              </td>
              <td>
                <Inp
                  name={`g.${i}.maxShare`}
                  value={l.maxShare}
                  label={t(lang, 'gradeMaxShare')}
                  errors={errors}
                  class="weight"
                  inputmode="decimal"
                />
              </td>
              <td class="ops">
                <OpButton
                  op={`remove-level:${i}`}
                  label={t(lang, 'opRemove')}
                  title={`${t(lang, 'opRemove')} ${l.code}`}
                  danger
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <OpButton op="add-level" label={t(lang, 'opAddLevel')} />
      </p>
      <div class="grid" id="grading-rules">
        <Sel
          name="quotaRounding"
          value={sys.quotaRounding}
          label={t(lang, 'quotaRounding')}
          options={enumOptions(lang, QUOTA_ROUNDINGS, QUOTA_ROUNDING_LABELS)}
          errors={errors}
        />
        <TieBreak sys={sys} errors={errors} />
      </div>
    </section>
  );
}
