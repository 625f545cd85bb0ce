import type { Lang } from '../../../i18n';
import { anchorOf, type IssueAt, locateIssue } from '../version/issues';

export interface EditorErrors {
  /** Form field name → message. */
  fields: Record<string, string>;
  /** Row anchor (`node-0-1`, `bonus-2`, `node-root`, `system`) → messages not tied to a shown field. */
  rows: Map<string, string[]>;
}

export const noEditorErrors = (): EditorErrors => ({ fields: {}, rows: new Map() });

const NODE_FIELDS: Record<string, string> = {
  code: 'code',
  name: 'name',
  weight: 'weight',
  criteria: 'criteria',
  unitOfMeasure: 'unit',
  direction: 'direction',
  type: 'type',
  source: 'source',
  rule: 'params',
  'rule.kind': 'rule',
  evidence: 'evidence',
  'evidence.description': 'evidenceDescription',
  appliesTo: 'appliesTo',
  missing: 'missing',
  officeParams: 'officeParams',
  party: 'party',
};

/** Where each issue goes on the editor: under its field when the form shows one, else on its row. */
export function placeIssues(issues: readonly IssueAt[], lang: Lang, into = noEditorErrors()) {
  const addField = (name: string, text: string) => {
    into.fields[name] = into.fields[name] ? `${into.fields[name]}；${text}` : text;
  };
  const addRow = (anchor: string, text: string) =>
    into.rows.set(anchor, [...(into.rows.get(anchor) ?? []), text]);
  for (const issue of issues) {
    const target = locateIssue(issue.path);
    const text = issue[lang];
    const field = target.field ?? '';
    const head = field.split('.')[0] ?? '';
    if (target.section === 'node') {
      const f = NODE_FIELDS[field] ?? NODE_FIELDS[head];
      if (f) addField(`n.${target.key}.${f}`, text);
      else addRow(anchorOf(target), text);
    } else if (
      target.section === 'bonus' &&
      target.key !== '' &&
      ['code', 'name', 'maxPoints', 'criteria'].includes(head)
    ) {
      addField(`b.${target.key}.${head}`, text);
    } else if (
      target.section === 'veto' &&
      target.key !== '' &&
      ['code', 'name', 'effect', 'criteria'].includes(head)
    ) {
      addField(`x.${target.key}.${head}`, text);
    } else if (
      target.section === 'level' &&
      target.key !== '' &&
      ['code', 'min', 'maxShare', 'label'].includes(head)
    ) {
      const f = head === 'label' ? (field.endsWith('en') ? 'en' : 'zh') : head;
      addField(`g.${target.key}.${f}`, text);
    } else if (target.section === 'level' && target.key === '' && /^grading\.tieBreak(\.|$)/.test(field)) {
      const i = /^grading\.tieBreak\.(\d+)/.exec(field)?.[1];
      addField(i === undefined ? 'tieBreak' : `tb.${i}`, text);
    } else if (target.section === 'level' && target.key === '' && field === 'grading.quotaRounding') {
      addField('quotaRounding', text);
    } else if (
      target.section === 'system' &&
      ['name', 'description', 'total', 'bonusCap', 'missingData', 'exemption', 'decimals'].includes(head)
    ) {
      addField(head, text);
    } else {
      addRow(anchorOf(target), text);
    }
  }
  return into;
}
