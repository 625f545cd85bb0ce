import { consoleProblem, problemPage } from '../../components/message-page';
import { BASE, type Ctx, param, seg } from '../../context';

/** Where the indicator pages live. */
export const SYSTEMS = `${BASE}/indicator-systems`;
export const TEMPLATES = `${BASE}/indicator-templates`;

export const versionHref = (id: string, v: number) => `${SYSTEMS}/${seg(id)}/versions/${v}`;

/** The `:v` of a version's URL, if it is a version number at all. */
export const versionOf = (c: Ctx): number | undefined => {
  const n = Number(param(c, 'v'));
  return Number.isInteger(n) && n >= 1 && n <= 9999 ? n : undefined;
};

/** The page for a version URL whose `:v` is not a version number. */
export const notFoundVersion = (c: Ctx) =>
  problemPage(
    c,
    consoleProblem(404, 'not_found', {
      zh: '指标体系版本不存在。',
      en: 'Indicator system version not found.',
    }),
  );

/** A version page's handler, given the system id and version number (404 for a malformed `:v`). */
export const forVersion =
  (handler: (c: Ctx, id: string, v: number) => Response | Promise<Response>) => (c: Ctx) => {
    const v = versionOf(c);
    return v ? handler(c, param(c, 'id'), v) : notFoundVersion(c);
  };
