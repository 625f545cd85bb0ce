import {
  DATA_SOURCES,
  DIRECTIONS,
  INDICATOR_TYPES,
  MISSING_POLICIES,
  RULE_KINDS,
  VETO_EFFECTS,
} from '@jixiao/core';
import { PARAM_EXAMPLES } from '@jixiao/reports/grammar';
import type { FormErrors } from './forms';
import { type Lang, t } from './i18n';
import { type EditorErrors, type EdNode, type EdSystem, sumWeights } from './indicator-form';
import { enumLabel, NodeIssues, num, ruleName } from './indicator-view';
import { ErrorSummary, Hidden, type View } from './ui';

/**
 * The draft editor: one form, a row per node of the tree. Structural buttons post the whole form
 * with an `op`; 保存 (`op=save`) sends it to the API. A small inline script keeps the weight sums
 * current as the user types; without it, the sums are the server's, from the last post.
 */

/** Recomputes every `[data-sum-for]` from the weights whose `data-parent` names it (6-decimal integers). */
const SUM_SCRIPT = `(function(){
var f=document.getElementById('is-editor');if(!f)return;
function v(el){if(!el)return NaN;var s=String(el.value||'').trim();if(s==='')return 0;return /^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)$/.test(s)?Number(s):NaN;}
function up(){var outs=f.querySelectorAll('[data-sum-for]');for(var i=0;i<outs.length;i++){var o=outs[i],k=o.getAttribute('data-sum-for');
var exp=v(f.querySelector('[data-w="'+k+'"]'));var kids=f.querySelectorAll('[data-parent="'+k+'"]');var m=0,bad=false;
for(var j=0;j<kids.length;j++){var x=v(kids[j]);if(isNaN(x))bad=true;else m+=Math.round(x*1e6);}
var s=m/1e6,e=Math.round(exp*1e6)/1e6,ok=!bad&&!isNaN(exp)&&Math.round(exp*1e6)===m;
o.textContent=o.getAttribute('data-tpl').replace('{sum}',bad?'?':String(s)).replace('{expected}',isNaN(exp)?'?':String(e));
o.className='sum '+(ok?'ok':'bad');o.setAttribute('data-ok',ok?'true':'false');}}
f.addEventListener('input',up);up();})();`;

function SumOut(props: { lang: Lang; forKey: string; values: string[]; expected: string }) {
  const s = sumWeights(props.values);
  const e = sumWeights([props.expected]);
  const ok = s !== undefined && e !== undefined && Math.round(s * 1e6) === Math.round(e * 1e6);
  const tpl = t(props.lang, 'sumLine', { sum: '{sum}', expected: '{expected}' });
  return (
    <output
      class={`sum ${ok ? 'ok' : 'bad'}`}
      data-sum-for={props.forKey}
      data-tpl={tpl}
      data-ok={ok ? 'true' : 'false'}
      aria-live="polite"
    >
      {t(props.lang, 'sumLine', {
        sum: s === undefined ? '?' : num(s),
        expected: e === undefined ? '?' : num(e),
      })}
    </output>
  );
}

const DECIMALS = ['0', '1', '2', '3', '4'];

const fid = (name: string) => `f-${name.replace(/\./g, '_')}`;

function Err(props: { name: string; errors: EditorErrors }) {
  const e = props.errors.fields[props.name];
  return e ? (
    <p class="error" id={`${fid(props.name)}-error`}>
      {e}
    </p>
  ) : null;
}

const invalid = (errors: EditorErrors, name: string) =>
  errors.fields[name] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${fid(name)}-error` } : {};

function Inp(props: {
  name: string;
  value: string;
  label: string;
  errors: EditorErrors;
  class?: string;
  autofocus?: boolean;
  visibleLabel?: boolean;
  inputmode?: 'decimal' | 'text';
  data?: Record<string, string>;
}) {
  const id = fid(props.name);
  const dataAttrs = Object.fromEntries(Object.entries(props.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return (
    <div class={`cell${props.class ? ` ${props.class}` : ''}`}>
      {props.visibleLabel ? <label for={id}>{props.label}</label> : null}
      <input
        type="text"
        id={id}
        name={props.name}
        value={props.value}
        aria-label={props.visibleLabel ? undefined : props.label}
        autofocus={props.autofocus}
        inputmode={props.inputmode}
        autocomplete="off"
        {...invalid(props.errors, props.name)}
        {...dataAttrs}
      />
      <Err name={props.name} errors={props.errors} />
    </div>
  );
}

function Sel(props: {
  name: string;
  value: string;
  label: string;
  options: { value: string; label: string }[];
  errors: EditorErrors;
}) {
  const id = fid(props.name);
  return (
    <div class="cell">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name} {...invalid(props.errors, props.name)}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Err name={props.name} errors={props.errors} />
    </div>
  );
}

function Area(props: { name: string; value: string; label: string; errors: EditorErrors; rows?: number }) {
  const id = fid(props.name);
  return (
    <div class="cell wide">
      <label for={id}>{props.label}</label>
      <textarea id={id} name={props.name} rows={props.rows ?? 2} {...invalid(props.errors, props.name)}>
        {props.value}
      </textarea>
      <Err name={props.name} errors={props.errors} />
    </div>
  );
}

const OpButton = (props: { op: string; label: string; title?: string; danger?: boolean }) => (
  <button
    type="submit"
    name="op"
    value={props.op}
    class={props.danger ? 'mini danger' : 'mini'}
    title={props.title}
    aria-label={props.title}
    formnovalidate
  >
    {props.label}
  </button>
);

const enumOptions = (lang: Lang, values: readonly string[]) =>
  values.map((x) => ({ value: x, label: enumLabel(lang, x) }));

/** A unit group as the editor offers it for 适用分组. */
export interface GroupOption {
  code: string;
  name: string;
}

const FIELDSET_STYLE = 'border:0;padding:0;margin:0;min-width:0';
const LEGEND_STYLE = 'padding:0;font-size:.82rem;color:#57606a';

/** 适用分组: a checkbox per tenant group, plus any code the leaf names that is not (or no longer) one. */
function AppliesTo(props: {
  lang: Lang;
  name: string;
  value: string[];
  groups: GroupOption[];
  errors: EditorErrors;
}) {
  const { lang, name, value, groups, errors } = props;
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
      class="cell wide applies-to"
      id={id}
      style={FIELDSET_STYLE}
      aria-describedby={`${id}-hint${errors.fields[name] ? ` ${id}-error` : ''}`}
    >
      <legend style={LEGEND_STYLE}>{t(lang, 'appliesTo')}</legend>
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

const TIE_BREAK_ROWS = 3;
const DIMENSION_CODE = /^[A-Za-z0-9_-]+$/;

/** 同分排序: an ordered list of selects, at least three, more if the system already has more keys. */
function TieBreak(props: { lang: Lang; sys: EdSystem; errors: EditorErrors }) {
  const { lang, sys, errors } = props;
  const base = [
    { value: '', label: t(lang, 'tieNone') },
    { value: 'fewer_deductions', label: t(lang, 'tieFewerDeductions') },
    { value: 'more_bonus', label: t(lang, 'tieMoreBonus') },
    ...[...new Set(sys.dims.map((d) => d.code.trim()))]
      .filter((c) => DIMENSION_CODE.test(c))
      .map((code) => ({ value: `dimension:${code}`, label: t(lang, 'tieDimension', { code }) })),
  ];
  const rows = Math.max(TIE_BREAK_ROWS, sys.tieBreak.length);
  return (
    <fieldset
      class="cell wide tie-break"
      id={fid('tieBreak')}
      style={FIELDSET_STYLE}
      aria-describedby={`${fid('tieBreak')}-hint${errors.fields.tieBreak ? ` ${fid('tieBreak')}-error` : ''}`}
    >
      <legend style={LEGEND_STYLE}>{t(lang, 'tieBreak')}</legend>
      <span class="hint" id={`${fid('tieBreak')}-hint`}>
        {t(lang, 'tieBreakHint')}
      </span>
      <ol style="margin:4px 0;padding-left:1.6em">
        {Array.from({ length: rows }, (_, i) => {
          const value = sys.tieBreak[i] ?? '';
          // A key the list does not offer (e.g. a dimension since renamed) stays selectable as it is.
          const options = base.some((o) => o.value === value)
            ? base
            : [...base, { value, label: value.replace(/^dimension:/, '') }];
          const name = `tb.${i}`;
          return (
            <li>
              <select
                id={fid(name)}
                name={name}
                aria-label={t(lang, 'tieBreakN', { n: i + 1 })}
                {...invalid(errors, name)}
              >
                {options.map((o) => (
                  <option value={o.value} selected={o.value === value}>
                    {o.label}
                  </option>
                ))}
              </select>
              <Err name={name} errors={errors} />
            </li>
          );
        })}
      </ol>
      <Err name="tieBreak" errors={errors} />
    </fieldset>
  );
}

function NodeRows(props: {
  lang: Lang;
  n: EdNode;
  k: string;
  parent: string;
  depth: number;
  count: number;
  index: number;
  errors: EditorErrors;
  groups: GroupOption[];
  focus?: string;
}) {
  const { lang, n, k, depth, errors } = props;
  const p = (f: string) => `n.${k}.${f}`;
  const anchor = `node-${k.replace(/\./g, '-')}`;
  const rowIssues = errors.rows.get(anchor);
  const who = `${n.code || '—'} ${n.name}`.trim();
  const level = t(lang, depth === 0 ? 'level1' : depth === 1 ? 'level2' : 'level3');
  const isBranch = n.kind === 'branch';
  return (
    <>
      <tr
        id={anchor}
        data-key={k}
        class={`lv${depth + 1}${isBranch ? ' branch' : ' leaf'}${rowIssues ? ' has-issue' : ''}`}
      >
        <td>
          <div class={`indent d${depth}`}>
            <span class="lvl">{level}</span>
            <Hidden name={p('kind')} value={n.kind} />
            <Hidden name={p('extra')} value={n.extra} />
            <Inp
              name={p('code')}
              value={n.code}
              label={`${level} ${t(lang, 'code')}`}
              errors={errors}
              class="code"
              autofocus={props.focus === `n.${k}`}
            />
          </div>
        </td>
        <td>
          <Inp name={p('name')} value={n.name} label={`${who} ${t(lang, 'name')}`} errors={errors} />
          {isBranch ? (
            <details class="criteria" open={errors.fields[p('criteria')] ? true : undefined}>
              <summary>
                {t(lang, 'criteria')}
                {n.criteria.trim() ? t(lang, 'criteriaFilled') : ''}
              </summary>
              <Area
                name={p('criteria')}
                value={n.criteria}
                label={`${who} ${t(lang, 'criteria')}`}
                errors={errors}
              />
            </details>
          ) : null}
          <NodeIssues lang={lang} issues={rowIssues?.map((x) => ({ path: k, zh: x, en: x }))} />
        </td>
        <td>
          <Inp
            name={p('weight')}
            value={n.weight}
            label={`${who} ${t(lang, 'weight')}`}
            errors={errors}
            class="weight"
            inputmode="decimal"
            data={{ w: k, parent: props.parent === '' ? 'root' : props.parent }}
          />
          {isBranch ? (
            <SumOut lang={lang} forKey={k} values={n.children.map((c) => c.weight)} expected={n.weight} />
          ) : null}
        </td>
        <td class="ops">
          {props.index > 0 ? <OpButton op={`up:${k}`} label="↑" title={`${t(lang, 'opUp')} ${who}`} /> : null}
          {props.index < props.count - 1 ? (
            <OpButton op={`down:${k}`} label="↓" title={`${t(lang, 'opDown')} ${who}`} />
          ) : null}
          {depth < 2 ? (
            <OpButton
              op={`add-child:${k}`}
              label={t(lang, 'opAddChild')}
              title={`${t(lang, 'opAddChild')} ${who}`}
            />
          ) : null}
          <OpButton
            op={`add-sibling:${k}`}
            label={t(lang, 'opAddSibling')}
            title={`${t(lang, 'opAddSibling')} ${who}`}
          />
          <OpButton
            op={`remove:${k}`}
            label={t(lang, 'opRemove')}
            title={`${t(lang, 'opRemove')} ${who}`}
            danger
          />
        </td>
      </tr>
      {isBranch ? null : (
        <tr class={`leaf-detail lv${depth + 1}`} data-key={k}>
          <td />
          <td colspan={3}>
            <div class={`grid indent-detail d${depth}`}>
              <Inp
                name={p('unit')}
                value={n.unit}
                label={t(lang, 'unitOfMeasure')}
                errors={errors}
                visibleLabel
                class="short"
              />
              <Sel
                name={p('direction')}
                value={n.direction}
                label={t(lang, 'direction')}
                options={enumOptions(lang, DIRECTIONS)}
                errors={errors}
              />
              <Sel
                name={p('type')}
                value={n.type}
                label={t(lang, 'indicatorType')}
                options={enumOptions(lang, INDICATOR_TYPES)}
                errors={errors}
              />
              <Sel
                name={p('source')}
                value={n.source}
                label={t(lang, 'dataSource')}
                options={enumOptions(lang, DATA_SOURCES)}
                errors={errors}
              />
              <Sel
                name={p('rule')}
                value={n.rule}
                label={t(lang, 'ruleMethod')}
                options={RULE_KINDS.map((r) => ({ value: r, label: ruleName(lang, r) }))}
                errors={errors}
              />
              <div class="cell wide">
                <label for={fid(p('params'))}>{t(lang, 'ruleParams')}</label>
                <span class="hint" id={`${fid(p('params'))}-hint`}>
                  {t(lang, 'paramsHint', {
                    example:
                      PARAM_EXAMPLES[
                        (RULE_KINDS as string[]).includes(n.rule)
                          ? (n.rule as keyof typeof PARAM_EXAMPLES)
                          : 'target_completion'
                      ],
                  })}
                </span>
                <input
                  type="text"
                  id={fid(p('params'))}
                  name={p('params')}
                  value={n.params}
                  autocomplete="off"
                  aria-invalid={errors.fields[p('params')] ? 'true' : undefined}
                  aria-describedby={`${fid(p('params'))}-hint${errors.fields[p('params')] ? ` ${fid(p('params'))}-error` : ''}`}
                />
                <Err name={p('params')} errors={errors} />
              </div>
              <Area name={p('criteria')} value={n.criteria} label={t(lang, 'criteria')} errors={errors} />
              <div class="cell">
                <label class="check" for={fid(p('evidence'))}>
                  <input
                    type="checkbox"
                    id={fid(p('evidence'))}
                    name={p('evidence')}
                    value="true"
                    checked={n.evidence}
                  />
                  {t(lang, 'evidenceRequired')}
                </label>
              </div>
              <Inp
                name={p('evidenceDescription')}
                value={n.evidenceDescription}
                label={t(lang, 'evidenceDescription')}
                errors={errors}
                visibleLabel
                class="wide"
              />
              <Sel
                name={p('missing')}
                value={n.missing}
                label={t(lang, 'missingData')}
                options={[
                  { value: '', label: t(lang, 'missingFollow') },
                  ...enumOptions(lang, MISSING_POLICIES),
                ]}
                errors={errors}
              />
              <AppliesTo
                lang={lang}
                name={p('appliesTo')}
                value={n.appliesTo}
                groups={props.groups}
                errors={errors}
              />
            </div>
          </td>
        </tr>
      )}
      {n.children.map((c, i) => (
        <NodeRows
          lang={lang}
          n={c}
          k={`${k}.${i}`}
          parent={k}
          depth={depth + 1}
          count={n.children.length}
          index={i}
          errors={errors}
          groups={props.groups}
          focus={props.focus}
        />
      ))}
    </>
  );
}

export interface EditorProps {
  v: View;
  sys: EdSystem;
  action: string;
  back: string;
  errors: EditorErrors;
  /** The tenant's unit groups, for each leaf's 适用分组. */
  groups: GroupOption[];
  /** The API's refusal (409, 422 …) or our own "parameters unreadable" message. */
  problem?: FormErrors;
  focus?: string;
  unsaved?: boolean;
  reloadHref?: string;
}

export function EditorForm(props: EditorProps) {
  const { v, sys, errors } = props;
  const { lang } = v;
  const rootIssues = errors.rows.get('node-root');
  const listIssues = (anchor: string) => {
    const x = errors.rows.get(anchor);
    return x ? <NodeIssues lang={lang} issues={x.map((m) => ({ path: anchor, zh: m, en: m }))} /> : null;
  };
  return (
    <form method="post" action={props.action} id="is-editor" class="editor" novalidate>
      {/* Enter in a field saves, rather than pressing the first structural button. */}
      <button type="submit" name="op" value="save" class="default-submit" tabindex={-1}>
        {t(lang, 'save')}
      </button>
      {props.problem ? <ErrorSummary v={v} errors={props.problem} reloadHref={props.reloadHref} /> : null}
      {props.unsaved ? (
        <p class="notice" role="status">
          {t(lang, 'editUnsaved')}
        </p>
      ) : null}
      <Hidden name="version" value={sys.version} />
      <Hidden name="extra" value={sys.extra} />
      <section class="card" id="system">
        <div class="grid">
          <Inp
            name="name"
            value={sys.name}
            label={t(lang, 'systemName')}
            errors={errors}
            visibleLabel
            class="wide"
          />
          <Area name="description" value={sys.description} label={t(lang, 'description')} errors={errors} />
          <div class="cell">
            <label for={fid('total')}>{t(lang, 'totalPoints')}</label>
            <input
              type="text"
              id={fid('total')}
              name="total"
              value={sys.total}
              inputmode="decimal"
              data-w="root"
              autocomplete="off"
              {...invalid(errors, 'total')}
            />
            <Err name="total" errors={errors} />
          </div>
          <Sel
            name="missingData"
            value={sys.missingData}
            label={t(lang, 'missingData')}
            options={enumOptions(lang, MISSING_POLICIES)}
            errors={errors}
          />
          <Sel
            name="exemption"
            value={sys.exemption}
            label={t(lang, 'exemption')}
            options={enumOptions(lang, ['redistribute', 'exclude'])}
            errors={errors}
          />
          <Sel
            name="decimals"
            value={sys.decimals}
            label={t(lang, 'decimals')}
            options={(DECIMALS.includes(sys.decimals) ? DECIMALS : [...DECIMALS, sys.decimals]).map((d) => ({
              value: d,
              label: d,
            }))}
            errors={errors}
          />
        </div>
        {listIssues('system')}
      </section>
      <section class="card" aria-labelledby="h-tree">
        <h2 id="h-tree">{t(lang, 'navIndicators')}</h2>
        <p class="muted">{t(lang, 'editHelp')}</p>
        <div class="scroll">
          <table class="edit-tree">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'code')}</th>
                <th scope="col">{t(lang, 'name')}</th>
                <th scope="col">{t(lang, 'weight')}</th>
                <th scope="col">{t(lang, 'nodeActions')}</th>
              </tr>
            </thead>
            <tbody>
              {sys.dims.map((d, i) => (
                <NodeRows
                  lang={lang}
                  n={d}
                  k={String(i)}
                  parent=""
                  depth={0}
                  count={sys.dims.length}
                  index={i}
                  errors={errors}
                  groups={props.groups}
                  focus={props.focus}
                />
              ))}
            </tbody>
            <tfoot>
              <tr id="node-root" class={rootIssues ? 'has-issue' : undefined}>
                <th scope="row" colspan={2}>
                  {t(lang, 'dimensionTotal')}
                  {listIssues('node-root')}
                </th>
                <td>
                  <SumOut
                    lang={lang}
                    forKey="root"
                    values={sys.dims.map((d) => d.weight)}
                    expected={sys.total}
                  />
                </td>
                <td class="ops">
                  <OpButton
                    op="add-dim"
                    label={t(lang, 'opAddDimension')}
                    title={t(lang, 'opAddDimension')}
                  />
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
      <section class="card" id="bonus-list" aria-labelledby="h-bonus">
        <h2 id="h-bonus">{t(lang, 'bonusItems')}</h2>
        {listIssues('bonus-list')}
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
                    autofocus={props.focus === `b.${i}`}
                  />
                </td>
                <td>
                  <Inp name={`b.${i}.name`} value={b.name} label={t(lang, 'name')} errors={errors} />
                  {listIssues(`bonus-${i}`)}
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
      <section class="card" id="veto-list" aria-labelledby="h-veto">
        <h2 id="h-veto">{t(lang, 'vetoItems')}</h2>
        {listIssues('veto-list')}
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
                    autofocus={props.focus === `x.${i}`}
                  />
                </td>
                <td>
                  <Inp name={`x.${i}.name`} value={x.name} label={t(lang, 'name')} errors={errors} />
                  {listIssues(`veto-${i}`)}
                </td>
                <td>
                  <select name={`x.${i}.effect`} aria-label={t(lang, 'vetoEffect')}>
                    {VETO_EFFECTS.map((e) => (
                      <option value={e} selected={e === x.effect}>
                        {enumLabel(lang, e)}
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
      <section class="card" id="level-list" aria-labelledby="h-grading">
        <h2 id="h-grading">{t(lang, 'grading')}</h2>
        {listIssues('level-list')}
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
                    autofocus={props.focus === `g.${i}`}
                  />
                  {listIssues(`level-${i}`)}
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
            options={[
              { value: 'floor', label: t(lang, 'roundFloor') },
              { value: 'round', label: t(lang, 'roundRound') },
              { value: 'ceil', label: t(lang, 'roundCeil') },
            ]}
            errors={errors}
          />
          <TieBreak lang={lang} sys={sys} errors={errors} />
        </div>
      </section>
      <div class="savebar">
        <button class="primary" type="submit" name="op" value="save">
          {t(lang, 'save')}
        </button>{' '}
        <a href={props.back}>{t(lang, 'backToSystem')}</a>
      </div>
      <script dangerouslySetInnerHTML={{ __html: SUM_SCRIPT }} />
    </form>
  );
}
