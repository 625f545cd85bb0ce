import type { EvidenceKind } from '../evidence/kinds';
import type { UploadStatus } from '../evidence/model';
import type { DetectedContent } from '../evidence/sniff';
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

/** What an uploaded file's bytes were found to be (in the reason a file is refused). */
export const DETECTED_CONTENT_LABELS: Labels<DetectedContent> = labels({
  pdf: { zh: 'PDF 文档', en: 'a PDF document' },
  ole2: {
    zh: 'Office 97–2003 或 WPS 文档（复合文档格式）',
    en: 'an Office 97–2003 or WPS file (compound document)',
  },
  'zip-word': { zh: 'Word 文档（.docx）', en: 'a Word document (.docx)' },
  'zip-sheet': { zh: 'Excel 工作簿（.xlsx）', en: 'an Excel workbook (.xlsx)' },
  'zip-slides': { zh: 'PowerPoint 演示文稿（.pptx）', en: 'a PowerPoint presentation (.pptx)' },
  'zip-ofd': { zh: 'OFD 版式文档', en: 'an OFD document' },
  'zip-odt': { zh: 'OpenDocument 文本', en: 'an OpenDocument text' },
  'zip-ods': { zh: 'OpenDocument 表格', en: 'an OpenDocument spreadsheet' },
  zip: { zh: 'ZIP 压缩包', en: 'a ZIP archive' },
  jpeg: { zh: 'JPEG 图片', en: 'a JPEG image' },
  png: { zh: 'PNG 图片', en: 'a PNG image' },
  executable: { zh: '可执行程序', en: 'an executable program' },
  script: { zh: '脚本程序', en: 'a script' },
  web_page: { zh: '网页或 XML 文件', en: 'a web page or XML file' },
  other_image: {
    zh: '其他格式的图片（如 GIF、BMP、TIFF、WebP）',
    en: 'an image of another format (GIF, BMP, TIFF, WebP…)',
  },
  other_archive: {
    zh: '其他格式的压缩包（如 RAR、7z、gzip）',
    en: 'an archive of another format (RAR, 7z, gzip…)',
  },
  text: { zh: '纯文本', en: 'plain text' },
  unknown: { zh: '无法识别的格式', en: 'an unrecognised format' },
});
