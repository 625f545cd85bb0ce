import { BASE, seg } from '../../context';

/** Guidance documents: the city's sent list and form, a county's inbox and each document. */
export const GUIDANCE_HREF = `${BASE}/guidance`;
export const newGuidanceHref = `${GUIDANCE_HREF}/new`;
export const receivedHref = (id: string) => `${GUIDANCE_HREF}/inbox/${seg(id)}`;
