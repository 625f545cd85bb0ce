import {
  INPUT_ORIGIN_LABELS,
  LEAF_STATUS_LABELS,
  type LeafProvenance,
  type NodeResult,
  RESULT_STAGE_LABELS,
  type UnitRunResult,
  VETO_EFFECT_LABELS,
} from '@jixiao/core';
import { useView } from '../../context';
import { t } from '../../i18n';
import { unitEvidenceHref, versionHref } from '../evidence/paths';
import { ruleName } from '../indicator-systems/labels';
import { signed } from './parts';

/**
 * A unit's result down to each indicator, as the office reviews it and the unit reads it once
 * released: the tree (dimension → indicator → leaf) with each leaf's value, where it came from (and
 * the evidence files behind it, through the console's download route), the rule, the points of the
 * effective weight, the status and the reason in words; then the base, the bonus lines, the review
 * meeting's adjustment, the vetoes, and why the grade and the rank are what they are.
 */

/** The evidence files behind a leaf's input, each through the console's download route. */
function Evidence(props: { cycleId: string; unit: string; p: LeafProvenance | undefined }) {
  const { lang } = useView();
  const files = props.p?.evidence ?? [];
  if (files.length === 0) return <span class="muted">—</span>;
  const list = unitEvidenceHref(props.cycleId, props.unit);
  return (
    <ul class="plain evidence">
      {files.map((e) => (
        <li>
          <a href={versionHref(list, e.id, e.version)} data-evidence={e.id}>
            {e.name}
          </a>{' '}
          <span class="muted">{t(lang, 'erEvidenceVersion', { n: e.version })}</span>
        </li>
      ))}
    </ul>
  );
}

/** Where a leaf's input came from: the vocabulary's words, then the detail. */
function Source(props: { p: LeafProvenance | undefined }) {
  const { lang } = useView();
  const { p } = props;
  if (!p) return <span class="muted">—</span>;
  return (
    <>
      <span data-origin={p.origin}>{INPUT_ORIGIN_LABELS[p.origin][lang]}</span>
      <div class="muted">{p.detail[lang]}</div>
    </>
  );
}

// Columns: indicator, value, rule, points, weight, status, evidence (short, kept on one line by
// table.tree), then where the input came from and the reason (long, wrapped).
const COLUMNS = 9;

function Rows(props: { cycleId: string; result: UnitRunResult; nodes: NodeResult[]; depth: number }) {
  const { lang } = useView();
  const { result } = props;
  const name = (n: NodeResult) => (
    <td class={`name d${props.depth}`}>
      <span class="code">{n.code}</span> {n.name}
    </td>
  );
  return (
    <>
      {props.nodes.map((n) =>
        n.type === 'branch' ? (
          <>
            <tr class={props.depth === 0 ? 'lv1' : 'branch'} data-code={n.code}>
              {name(n)}
              <td />
              <td />
              <td class="num" data-points={n.points.shown}>
                {n.points.shown}
              </td>
              <td class="num">{n.effectiveWeight.shown}</td>
              <td colspan={COLUMNS - 5} />
            </tr>
            <Rows cycleId={props.cycleId} result={result} nodes={n.children} depth={props.depth + 1} />
          </>
        ) : (
          <tr class={`leaf st-${n.status}`} data-code={n.code} id={`leaf-${n.code}`}>
            {name(n)}
            <td class="num">{n.value === null ? '—' : String(n.value)}</td>
            <td>{ruleName(lang, n.rule)}</td>
            <td class="num" data-points={n.points.shown}>
              {n.points.shown}
            </td>
            <td class="num">{n.effectiveWeight.shown}</td>
            <td data-status={n.status}>{LEAF_STATUS_LABELS[n.status][lang]}</td>
            <td>
              <Evidence cycleId={props.cycleId} unit={result.unit} p={result.provenance[n.code]} />
            </td>
            <td class="criteria">
              <Source p={result.provenance[n.code]} />
            </td>
            <td class="criteria">{n.reason[lang]}</td>
          </tr>
        ),
      )}
    </>
  );
}

/** The tree of a unit's result, one row per dimension, indicator and leaf. */
export function BreakdownTable(props: { cycleId: string; result: UnitRunResult }) {
  const { lang } = useView();
  const heads: [string, boolean][] = [
    [t(lang, 'erIndicator'), false],
    [t(lang, 'erValue'), true],
    [t(lang, 'erRule'), false],
    [t(lang, 'erPoints'), true],
    [t(lang, 'erWeight'), true],
    [t(lang, 'status'), false],
    [t(lang, 'erEvidence'), false],
    [t(lang, 'erSource'), false],
    [t(lang, 'erReasonWords'), false],
  ];
  return (
    <section class="card" aria-labelledby="h-breakdown">
      <h2 id="h-breakdown">{t(lang, 'erBreakdown')}</h2>
      <div class="scroll">
        <table class="tree breakdown" id="breakdown">
          <thead>
            <tr>
              {heads.map(([h, num]) => (
                <th scope="col" class={num ? 'num' : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <Rows
              cycleId={props.cycleId}
              result={props.result}
              nodes={props.result.result.dimensions}
              depth={0}
            />
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** How the total came about: stages, base, bonus lines, adjustment, vetoes, grade, rank, warnings. */
export function TotalFacts(props: { result: UnitRunResult }) {
  const { lang } = useView();
  const r = props.result.result;
  const adj = props.result.adjustment ?? r.adjustment;
  return (
    <section class="card" aria-labelledby="h-total" id="unit-total">
      <h2 id="h-total">{t(lang, 'erHowTotal')}</h2>
      <dl class="facts">
        <dt>{t(lang, 'erStages')}</dt>
        <dd>
          <ul class="plain" id="unit-stages">
            {props.result.stages.map((s) => (
              <li data-stage={s.stage}>
                {RESULT_STAGE_LABELS[s.stage][lang]}
                {t(lang, 'colon')}
                {s.points.shown} / {s.max.shown}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t(lang, 'erBase')}</dt>
        <dd>
          <strong>{r.base.points.shown}</strong> <span class="muted">{r.base.reason[lang]}</span>
        </dd>
        <dt>{t(lang, 'erBonus')}</dt>
        <dd id="unit-bonus">
          <strong>{r.bonus.points.shown}</strong> <span class="muted">{r.bonus.reason[lang]}</span>
          {r.bonus.lines.length ? (
            <ul class="plain">
              {r.bonus.lines.map((l) => (
                <li data-bonus={l.code}>
                  <span class="code">{l.code}</span> {l.name}
                  {t(lang, 'colon')}
                  {signed(l.awarded.shown)} <span class="muted">{l.reason[lang]}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </dd>
        <dt>{t(lang, 'erAdjustment')}</dt>
        <dd id="unit-adjustment">
          {adj ? (
            <>
              <strong>{signed(adj.points.shown)}</strong> <span class="note">{adj.reason}</span>
            </>
          ) : (
            <span class="muted">{t(lang, 'erNoAdjustment')}</span>
          )}
        </dd>
        <dt>{t(lang, 'erVetoes')}</dt>
        <dd id="unit-vetoes">
          {r.vetoes.length ? (
            <ul class="plain">
              {r.vetoes.map((v) => (
                <li data-veto={v.code}>
                  <span class="code">{v.code}</span> {v.name}
                  {t(lang, 'colon')}
                  {VETO_EFFECT_LABELS[v.effect][lang]}
                  {v.note ? <span class="muted"> {v.note}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <span class="muted">{t(lang, 'erNoVetoes')}</span>
          )}
        </dd>
        <dt>{t(lang, 'erTotal')}</dt>
        <dd>
          <strong id="unit-total-points">{r.total.shown}</strong>
        </dd>
        <dt>{t(lang, 'erGrade')}</dt>
        <dd id="unit-grade">
          <strong>{r.grade.label[lang]}</strong> <span class="muted">{r.grade.reason[lang]}</span>
        </dd>
        <dt>{t(lang, 'erRank')}</dt>
        <dd id="unit-rank">
          <strong>
            {r.rank.rank} / {r.rank.of}
          </strong>{' '}
          <span class="muted">{r.rank.reason[lang]}</span>
        </dd>
        {r.warnings.map((w) => (
          <>
            <dt>⚠</dt>
            <dd>{w[lang]}</dd>
          </>
        ))}
      </dl>
    </section>
  );
}
