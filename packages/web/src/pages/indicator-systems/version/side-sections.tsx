import {
  EXEMPTION_POLICY_LABELS,
  type Label,
  MISSING_POLICY_LABELS,
  type SystemContent,
  VETO_EFFECT_LABELS,
} from '@jixiao/core';
import { ProvenanceNote } from '../../../components/provenance';
import { useView } from '../../../context';
import { num, pct, t } from '../../../i18n';
import { type IssueAt, issuesByAnchor, NodeIssues } from './issues';

/**
 * Bonus, veto, statistics (统计数据指标, when the system has any) and grading, read-only, with where
 * each comes from (原文 / 示例) and their issues beside their rows.
 */
export function SideSections(props: { content: SystemContent; issues?: readonly IssueAt[] }) {
  const { lang } = useView();
  const c = props.content;
  const byAnchor = issuesByAnchor(props.issues ?? []);
  const rowProps = (anchor: string) => {
    const issues = byAnchor.get(anchor);
    return { id: anchor, class: issues ? 'has-issue' : undefined, issues };
  };
  const label = (l: Label) => l[lang];
  return (
    <div class="sides">
      <section class="card" id="bonus-list" aria-labelledby="h-bonus">
        <h2 id="h-bonus">{t(lang, 'bonusItems')}</h2>
        <NodeIssues issues={byAnchor.get('bonus-list')} />
        <p>
          {t(lang, 'bonusCap')}
          {t(lang, 'colon')}
          {num(c.bonusCap)}
        </p>
        {c.bonusItems.length ? (
          <table>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'code')}</th>
                <th scope="col">{t(lang, 'name')}</th>
                <th scope="col" class="num">
                  {t(lang, 'maxPoints')}
                </th>
                <th scope="col">{t(lang, 'criteria')}</th>
              </tr>
            </thead>
            <tbody>
              {c.bonusItems.map((b, i) => {
                const r = rowProps(`bonus-${i}`);
                return (
                  <tr id={r.id} class={r.class}>
                    <td>{b.code}</td>
                    <td>
                      {b.name} <ProvenanceNote p={b.provenance} holder="item" />
                      <NodeIssues issues={r.issues} />
                    </td>
                    <td class="num">{num(b.maxPoints)}</td>
                    <td>{b.criteria ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : (
          <p class="muted">{t(lang, 'noItems')}</p>
        )}
      </section>
      <section class="card" id="veto-list" aria-labelledby="h-veto">
        <h2 id="h-veto">{t(lang, 'vetoItems')}</h2>
        <NodeIssues issues={byAnchor.get('veto-list')} />
        {c.vetoItems.length ? (
          <table>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'code')}</th>
                <th scope="col">{t(lang, 'name')}</th>
                <th scope="col">{t(lang, 'vetoEffect')}</th>
                <th scope="col">{t(lang, 'criteria')}</th>
              </tr>
            </thead>
            <tbody>
              {c.vetoItems.map((x, i) => {
                const r = rowProps(`veto-${i}`);
                return (
                  <tr id={r.id} class={r.class}>
                    <td>{x.code}</td>
                    <td>
                      {x.name} <ProvenanceNote p={x.provenance} holder="item" />
                      <NodeIssues issues={r.issues} />
                    </td>
                    <td>{VETO_EFFECT_LABELS[x.effect][lang]}</td>
                    <td>{x.criteria ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : (
          <p class="muted">{t(lang, 'noItems')}</p>
        )}
      </section>
      <Statistics content={c} byAnchor={byAnchor} />
      <section class="card" id="level-list" aria-labelledby="h-grading">
        <h2 id="h-grading">{t(lang, 'grading')}</h2>
        <NodeIssues issues={byAnchor.get('level-list')} />
        <table>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'code')}</th>
              <th scope="col">{t(lang, 'trialGrade')}</th>
              <th scope="col" class="num">
                {t(lang, 'gradeMin')}
              </th>
              <th scope="col" class="num">
                {t(lang, 'gradeMaxShare')}
              </th>
            </tr>
          </thead>
          <tbody>
            {c.grading.levels.map((l, i) => {
              const r = rowProps(`level-${i}`);
              return (
                <tr id={r.id} class={r.class}>
                  <td>{l.code}</td>
                  <td>
                    <span class={`grade g${i}`}>{label(l.label)}</span>{' '}
                    <ProvenanceNote p={l.provenance} holder="item" />
                    <NodeIssues issues={r.issues} />
                  </td>
                  <td class="num">{num(l.min)}</td>
                  <td class="num">{pct(l.maxShare)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <dl class="facts mt-s" id="system">
          <dt>{t(lang, 'missingData')}</dt>
          <dd>{MISSING_POLICY_LABELS[c.missingData][lang]}</dd>
          <dt>{t(lang, 'exemption')}</dt>
          <dd>{EXEMPTION_POLICY_LABELS[c.exemption][lang]}</dd>
        </dl>
        <NodeIssues issues={byAnchor.get('system')} />
      </section>
    </div>
  );
}

/** 统计数据指标: figures units report, shown beside the results and never scored. */
function Statistics(props: { content: SystemContent; byAnchor: Map<string, IssueAt[]> }) {
  const { lang } = useView();
  const items = props.content.statistics ?? [];
  if (items.length === 0) return null;
  return (
    <section class="card" id="statistic-list" aria-labelledby="h-statistics">
      <h2 id="h-statistics">{t(lang, 'statistics')}</h2>
      <p class="muted">{t(lang, 'statisticsHint')}</p>
      <NodeIssues issues={props.byAnchor.get('statistic-list')} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'code')}</th>
            <th scope="col">{t(lang, 'name')}</th>
            <th scope="col">{t(lang, 'unitOfMeasure')}</th>
            <th scope="col">{t(lang, 'criteria')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((x, i) => {
            const issues = props.byAnchor.get(`statistic-${i}`);
            return (
              <tr id={`statistic-${i}`} class={issues ? 'has-issue' : undefined}>
                <td>{x.code}</td>
                <td>
                  {x.name} <ProvenanceNote p={x.provenance} holder="item" />
                  <NodeIssues issues={issues} />
                </td>
                <td>{x.unitOfMeasure ?? ''}</td>
                <td>{x.criteria ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
