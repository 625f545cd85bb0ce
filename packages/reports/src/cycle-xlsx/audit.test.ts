import type { AuditEntry } from '@jixiao/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_ROW_POINTS } from '../xlsx-layout';
import { auditXlsx } from './audit';

const entry = (seq: number, after: unknown): AuditEntry =>
  ({
    seq,
    at: '2025-03-01T02:00:00.000Z',
    actor: { sub: 'hrb-admin', name: '考核办', roles: ['tenant_admin'] },
    action: 'system.update',
    target: { type: 'system', id: `sys-${seq}` },
    note: '修改指标',
    after,
    prevHash: 'a'.repeat(64),
    hash: 'b'.repeat(64),
    alg: 'SM3',
  }) as unknown as AuditEntry;

describe('the audit trail workbook', () => {
  it('continues JSON longer than the tallest row on rows marked 续, every character printed', async () => {
    const big = {
      dimensions: Array.from({ length: 120 }, (_, i) => ({ code: `D${i}`, name: `经济发展指标${i}` })),
    };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await auditXlsx([entry(1, big), entry(2, { a: 1 })], '审计日志', 'zh')) as unknown as ArrayBuffer,
    );
    const ws = wb.worksheets[0]!;
    const rows = Array.from({ length: ws.rowCount - 2 }, (_, i) => ws.getRow(i + 3));
    const first = rows.filter((r) => String(r.getCell(1).value).startsWith('1'));
    expect(first.length).toBeGreaterThan(2);
    expect(
      first.slice(1).every((r) => r.getCell(1).value === '1（续）' && (r.getCell(10).value ?? '') === ''),
    ).toBe(true);
    expect(first.map((r) => String(r.getCell(8).value ?? '')).join('')).toBe(JSON.stringify(big));
    for (const r of rows) expect(r.height).toBeLessThan(MAX_ROW_POINTS);
    expect(rows.at(-1)!.getCell(1).value).toBe(2);
    expect(rows.at(-1)!.getCell(10).value).toBe('b'.repeat(64));
  });
});
