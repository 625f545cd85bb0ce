import type { Me } from '../../context';
import { may } from '../../policy';
import { STANDARDS } from '../comparisons/routes';
import { isProvinceOffice } from '../comparisons/scope';

/** Whether the caller keeps the library: may change it (the policy) and is the province's office. */
export const mayKeepLibrary = (me: Me | undefined): boolean => may(me, STANDARDS.put) && isProvinceOffice(me);
