/**
 * The kinds of generated record ids: a prefix that says what the id names (`u…` user, `is…`
 * indicator system) and a length of random lowercase base32, so ids are URL-safe and readable
 * aloud. The data layer makes them (`newId`); path parameters accept exactly them (`idPattern`).
 */
export const ID_KINDS = {
  user: { prefix: 'u', length: 16 },
  indicatorSystem: { prefix: 'is', length: 12 },
  cycle: { prefix: 'cy', length: 12 },
  check: { prefix: 'ck', length: 12 },
  comment: { prefix: 'cm', length: 12 },
  opinion: { prefix: 'op', length: 12 },
  /** Public link of a consultation: long enough (80 bits) not to be guessed. */
  consultation: { prefix: 'pc', length: 16 },
  /** An evidence document (its versions are numbered) and one pending upload. */
  evidence: { prefix: 'ev', length: 12 },
  upload: { prefix: 'up', length: 16 },
  expert: { prefix: 'ex', length: 12 },
  assignment: { prefix: 'as', length: 12 },
  survey: { prefix: 'sv', length: 12 },
  /** A survey invitation's token (the QR code's link): 128 bits, never guessed. */
  invitation: { prefix: 'iv', length: 26 },
  answer: { prefix: 'an', length: 16 },
  /** #10: a run of the year-end batch; an appeal; a rectification task; a use of results. */
  run: { prefix: 'rn', length: 12 },
  appeal: { prefix: 'ap', length: 12 },
  rectification: { prefix: 'rt', length: 12 },
  resultUse: { prefix: 'ru', length: 12 },
  /** #12: a guidance document a city sends down (指导文件). */
  guidance: { prefix: 'gd', length: 12 },
} as const;
export type IdKind = keyof typeof ID_KINDS;

export const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** A pattern that accepts exactly the ids of a kind. */
export const idPattern = (kind: IdKind): RegExp => {
  const { prefix, length } = ID_KINDS[kind];
  return new RegExp(`^${prefix}[a-z2-7]{${length}}$`);
};
