import type { LabelLang } from '@jixiao/core';
import { en } from './en';
import { zh } from './zh';

/**
 * The console's one dictionary: every label of the console's own (headings, buttons, hints) in
 * Chinese (default) and English, plus the date and number formats users expect. Enum labels (roles,
 * statuses, rule kinds, directions, data sources, policies …) are NOT messages here: they come from
 * the vocabulary of @jixiao/core (`RULE_LABELS[kind][lang]`, `labelOf(…)`), so a word is written once
 * for the console, the Excel files and the API's messages alike.
 */

/** The console's languages: those of the core vocabulary's labels. */
export type Lang = LabelLang;

export const LANG_COOKIE = 'jx_lang';

export const parseLang = (v: string | undefined | null): Lang | undefined =>
  v === 'zh' || v === 'en' ? v : undefined;

export type MessageKey = keyof typeof zh;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** Looks up a label; `{name}` placeholders are filled from `params`. */
export function t(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const s = dictionaries[lang][key];
  return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
}
