/**
 * The kinds of file evidence may be (佐证材料): what offices actually exchange — PDF and OFD (the
 * national e-document format, GB/T 33190), Word/Excel/PowerPoint old and new, WPS Office's own
 * formats, OpenDocument, photos and scans, and zip archives. Each kind names the extensions a file
 * of it may carry, the media type it is stored and served with, and the family of bytes it must
 * start with (`container`), which the API checks after upload (a file is what its bytes say, not
 * what its name says). Labels: EVIDENCE_KIND_LABELS in ../vocabulary.
 */
export const EVIDENCE_KINDS = [
  'pdf',
  'ofd',
  'doc',
  'docx',
  'wps',
  'xls',
  'xlsx',
  'et',
  'ppt',
  'pptx',
  'odt',
  'ods',
  'jpg',
  'png',
  'zip',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** What a file's first bytes (and, for zip containers, its entry names) show it to be. */
export type ByteFamily =
  | 'pdf'
  | 'ole2'
  | 'zip-word'
  | 'zip-sheet'
  | 'zip-slides'
  | 'zip-ofd'
  | 'zip-odt'
  | 'zip-ods'
  | 'zip'
  | 'jpeg'
  | 'png';

export interface EvidenceKindSpec {
  extensions: readonly string[];
  mediaType: string;
  family: ByteFamily;
  /** Shown in the browser (presigned GET with inline disposition) rather than downloaded. */
  previewable: boolean;
}

export const EVIDENCE_KIND_SPECS: Record<EvidenceKind, EvidenceKindSpec> = {
  pdf: { extensions: ['pdf'], mediaType: 'application/pdf', family: 'pdf', previewable: true },
  ofd: { extensions: ['ofd'], mediaType: 'application/ofd', family: 'zip-ofd', previewable: false },
  doc: { extensions: ['doc'], mediaType: 'application/msword', family: 'ole2', previewable: false },
  docx: {
    extensions: ['docx'],
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    family: 'zip-word',
    previewable: false,
  },
  wps: { extensions: ['wps'], mediaType: 'application/wps-office.wps', family: 'ole2', previewable: false },
  xls: { extensions: ['xls'], mediaType: 'application/vnd.ms-excel', family: 'ole2', previewable: false },
  xlsx: {
    extensions: ['xlsx'],
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    family: 'zip-sheet',
    previewable: false,
  },
  et: { extensions: ['et'], mediaType: 'application/wps-office.et', family: 'ole2', previewable: false },
  ppt: {
    extensions: ['ppt'],
    mediaType: 'application/vnd.ms-powerpoint',
    family: 'ole2',
    previewable: false,
  },
  pptx: {
    extensions: ['pptx'],
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    family: 'zip-slides',
    previewable: false,
  },
  odt: {
    extensions: ['odt'],
    mediaType: 'application/vnd.oasis.opendocument.text',
    family: 'zip-odt',
    previewable: false,
  },
  ods: {
    extensions: ['ods'],
    mediaType: 'application/vnd.oasis.opendocument.spreadsheet',
    family: 'zip-ods',
    previewable: false,
  },
  jpg: { extensions: ['jpg', 'jpeg'], mediaType: 'image/jpeg', family: 'jpeg', previewable: true },
  png: { extensions: ['png'], mediaType: 'image/png', family: 'png', previewable: true },
  zip: { extensions: ['zip'], mediaType: 'application/zip', family: 'zip', previewable: false },
};

/** The file name's extension, lower case, without the dot ('' when there is none). */
export const extensionOf = (fileName: string): string => {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 || dot === fileName.length - 1 ? '' : fileName.slice(dot + 1).toLowerCase();
};

/** The kind a file name claims, if its extension is one we know. */
export const kindOfFileName = (fileName: string): EvidenceKind | undefined => {
  const ext = extensionOf(fileName);
  return EVIDENCE_KINDS.find((k) => EVIDENCE_KIND_SPECS[k].extensions.includes(ext));
};
