import { deflateSync } from 'node:zlib';
import type { Loose } from './demo-api';
import type { DemoReview } from './demo-review';

/**
 * The demo year's evidence (佐证材料, #9), through the API exactly as the console does it: ask for a
 * ticket, POST the bytes to the embedded S3, confirm. Several units file small real files (a PDF
 * and a PNG made here, valid enough to open) for some indicators, one document gets a second
 * version, and the office files its work plan for the year.
 */

const enc = new TextEncoder();

/** A one-page PDF with a line of text (ASCII: the standard fonts carry no Chinese glyphs). */
export function tinyPdf(line: string): Uint8Array {
  const text = line.replace(/[()\\]/g, '');
  const stream = `BT /F1 14 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return enc.encode(out);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Uint8Array) => {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const be32 = (n: number) => new Uint8Array([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
const cat = (...xs: Uint8Array[]) => {
  const out = new Uint8Array(xs.reduce((n, x) => n + x.length, 0));
  let i = 0;
  for (const x of xs) {
    out.set(x, i);
    i += x.length;
  }
  return out;
};
const chunk = (type: string, data: Uint8Array) => {
  const td = cat(enc.encode(type), data);
  return cat(be32(data.length), td, be32(crc32(td)));
};

/** A small PNG (a colour band per row, like a photographed notice board). */
export function tinyPng(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const rows: Uint8Array[] = [];
  for (let y = 0; y < height; y++) {
    const row = new Uint8Array(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const shade = 0.6 + (0.4 * y) / height;
      row.set(
        rgb.map((c) => Math.round(c * shade)),
        1 + x * 3,
      );
    }
    rows.push(row);
  }
  const ihdr = cat(be32(width), be32(height), new Uint8Array([8, 2, 0, 0, 0]));
  return cat(
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', new Uint8Array(deflateSync(cat(...rows)))),
    chunk('IEND', new Uint8Array(0)),
  );
}

const TYPES: Record<string, string> = { pdf: 'application/pdf', png: 'image/png' };

/** Files one document's version through the API: ticket, POST to S3, confirm. Returns the document. */
export async function fileEvidence(
  r: DemoReview,
  user: string,
  base: string,
  body: { leaf?: string; evidence?: string; fileName: string; note?: string },
  bytes: Uint8Array,
): Promise<Loose> {
  const ext = body.fileName.slice(body.fileName.lastIndexOf('.') + 1);
  const ticket = await r.call(user, 'POST', `${base}/uploads`, { ...body, size: bytes.length });
  await r.upload(ticket.url, ticket.fields, bytes, TYPES[ext] ?? ticket.contentType);
  return r.call(user, 'POST', `${base}/uploads/${ticket.upload}/confirm`);
}

export async function seedDemoEvidence(r: DemoReview): Promise<void> {
  const cycle = `/v1/cycles/${r.cycleId}/evidence`;
  const admin = await r.call('hrb-admin', 'GET', `/v1/users?unit=FGW`);
  const fgwUser =
    admin.items.find((u: { roles: string[] }) => u.roles.includes('unit_user'))?.id ?? 'hrb-fgw';

  // 市发改委 files its ledger and a site photo; the ledger is corrected a week later (version 2).
  r.at('2026-01-12');
  const unitBase = (unit: string) => `${cycle}/units/${unit}`;
  const ledger = await fileEvidence(
    r,
    fgwUser,
    unitBase('FGW'),
    { leaf: 'D1-1', fileName: '2025 年重点项目投资台账.pdf', note: '截至 2025 年 12 月 31 日' },
    tinyPdf('FGW 2025 key project investment ledger (v1)'),
  );
  await fileEvidence(
    r,
    fgwUser,
    unitBase('FGW'),
    { leaf: 'D2-1', fileName: '重点项目现场照片.png' },
    tinyPng(48, 32, [70, 130, 180]),
  );
  r.at('2026-01-19');
  await fileEvidence(
    r,
    fgwUser,
    unitBase('FGW'),
    {
      evidence: ledger.id,
      fileName: '2025 年重点项目投资台账（更正）.pdf',
      note: '剔除跨年度结转项目后更正',
    },
    tinyPdf('FGW 2025 key project investment ledger (v2, corrected)'),
  );

  // Two more units file one document each, for the indicator their self-assessment leans on.
  for (const [i, unit] of ['JYJ', 'CZJ'].entries()) {
    const users = await r.call('hrb-admin', 'GET', `/v1/users?unit=${unit}`).catch(() => ({ items: [] }));
    const user = users.items.find((u: { roles: string[] }) => u.roles.includes('unit_user'))?.id;
    if (!user) continue;
    r.at(`2026-01-${String(14 + i).padStart(2, '0')}`);
    await fileEvidence(
      r,
      user,
      unitBase(unit),
      { leaf: 'D2-1', fileName: `${unit === 'JYJ' ? '教育' : '财政'}重点工作完成情况说明.pdf` },
      tinyPdf(`${unit} 2025 key tasks: completion report`),
    );
  }

  // The office's own paper for the year.
  r.at('2026-01-05');
  await fileEvidence(
    r,
    'hrb-admin',
    `${cycle}/office`,
    { fileName: '2025 年度绩效评估工作方案.pdf' },
    tinyPdf('Harbin 2025 performance evaluation work plan'),
  );
}
