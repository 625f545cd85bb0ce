import { BASE, seg } from '../../context';
import { cycleHref } from '../cycles/office/paths';

/** A sharer's pages: its shares and mappings under `/console/sharing`, a cycle's sharing under the cycle. */
export const SHARING_HREF = `${BASE}/sharing`;
export const MAPPINGS_HREF = `${SHARING_HREF}/mappings`;
export const mappingHref = (system: string) => `${MAPPINGS_HREF}/${seg(system)}`;
export const cycleSharingHref = (cycleId: string) => `${cycleHref(cycleId)}/sharing`;
export const withdrawShareHref = (cycleId: string, recipient: string) =>
  `${cycleSharingHref(cycleId)}/${seg(recipient)}/withdraw`;
