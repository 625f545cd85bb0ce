import {
  formatBytes as bytesWords,
  EVIDENCE_KIND_LABELS,
  EVIDENCE_KIND_SPECS,
  type EvidenceKind,
} from '@jixiao/core';
import { numberFrom } from '../../forms';
import type { Lang } from '../../i18n';

/**
 * How evidence figures read: sizes as the API words them (KB/MB/GB, binary; one decimal below 100;
 * 字节 below 1 KB), a SHA-256 shortened for the table, the kinds a tenant accepts in words and as
 * the extensions a file picker and the upload script check. The upload script formats sizes the
 * same way (evidence-upload.js), so the limit it quotes reads like the page's.
 */

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** The word for bytes under 1 KB. */
export const bytesWord = (lang: Lang): string => bytesWords(0)[lang].replace(/^0 /, '');

const oneDecimal = (x: number): string => String(Math.round(x * 10) / 10);

/** `512 字节`, `12.5 KB`, `3 MB`, `150 MB`, `1.2 GB`: the API's own words for sizes (core). */
export const formatBytes = (n: number, lang: Lang): string => bytesWords(n)[lang];

/** Bytes as whole-or-decimal MB / GB for a form field (52428800 → '50'). */
export const toMb = (bytes: number): string => oneDecimal(bytes / MiB);
export const toGb = (bytes: number): string => oneDecimal(bytes / GiB);
export const MB = MiB;
export const GB = GiB;

/** MB or GB as typed → bytes; text that is no number goes as typed, for the API to refuse at its path. */
export function bytesOf(typed: string, unit: number): number | string {
  const n = numberFrom(typed);
  return typeof n === 'number' ? Math.round(n * unit) : n;
}

/** The first 12 hex digits of a SHA-256 (the full value goes in a title). */
export const shortHash = (sha256: string): string => sha256.slice(0, 12);

/** A share (0.125) as a percentage with one decimal (12.5%). */
export const sharePct = (share: number): string => `${oneDecimal(share * 100)}%`;

/** The kinds in words, in the language's way of listing. */
export const kindsText = (kinds: readonly EvidenceKind[], lang: Lang): string =>
  kinds.map((k) => EVIDENCE_KIND_LABELS[k][lang]).join(lang === 'zh' ? '、' : ', ');

/** Every extension the kinds allow, lower case without the dot (`pdf`, `jpg`, `jpeg` …). */
export const extensionsOf = (kinds: readonly EvidenceKind[]): string[] =>
  kinds.flatMap((k) => EVIDENCE_KIND_SPECS[k].extensions);

/** The file picker's `accept`: `.pdf,.docx,…`. */
export const acceptOf = (kinds: readonly EvidenceKind[]): string =>
  extensionsOf(kinds)
    .map((e) => `.${e}`)
    .join(',');

/** Whether a browser shows the kind itself (images and PDF), so it is offered as a preview. */
export const previewable = (kind: EvidenceKind): boolean => EVIDENCE_KIND_SPECS[kind].previewable;
export const isImage = (kind: EvidenceKind): boolean =>
  EVIDENCE_KIND_SPECS[kind].mediaType.startsWith('image/');
