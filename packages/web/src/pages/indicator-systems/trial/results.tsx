import {
  LEAF_STATUS_LABELS,
  MEASURED_PARTY_LABELS,
  type NodeResult,
  type ScoringResult,
  type UnitResult,
} from '@jixiao/core';
import { useView } from '../../../context';
import { num, t } from '../../../i18n';
import { ruleName } from '../labels';

/**
 * A trial's result: the units ranked per group with their grades, and each unit's breakdown (with
 * the points per evaluated party and the statistics it reported, which are not scored).
 */

const gradeClass = (levels: readonly string[], code: string) => {
  const i = levels.indexOf(code);
  // Highest first: the first level is the best, the last the worst.
  if (i < 0) return 'grade';
  if (i === levels.length - 1) return 'grade g-last';
  return `grade g${Math.min(i, 2)}`;
};

function BreakdownRows(props: { nodes: NodeResult[]; depth: number }) {
  const { lang } = useView();
  return (
    <>
      {props.nodes.map((n) => (
        <>
          <tr class={n.type === 'branch' ? 'branch' : `leaf st-${n.status}`} data-code={n.code}>
            <td>
              <span class={`indent d${props.depth}`}>
                <span class="code">{n.code}</span> {n.name}
              </span>
            </td>
            <td class="num">{n.type === 'leaf' ? (n.value === null ? '—' : String(n.value)) : ''}</td>
            <td class="num">
              {n.points.shown} / {n.effectiveWeight.shown}
            </td>
            <td>{n.type === 'leaf' ? LEAF_STATUS_LABELS[n.status][lang] : ''}</td>
            <td class="reason">
              {n.type === 'leaf' ? (
                <>
                  <span class="muted">{ruleName(lang, n.rule)}</span> {n.reason[lang]}
                </>
              ) : (
                ''
              )}
            </td>
          </tr>
          {n.type === 'branch' ? <BreakdownRows nodes={n.children} depth={props.depth + 1} /> : null}
        </>
      ))}
    </>
  );
}

/** Points per evaluated party (购买主体 12.00 / 30) and the reported statistics (不计分), when any. */
function UnitContext(props: { u: UnitResult }) {
  const { lang } = useView();
  const { parties = [], statistics = [] } = props.u;
  return (
    <>
      {parties.length ? (
        <>
          <dt>{t(lang, 'party')}</dt>
          <dd>
            <ul class="plain">
              {parties.map((p) => (
                <li data-party={p.party}>
                  {MEASURED_PARTY_LABELS[p.party][lang]}
                  {t(lang, 'colon')}
                  {p.points.shown} / {p.max.shown}
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {statistics.length ? (
        <>
          <dt>
            {t(lang, 'statistics')} <span class="badge">{t(lang, 'notScored')}</span>
          </dt>
          <dd>
            <ul class="plain">
              {statistics.map((x) => (
                <li data-statistic={x.code}>
                  <span class="code">{x.code}</span> {x.name}
                  {t(lang, 'colon')}
                  {x.value === null ? '—' : `${num(x.value)}${x.unitOfMeasure ? ` ${x.unitOfMeasure}` : ''}`}
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
    </>
  );
}

function UnitBreakdown(props: { u: UnitResult; name: string; levels: readonly string[] }) {
  const { lang } = useView();
  const { u } = props;
  return (
    <details id={`trial-${u.unit}`} class="breakdown">
      <summary>
        {props.name}（{u.unit}）{t(lang, 'colon')}
        {u.total.shown} · <span class={gradeClass(props.levels, u.grade.code)}>{u.grade.label[lang]}</span>
      </summary>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'name')}</th>
              <th scope="col" class="num">
                {t(lang, 'trialValue')}
              </th>
              <th scope="col" class="num">
                {t(lang, 'trialPoints')}
              </th>
              <th scope="col">{t(lang, 'status')}</th>
              <th scope="col">{t(lang, 'trialReason')}</th>
            </tr>
          </thead>
          <tbody>
            <BreakdownRows nodes={u.dimensions} depth={0} />
          </tbody>
        </table>
      </div>
      <dl class="facts">
        <dt>{t(lang, 'trialBase')}</dt>
        <dd>
          {u.base.points.shown} <span class="muted">{u.base.reason[lang]}</span>
        </dd>
        <dt>{t(lang, 'trialBonus')}</dt>
        <dd>
          {u.bonus.points.shown} <span class="muted">{u.bonus.reason[lang]}</span>
        </dd>
        <dt>{t(lang, 'trialGrade')}</dt>
        <dd>{u.grade.reason[lang]}</dd>
        <dt>{t(lang, 'trialRank')}</dt>
        <dd>{u.rank.reason[lang]}</dd>
        <UnitContext u={u} />
        {u.warnings.map((w) => (
          <>
            <dt>⚠</dt>
            <dd>{w[lang]}</dd>
          </>
        ))}
      </dl>
    </details>
  );
}

export function TrialResults(props: {
  result: ScoringResult;
  unitNames: Map<string, string>;
  groupNames: Map<string, string>;
  levels: readonly string[];
}) {
  const { lang } = useView();
  const { result } = props;
  const byUnit = new Map(result.units.map((u) => [u.unit, u]));
  // Rank order within each group, groups in the API's order.
  const ordered = result.groups.flatMap((g) =>
    g.order.map((o) => byUnit.get(o.unit)).filter((u): u is UnitResult => !!u),
  );
  const rest = result.units.filter((u) => !ordered.includes(u));
  const units = [...ordered, ...rest];
  const name = (code: string) => props.unitNames.get(code) ?? code;
  return (
    <section id="trial-results" aria-labelledby="h-trial-results">
      <h3 id="h-trial-results">{t(lang, 'trialResults')}</h3>
      <table class="results">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'group')}</th>
            <th scope="col" class="num">
              {t(lang, 'trialRank')}
            </th>
            <th scope="col">{t(lang, 'unit')}</th>
            <th scope="col" class="num">
              {t(lang, 'trialTotal')}
            </th>
            <th scope="col">{t(lang, 'trialGrade')}</th>
            <th scope="col">{t(lang, 'trialVetoes')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr data-unit={u.unit}>
              <td>{props.groupNames.get(u.group) ?? u.group}</td>
              <td class="num" data-rank={u.rank.rank}>
                {u.rank.rank} / {u.rank.of}
              </td>
              <td>
                <a href={`#trial-${u.unit}`}>{name(u.unit)}</a>
              </td>
              <td class="num total">{u.total.shown}</td>
              <td>
                <span class={gradeClass(props.levels, u.grade.code)} data-grade={u.grade.code}>
                  {u.grade.label[lang]}
                </span>
              </td>
              <td>{u.vetoes.map((x) => x.name).join(lang === 'zh' ? '、' : ', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.result.groups.flatMap((g) =>
        g.quotas.map((q) => (
          <p class="muted">
            {props.groupNames.get(g.group) ?? g.group}
            {t(lang, 'colon')}
            {q.reason[lang]}
          </p>
        )),
      )}
      <h3>{t(lang, 'trialDetail')}</h3>
      {units.map((u) => (
        <UnitBreakdown u={u} name={name(u.unit)} levels={props.levels} />
      ))}
    </section>
  );
}
