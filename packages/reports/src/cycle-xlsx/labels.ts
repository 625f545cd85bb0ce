import type { Label } from '@jixiao/core';

/** Words the cycle's tables share that are not an enum's label (those live in core's vocabulary). */

export const MISSING: Label = { zh: '未填报', en: 'Missing' };

/** A label in the table's language, or the missing word for an absent record. */
export const say = (label: Label | undefined, lang: 'zh' | 'en'): string => (label ?? MISSING)[lang];
