/** The evidence page's upload script (filled by the evidence console). */
export const EVIDENCE_UPLOAD_JS = '';
