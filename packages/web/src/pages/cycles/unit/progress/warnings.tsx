import type { Warning } from '@jixiao/core';
import { useView } from '../../../../context';
import { formatNumber, t } from '../../../../i18n';
import { LightLabel } from '../parts';

/** A measured number as read on a report: grouped, at most two decimals. */
const measured = (n: number | undefined) => (n === undefined ? '' : formatNumber(Math.round(n * 100) / 100));
/** A share of the path as a percentage with one decimal (0.40331 → 40.3%). */
const share = (f: number | undefined) => (f === undefined ? '' : `${Math.round(f * 1000) / 10}%`);

/**
 * The warnings (预警) of a reported period: per indicator its light (a dot and its name), where the
 * path to the target says the unit should be, where it is, and the rule in a sentence.
 */
export function WarningsTable(props: { warnings: readonly Warning[]; names: ReadonlyMap<string, string> }) {
  const { lang } = useView();
  if (props.warnings.length === 0) return <p class="muted">{t(lang, 'cuNoWarnings')}</p>;
  return (
    <div class="scroll">
      <table class="warnings">
        <caption class="muted">{t(lang, 'cuWarnings')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'cuIndicator')}</th>
            <th scope="col">{t(lang, 'cuLight')}</th>
            <th scope="col" class="num">
              {t(lang, 'cuExpected')}
            </th>
            <th scope="col" class="num">
              {t(lang, 'cuActual')}
            </th>
            <th scope="col" class="num">
              {t(lang, 'cuOfPath')}
            </th>
            <th scope="col">{t(lang, 'cuRule')}</th>
          </tr>
        </thead>
        <tbody>
          {props.warnings.map((w) => (
            <tr data-leaf={w.leaf} data-light={w.light}>
              <td>{props.names.get(w.leaf) ?? w.leaf}</td>
              <td>
                <LightLabel light={w.light} />
              </td>
              <td class="num">{measured(w.expected)}</td>
              <td class="num">{measured(w.actual)}</td>
              <td class="num">{share(w.ofPath)}</td>
              <td>
                {w.reason[lang]}
                {w.overdueMilestones.length ? (
                  <p class="muted">
                    {t(lang, 'cuOverdueMilestones')}
                    {t(lang, 'colon')}
                    {w.overdueMilestones.join(lang === 'zh' ? '、' : ', ')}
                  </p>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
