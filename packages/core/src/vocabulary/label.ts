import type { Bilingual } from '../scoring/types';

/** A label in the product's two languages (the product's one text pair, read-only). */
export type Label = Readonly<Bilingual>;

/** A language of the product (a key of `Label`). */
export type LabelLang = keyof Label;

/** The labels of one enum, by value. */
export type Labels<E extends string> = Readonly<Record<E, Label>>;

/** Frozen, so that no caller can change a label for everyone. */
export function labels<E extends string>(record: Record<E, Label>): Labels<E> {
  for (const label of Object.values<Label>(record)) Object.freeze(label);
  return Object.freeze(record);
}
