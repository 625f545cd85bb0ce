import { QUOTA_ROUNDING_LABELS, QUOTA_ROUNDINGS, VETO_EFFECT_LABELS, VETO_EFFECTS } from '@jixiao/core';
import { useView } from '../../../context';
import { t } from '../../../i18n';
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

/** 加分项目: the cap and the items. */
export function BonusSection(props: SectionProps) {
  const { lang } = useView();
  const { sys, errors, focus } = props;
  return (
    <section class="card" id="bonus-list" aria-labelledby="h-bonus">
      <h2 id="h-bonus">{t(lang, 'bonusItems')}</h2>
      <RowIssues errors={errors} anchor={'bonus-list'} />
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
      <table class="items">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'code')}</th>
            <th scope="col">{t(lang, 'name')}</th>
            <th scope="col">{t(lang, 'maxPoints')}</th>
            <th scope="col">{t(lang, 'criteria')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {sys.bonus.map((b, i) => (
            <tr id={`bonus-${i}`}>
              <td>
                <Inp
                  name={`b.${i}.code`}
                  value={b.code}
                  label={t(lang, 'code')}
                  errors={errors}
                  class="code"
                  autofocus={focus === `b.${i}`}
                />
              </td>
              <td>
                <Inp name={`b.${i}.name`} value={b.name} label={t(lang, 'name')} errors={errors} />
                <RowIssues errors={errors} anchor={`bonus-${i}`} />
              </td>
              <td>
                <Inp
                  name={`b.${i}.maxPoints`}
                  value={b.maxPoints}
                  label={t(lang, 'maxPoints')}
                  errors={errors}
                  class="weight"
                  inputmode="decimal"
                />
              </td>
              <td>
                <Inp
                  name={`b.${i}.criteria`}
                  value={b.criteria}
                  label={t(lang, 'criteria')}
                  errors={errors}
                />
              </td>
              <td class="ops">
                <OpButton
                  op={`remove-bonus:${i}`}
                  label={t(lang, 'opRemove')}
                  title={`${t(lang, 'opRemove')} ${b.code}`}
                  danger
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <OpButton op="add-bonus" label={t(lang, 'opAddBonus')} />
      </p>
    </section>
  );
}

/** 一票否决: the veto items and their effects. */
export function VetoSection(props: SectionProps) {
  const { lang } = useView();
  const { sys, errors, focus } = props;
  return (
    <section class="card" id="veto-list" aria-labelledby="h-veto">
      <h2 id="h-veto">{t(lang, 'vetoItems')}</h2>
      <RowIssues errors={errors} anchor={'veto-list'} />
      <table class="items">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'code')}</th>
            <th scope="col">{t(lang, 'name')}</th>
            <th scope="col">{t(lang, 'vetoEffect')}</th>
            <th scope="col">{t(lang, 'criteria')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {sys.veto.map((x, i) => (
            <tr id={`veto-${i}`}>
              <td>
                <Inp
                  name={`x.${i}.code`}
                  value={x.code}
                  label={t(lang, 'code')}
                  errors={errors}
                  class="code"
                  autofocus={focus === `x.${i}`}
                />
              </td>
              <td>
                <Inp name={`x.${i}.name`} value={x.name} label={t(lang, 'name')} errors={errors} />
                <RowIssues errors={errors} anchor={`veto-${i}`} />
              </td>
              <td>
                <select name={`x.${i}.effect`} aria-label={t(lang, 'vetoEffect')}>
                  {VETO_EFFECTS.map((e) => (
                    <option value={e} selected={e === x.effect}>
                      {VETO_EFFECT_LABELS[e][lang]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <Inp
                  name={`x.${i}.criteria`}
                  value={x.criteria}
                  label={t(lang, 'criteria')}
                  errors={errors}
                />
              </td>
              <td class="ops">
                <OpButton
                  op={`remove-veto:${i}`}
                  label={t(lang, 'opRemove')}
                  title={`${t(lang, 'opRemove')} ${x.code}`}
                  danger
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <OpButton op="add-veto" label={t(lang, 'opAddVeto')} />
      </p>
    </section>
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
