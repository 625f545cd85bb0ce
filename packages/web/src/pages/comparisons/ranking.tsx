import { type Comparison, STANDARDISATION_METHOD_LABELS } from '@jixiao/core';
import { useView } from '../../context';
import { t } from '../../i18n';
import { ComparisonGradeBadge, coverageShare, percent } from './format';

/**
 * 综合排名: each member's rank, composite and grade (in words), its 增幅 composite and rank beside
 * them, the share of the group's weight its indicators carry, and how much of its own points they
 * cover. Unranked members (no weighted indicator) come last; members that did not share are listed
 * after the table.
 */
export function RankingTable(props: { cmp: Comparison }) {
  const { lang } = useView();
  const { cmp } = props;
  if (cmp.rows.length === 0)
    return (
      <p class="card" id="ranking-empty">
        {t(lang, 'cmNoRows')}
      </p>
    );
  return (
    <div class="scroll">
      <table id="ranking" class="results">
        <caption>
          {t(lang, 'cmRankCaption', {
            year: cmp.year,
            group: cmp.group.name,
            method: STANDARDISATION_METHOD_LABELS[cmp.method][lang],
            n: cmp.group.members,
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              {t(lang, 'cmRank')}
            </th>
            <th scope="col">{t(lang, 'cmTenant')}</th>
            <th scope="col" class="num">
              {t(lang, 'cmComposite')}
            </th>
            <th scope="col">{t(lang, 'cmGrade')}</th>
            <th scope="col" class="num">
              {t(lang, 'cmImprovement')}
            </th>
            <th scope="col" class="num">
              {t(lang, 'cmImprovementRank')}
            </th>
            <th scope="col" class="num">
              {t(lang, 'cmWeightCoverage')}
            </th>
            <th scope="col" class="num">
              {t(lang, 'cmLocalCoverage')}
            </th>
          </tr>
        </thead>
        <tbody>
          {cmp.rows.map((r) => (
            <tr id={`row-${r.tenant}`} data-tenant={r.tenant} data-rank={r.rank ?? ''}>
              <td class="num">{r.rank ?? '—'}</td>
              <th scope="row">{r.name}</th>
              <td class="num total">{r.composite?.shown ?? '—'}</td>
              <td>
                <ComparisonGradeBadge grade={r.grade} />
              </td>
              <td class="num">{r.improvement?.shown ?? '—'}</td>
              <td class="num">{r.improvementRank ?? '—'}</td>
              <td class="num">{percent(r.weightCoverage / 100)}</td>
              <td class="num">{percent(coverageShare(r.coverage))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The members that did not share the year (by name), or that everyone did. */
export function Missing(props: { cmp: Comparison }) {
  const { lang } = useView();
  const list = props.cmp.missing;
  return (
    <section class="card" aria-labelledby="h-missing" id="missing">
      <h2 id="h-missing">{t(lang, 'cmMissing')}</h2>
      {list.length === 0 ? (
        <p class="muted">{t(lang, 'cmMissingNone')}</p>
      ) : (
        <ul class="plain">
          {list.map((m) => (
            <li data-tenant={m.tenant}>
              {m.name} <span class="code">{m.tenant}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
