import type { Me } from '../../context';

/**
 * Which side of cross-region comparison the caller's tenant stands on. The API decides every call
 * (a county asking for a comparison gets 403); this only keeps the console from offering pages
 * that would be refused. A recipient is a provincial analyst or a province's or city's tenant; a
 * sharer is a city's or a county's (or a district's) tenant, which shares up.
 */
export const isRecipient = (me: Me | undefined): boolean =>
  !!me?.identity.province || me?.tenant?.level === 'province' || me?.tenant?.level === 'city';

export const isSharer = (me: Me | undefined): boolean =>
  !!me?.tenant && me.tenant.level !== 'province' && !me.identity.province;

/** A county (or district) office: it receives guidance from its city. */
export const isCountyOffice = (me: Me | undefined): boolean =>
  me?.tenant?.level === 'county' || me?.tenant?.level === 'district';

/** A city office: it sends guidance to its counties, and compares them. */
export const isCityOffice = (me: Me | undefined): boolean => me?.tenant?.level === 'city';

/** The province's own office: it keeps the standard library. */
export const isProvinceOffice = (me: Me | undefined): boolean => me?.tenant?.level === 'province';
