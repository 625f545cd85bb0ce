import type { EvidenceKind } from '../evidence/kinds';
import type { UploadStatus } from '../evidence/model';
import { type Labels, labels } from './label';

/** Labels of the evidence enums (registered in VOCABULARY by ./labels). */

export const EVIDENCE_KIND_LABELS: Labels<EvidenceKind> = labels({
  pdf: { zh: 'PDF 文档', en: 'PDF document' },
  ofd: { zh: 'OFD 版式文档', en: 'OFD document' },
  doc: { zh: 'Word 文档（.doc）', en: 'Word document (.doc)' },
  docx: { zh: 'Word 文档（.docx）', en: 'Word document (.docx)' },
  wps: { zh: 'WPS 文字文档', en: 'WPS Writer document' },
  xls: { zh: 'Excel 工作簿（.xls）', en: 'Excel workbook (.xls)' },
  xlsx: { zh: 'Excel 工作簿（.xlsx）', en: 'Excel workbook (.xlsx)' },
  et: { zh: 'WPS 表格', en: 'WPS Spreadsheets workbook' },
  ppt: { zh: 'PowerPoint 演示文稿（.ppt）', en: 'PowerPoint presentation (.ppt)' },
  pptx: { zh: 'PowerPoint 演示文稿（.pptx）', en: 'PowerPoint presentation (.pptx)' },
  odt: { zh: 'OpenDocument 文本', en: 'OpenDocument text' },
  ods: { zh: 'OpenDocument 表格', en: 'OpenDocument spreadsheet' },
  jpg: { zh: 'JPEG 图片', en: 'JPEG image' },
  png: { zh: 'PNG 图片', en: 'PNG image' },
  zip: { zh: 'ZIP 压缩包', en: 'ZIP archive' },
});

export const UPLOAD_STATUS_LABELS: Labels<UploadStatus> = labels({
  pending: { zh: '待确认', en: 'Awaiting confirmation' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  rejected: { zh: '已拒收', en: 'Rejected' },
});
