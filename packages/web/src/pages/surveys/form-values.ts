import type { SurveyInput } from '@jixiao/core';
import { type FormValues, list, numberFrom, str } from '../../forms';
import { t } from '../../i18n';

/**
 * The questionnaire form's values: rows named like the API's fields (`groups.0.weight`), so the
 * API's field issues land under the right input; empty rows are left out of the body.
 */

export const GROUP_ROWS = 5;
export const QUESTION_ROWS = 8;

/** A satisfaction leaf of the cycle's systems: what a question can feed, with its rule's groups. */
export interface SatisfactionLeaf {
  code: string;
  name: string;
  groups: { key: string; label: string; weight: number }[];
}

export const formFieldNames = (): string[] => [
  'title',
  'intro',
  'units',
  'groups',
  'questions',
  'openLink.enabled',
  'openLink.perNetworkPerHour',
  'fastSeconds',
  ...Array.from({ length: GROUP_ROWS }, (_, i) =>
    ['key', 'label', 'weight', 'openLink'].map((f) => `groups.${i}.${f}`),
  ).flat(),
  ...Array.from({ length: QUESTION_ROWS }, (_, i) =>
    ['code', 'kind', 'leaf', 'text'].map((f) => `questions.${i}.${f}`),
  ).flat(),
];

/** The API body from the form (rows compacted; numbers that are not numbers left for the API to name). */
export function surveyBody(form: FormValues) {
  const groups = [];
  for (let i = 0; i < GROUP_ROWS; i++) {
    const key = str(form[`groups.${i}.key`]).trim();
    const label = str(form[`groups.${i}.label`]).trim();
    if (!key && !label) continue;
    groups.push({
      key,
      label,
      weight: numberFrom(str(form[`groups.${i}.weight`])),
      openLink: str(form[`groups.${i}.openLink`]) === 'true',
    });
  }
  const questions = [];
  for (let i = 0; i < QUESTION_ROWS; i++) {
    const code = str(form[`questions.${i}.code`]).trim();
    const text = str(form[`questions.${i}.text`]).trim();
    if (!code && !text) continue;
    const leaf = str(form[`questions.${i}.leaf`]).trim();
    questions.push({
      code,
      text,
      kind: str(form[`questions.${i}.kind`]) || 'likert',
      ...(leaf ? { leaf } : {}),
    });
  }
  return {
    title: str(form.title),
    intro: str(form.intro),
    units: list(form.units),
    groups,
    questions,
    openLink: {
      enabled: str(form['openLink.enabled']) === 'true',
      perNetworkPerHour: numberFrom(str(form['openLink.perNetworkPerHour']) || '30'),
    },
    fastSeconds: numberFrom(str(form.fastSeconds) || '3'),
  } as unknown as SurveyInput;
}

/** Form values from a survey (or the compacted body of a failed submission). */
export function surveyValues(s: Partial<SurveyInput> & { version?: number }): FormValues {
  const v: FormValues = {
    title: s.title ?? '',
    intro: s.intro ?? '',
    units: s.units ?? [],
    'openLink.enabled': s.openLink?.enabled ? 'true' : '',
    'openLink.perNetworkPerHour': String(s.openLink?.perNetworkPerHour ?? 30),
    fastSeconds: String(s.fastSeconds ?? 3),
    ...(s.version !== undefined ? { version: String(s.version) } : {}),
  };
  (s.groups ?? []).forEach((g, i) => {
    v[`groups.${i}.key`] = g.key;
    v[`groups.${i}.label`] = g.label;
    v[`groups.${i}.weight`] = String(g.weight);
    v[`groups.${i}.openLink`] = g.openLink ? 'true' : '';
  });
  (s.questions ?? []).forEach((q, i) => {
    v[`questions.${i}.code`] = q.code;
    v[`questions.${i}.kind`] = q.kind;
    v[`questions.${i}.leaf`] = q.leaf ?? '';
    v[`questions.${i}.text`] = q.text;
  });
  return v;
}

/** A new survey's example (示例): the first satisfaction leaf's groups, one rated question for it and one written. */
export function exampleValues(
  leaves: readonly SatisfactionLeaf[],
  units: readonly string[],
  lang: 'zh' | 'en',
): FormValues {
  const leaf = leaves[0];
  return surveyValues({
    title: '',
    intro: t(lang, 'svIntroExample'),
    units: [...units],
    groups: (leaf?.groups ?? []).map((g, i, all) => ({ ...g, openLink: i === all.length - 1 })),
    questions: [
      {
        code: 'q1',
        kind: 'likert',
        text: t(lang, 'svQuestionExample'),
        ...(leaf ? { leaf: leaf.code } : {}),
      },
      { code: 'q2', kind: 'text', text: t(lang, 'svTextQuestionExample') },
    ],
    openLink: { enabled: true, perNetworkPerHour: 30 },
    fastSeconds: 3,
  });
}
