import {
  EXEMPTION_POLICIES,
  EXEMPTION_POLICY_LABELS,
  MISSING_POLICIES,
  MISSING_POLICY_LABELS,
} from '@jixiao/core';
import { assetUrl } from '../../../assets';
import { ErrorSummary } from '../../../components/feedback';
import { Hidden } from '../../../components/fields';
import { useView } from '../../../context';
import type { FormErrors } from '../../../forms';
import { t } from '../../../i18n';
import { enumOptions } from '../labels';
import { Area, Err, fid, type GroupOption, Inp, invalid, OpButton, RowIssues, Sel, SumOut } from './controls';
import { BonusSection, GradingSection, VetoSection } from './items';
import type { EdSystem } from './model';
import { NodeRows } from './node-rows';
import type { EditorErrors } from './place-issues';

/**
 * The draft editor: one form, a row per node of the tree. Structural buttons post the whole form
 * with an `op`; 保存 (`op=save`) sends it to the API. The editor-sums script keeps the weight sums
 * current as the user types; without it, the sums are the server's, from the last post.
 */

const DECIMALS = ['0', '1', '2', '3', '4'];

export interface EditorProps {
  sys: EdSystem;
  action: string;
  back: string;
  errors: EditorErrors;
  /** The tenant's unit groups, for each leaf's 适用分组. */
  groups: GroupOption[];
  /** Whether the caller may set 考核办设定参数 (the office, on a draft); read-only otherwise. */
  officeParams: boolean;
  /** The API's refusal (409, 422 …) or our own "parameters unreadable" message. */
  problem?: FormErrors;
  focus?: string;
  unsaved?: boolean;
  reloadHref?: string;
}

function SystemFields(props: { sys: EdSystem; errors: EditorErrors }) {
  const { lang } = useView();
  const { sys, errors } = props;
  return (
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
          options={enumOptions(lang, MISSING_POLICIES, MISSING_POLICY_LABELS)}
          errors={errors}
        />
        <Sel
          name="exemption"
          value={sys.exemption}
          label={t(lang, 'exemption')}
          options={enumOptions(lang, EXEMPTION_POLICIES, EXEMPTION_POLICY_LABELS)}
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
      <RowIssues errors={errors} anchor="system" />
    </section>
  );
}

function TreeSection(props: {
  sys: EdSystem;
  errors: EditorErrors;
  groups: GroupOption[];
  officeParams: boolean;
  focus?: string;
}) {
  const { lang } = useView();
  const { sys, errors } = props;
  const rootIssues = errors.rows.get('node-root');
  return (
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
                n={d}
                k={String(i)}
                parent=""
                depth={0}
                count={sys.dims.length}
                index={i}
                errors={errors}
                groups={props.groups}
                officeParams={props.officeParams}
                focus={props.focus}
              />
            ))}
          </tbody>
          <tfoot>
            <tr id="node-root" class={rootIssues ? 'has-issue' : undefined}>
              <th scope="row" colspan={2}>
                {t(lang, 'dimensionTotal')}
                <RowIssues errors={errors} anchor="node-root" />
              </th>
              <td>
                <SumOut forKey="root" values={sys.dims.map((d) => d.weight)} expected={sys.total} />
              </td>
              <td class="ops">
                <OpButton op="add-dim" label={t(lang, 'opAddDimension')} title={t(lang, 'opAddDimension')} />
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

export function EditorForm(props: EditorProps) {
  const { lang } = useView();
  const { sys, errors } = props;
  return (
    <form method="post" action={props.action} id="is-editor" class="editor" novalidate>
      {/* Enter in a field saves, rather than pressing the first structural button. */}
      <button type="submit" name="op" value="save" class="default-submit" tabindex={-1}>
        {t(lang, 'save')}
      </button>
      <ErrorSummary errors={props.problem} reloadHref={props.reloadHref} />
      {props.unsaved ? (
        <p class="notice" role="status">
          {t(lang, 'editUnsaved')}
        </p>
      ) : null}
      <Hidden name="version" value={sys.version} />
      <Hidden name="extra" value={sys.extra} />
      <SystemFields sys={sys} errors={errors} />
      <TreeSection
        sys={sys}
        errors={errors}
        groups={props.groups}
        officeParams={props.officeParams}
        focus={props.focus}
      />
      <BonusSection sys={sys} errors={errors} focus={props.focus} />
      <VetoSection sys={sys} errors={errors} focus={props.focus} />
      <GradingSection sys={sys} errors={errors} focus={props.focus} />
      <div class="savebar">
        <button class="primary" type="submit" name="op" value="save">
          {t(lang, 'save')}
        </button>{' '}
        <a href={props.back}>{t(lang, 'backToSystem')}</a>
      </div>
      <script src={assetUrl('editor-sums.js')} defer />
    </form>
  );
}
