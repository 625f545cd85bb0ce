import { describe, expect, it } from 'vitest';
import { AppError, isAppError } from './app-error';
import { errors } from './catalogue';

type Ctor = keyof typeof errors;

/** One call per constructor, with sample arguments where it needs them. */
const SAMPLES: { [K in Ctor]: () => AppError } = {
  unauthenticated: () => errors.unauthenticated(),
  tokenExpired: () => errors.tokenExpired(),
  tokenInvalid: () => errors.tokenInvalid(),
  tokenRevoked: () => errors.tokenRevoked(),
  selfLockout: () => errors.selfLockout('role'),
  forbidden: () => errors.forbidden(),
  tenantSuspended: () => errors.tenantSuspended(),
  notFound: () => errors.notFound('单位', 'Unit'),
  routeNotFound: () => errors.routeNotFound(),
  methodNotAllowed: () => errors.methodNotAllowed(),
  alreadyExists: () => errors.alreadyExists('单位', 'Unit'),
  versionConflict: () => errors.versionConflict(3),
  invalidReference: () =>
    errors.invalidReference('body.group', '单位分组 X 不存在。', 'Unit group X does not exist.'),
  inUse: () => errors.inUse('该分组仍有单位。', 'The group still has units.'),
  idempotencyInProgress: () => errors.idempotencyInProgress(),
  idempotencyMismatch: () => errors.idempotencyMismatch(),
  validation: () => errors.validation([{ path: 'body.name', zh: '名称不能为空', en: 'name is required' }]),
  malformedJson: () => errors.malformedJson(),
  unsupportedMediaType: () => errors.unsupportedMediaType(),
  payloadTooLarge: () => errors.payloadTooLarge(256 * 1024),
  invalidCursor: () => errors.invalidCursor(),
  unknownDivision: () => errors.unknownDivision('999999'),
  runInProgress: () => errors.runInProgress(2, '2026-12-22T10:00:00+08:00'),
  evaluationUnavailable: () => errors.evaluationUnavailable(),
  serviceUnavailable: () => errors.serviceUnavailable(),
  internal: () => errors.internal(),
  publicationNotReady: () =>
    errors.publicationNotReady([{ zh: '仍有申诉待复核', en: 'an appeal awaits a decision' }]),
  reportUnitMismatch: () => errors.reportUnitMismatch('office', true),
  tenantLevelNotAllowed: () =>
    errors.tenantLevelNotAllowed(
      '只有省级或市级绩效管理机构可以查看共享的考核结果。',
      'Only a provincial or city office sees shared results.',
    ),
  recipientNotSubscribed: () =>
    errors.recipientNotSubscribed({ zh: '省级绩效管理机构', en: 'Provincial office' }, '黑龙江省', '230000'),
  mappingInvalid: () =>
    errors.mappingInvalid([{ path: 'body.items.0', zh: '标准指标 X 不存在', en: 'no standard X' }]),
  sensitivityTooLarge: () => errors.sensitivityTooLarge(10_000, 2_000, 2_000_000),
  workbookTooLarge: () => errors.workbookTooLarge('bytes', 40 * 1024 * 1024, 812 * 1024 * 1024),
  workbookUnreadable: () => errors.workbookUnreadable('这不是 zip 格式的文件', 'it is not a zip file'),
};

const CJK = /[\u4e00-\u9fff]/;
const entries = Object.entries(SAMPLES) as [Ctor, () => AppError][];

describe('error catalogue', () => {
  it('the sample table covers every constructor', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(errors).sort());
  });

  it.each(entries)('%s yields a well-formed AppError', (_name, make) => {
    const e = make();
    expect(e).toBeInstanceOf(AppError);
    expect(e).toBeInstanceOf(Error);
    expect(isAppError(e)).toBe(true);
    expect(e.name).toBe('AppError');
    expect(e.status).toBeGreaterThanOrEqual(400);
    expect(e.status).toBeLessThan(600);
    expect(e.code).toMatch(/^[a-z][a-z_]*[a-z]$/);
    expect(e.zh.trim()).not.toBe('');
    expect(e.zh).toMatch(CJK);
    expect(e.en.trim()).not.toBe('');
    expect(e.en).toMatch(/[A-Za-z]/);
    expect(e.message).toBe(`${e.code}: ${e.en}`);
    expect(Array.isArray(e.fields)).toBe(true);
    expect(typeof e.detail).toBe('object');
    for (const f of e.fields) {
      expect(f.path).not.toBe('');
      expect(f.zh).toMatch(CJK);
      expect(f.en).not.toBe('');
    }
  });

  it('each constructor has its own code', () => {
    const codes = entries.map(([, make]) => make().code);
    const dupes = codes.filter((c, i) => codes.indexOf(c) !== i);
    expect(dupes).toEqual([]);
  });

  it('a code always carries the same status', () => {
    const statusByCode = new Map<string, number>();
    for (const [, make] of entries) {
      const e = make();
      expect(statusByCode.get(e.code) ?? e.status).toBe(e.status);
      statusByCode.set(e.code, e.status);
    }
  });

  it.each([
    ['unauthenticated', 401],
    ['tokenExpired', 401],
    ['tokenInvalid', 401],
    ['tokenRevoked', 401],
    ['selfLockout', 409],
    ['forbidden', 403],
    ['tenantSuspended', 403],
    ['notFound', 404],
    ['routeNotFound', 404],
    ['methodNotAllowed', 405],
    ['alreadyExists', 409],
    ['versionConflict', 409],
    ['inUse', 409],
    ['idempotencyInProgress', 409],
    ['idempotencyMismatch', 422],
    ['validation', 422],
    ['malformedJson', 400],
    ['unsupportedMediaType', 415],
    ['payloadTooLarge', 413],
    ['invalidCursor', 400],
    ['unknownDivision', 422],
    ['serviceUnavailable', 503],
    ['internal', 500],
    ['workbookTooLarge', 413],
    ['workbookUnreadable', 422],
  ] as const)('%s has status %i', (name, status) => {
    expect(SAMPLES[name]().status).toBe(status);
  });

  it('only the 503s set Retry-After', () => {
    for (const [name, make] of entries) {
      if (name === 'serviceUnavailable' || name === 'evaluationUnavailable') continue;
      expect(make().retryAfterSeconds, name).toBeUndefined();
    }
    expect(errors.serviceUnavailable().retryAfterSeconds).toBe(2);
    expect(errors.serviceUnavailable(7).retryAfterSeconds).toBe(7);
    expect(errors.evaluationUnavailable().retryAfterSeconds).toBe(30);
  });
});

describe('constructor arguments', () => {
  it('selfLockout names what would lock the admin out', () => {
    expect(errors.selfLockout('role').en).toBe('You cannot remove your own admin role.');
    expect(errors.selfLockout('disable').zh).toBe('不能停用自己的账号。');
    expect(errors.selfLockout('disable').code).toBe('self_lockout');
  });

  it('forbidden interpolates what was refused', () => {
    const e = errors.forbidden('修改单位信息', 'change units');
    expect(e.zh).toBe('您的角色无权修改单位信息。');
    expect(e.en).toBe('Your role is not allowed to change units.');
    expect(errors.forbidden().zh).toBe('您的角色无权执行此操作。');
  });

  it('notFound and alreadyExists name the thing', () => {
    expect(errors.notFound('单位', 'Unit')).toMatchObject({ zh: '未找到单位。', en: 'Unit not found.' });
    expect(errors.alreadyExists('单位', 'Unit')).toMatchObject({
      zh: '单位已存在。',
      en: 'Unit already exists.',
    });
  });

  it('versionConflict carries the current version only when known', () => {
    expect(errors.versionConflict(4).detail).toEqual({ currentVersion: 4 });
    expect(errors.versionConflict().detail).toEqual({});
    expect(errors.versionConflict(0).detail).toEqual({ currentVersion: 0 });
  });

  it('validation keeps the field issues', () => {
    const fields = [{ path: 'body.code', zh: '编码无效', en: 'invalid code' }];
    expect(errors.validation(fields).fields).toEqual(fields);
    expect(errors.validation([]).fields).toEqual([]);
  });

  it('payloadTooLarge states the limit in KB and in detail', () => {
    const e = errors.payloadTooLarge(1024 * 1024);
    expect(e.zh).toContain('1024 KB');
    expect(e.en).toContain('1024 KB');
    expect(e.detail).toEqual({ limitBytes: 1024 * 1024 });
  });

  it('unknownDivision names the code and the field path', () => {
    const e = errors.unknownDivision('999999', 'body.divisionCode');
    expect(e.zh).toContain('999999');
    expect(e.en).toContain('999999');
    expect(e.fields).toEqual([
      { path: 'body.divisionCode', zh: '未知的行政区划代码', en: 'unknown division code' },
    ]);
    expect(errors.unknownDivision('1').fields[0]?.path).toBe('body.code');
  });

  it('invalidCursor points at the query parameter', () => {
    expect(errors.invalidCursor().fields[0]?.path).toBe('query.cursor');
  });

  it('unsupportedMediaType names the expected type', () => {
    expect(errors.unsupportedMediaType('text/csv').en).toContain('text/csv');
  });

  it('workbookTooLarge says which limit was passed, with the numbers, in both languages', () => {
    const mb = 1024 * 1024;
    const bytes = errors.workbookTooLarge('bytes', 40 * mb, 812 * mb);
    expect(bytes).toMatchObject({
      status: 413,
      code: 'workbook_too_large',
      zh: '工作簿解压后超过 40 MB（声明 812 MB），已拒绝。',
      en: 'The workbook expands to more than 40 MB (812 MB declared); it was refused.',
      detail: { limit: 'bytes', max: 40 * mb, found: 812 * mb },
    });
    expect(errors.workbookTooLarge('bytes', 40 * mb, 40.5 * mb).zh).toContain('声明 40.5 MB');
    expect(errors.workbookTooLarge('bytes', 4096, 300 * 1024).zh).toBe(
      '工作簿解压后超过 4 KB（声明 300 KB），已拒绝。',
    );
    expect(errors.workbookTooLarge('entries', 2000, 65535)).toMatchObject({
      zh: '工作簿包含超过 2000 个文件（共 65535 个），已拒绝。',
      en: 'The workbook holds more than 2000 files (65535); it was refused.',
    });
    const ratio = errors.workbookTooLarge('ratio', 200, 1030.6, 'xl/worksheets/sheet1.xml');
    expect(ratio.zh).toBe('工作簿中的 xl/worksheets/sheet1.xml 压缩比超过 200 倍（1031 倍），已拒绝。');
    expect(ratio.en).toBe(
      'xl/worksheets/sheet1.xml in the workbook is compressed more than 200:1 (1031:1); it was refused.',
    );
    expect(ratio.detail).toEqual({
      limit: 'ratio',
      max: 200,
      found: 1030.6,
      part: 'xl/worksheets/sheet1.xml',
    });
    const cells = errors.workbookTooLarge('cells', 400000, 400001, 'xl/worksheets/sheet2.xml');
    expect(cells.zh).toBe('工作簿超过 400000 个单元格（读到 xl/worksheets/sheet2.xml 时超出），已拒绝。');
    expect(cells.en).toBe(
      'The workbook has more than 400000 cells (passed in xl/worksheets/sheet2.xml); it was refused.',
    );
    for (const limit of ['rows', 'columns', 'sharedStrings', 'elements', 'merges', 'rangeCells'] as const) {
      const e = errors.workbookTooLarge(limit, 10, 11, 'xl/sharedStrings.xml');
      expect(e.zh, limit).toMatch(/超过 10 .*xl\/sharedStrings\.xml.*已拒绝。$/);
      expect(e.en, limit).toMatch(/more than 10 .*xl\/sharedStrings\.xml.*refused\.$/);
    }
  });

  it('workbookUnreadable gives the reason and asks for an .xlsx', () => {
    expect(errors.workbookUnreadable('这不是 zip 格式的文件', 'it is not a zip file')).toMatchObject({
      status: 422,
      code: 'workbook_unreadable',
      zh: '无法读取工作簿：这不是 zip 格式的文件。请上传 Excel 工作簿（.xlsx）。',
      en: 'Cannot read the workbook: it is not a zip file. Upload an Excel workbook (.xlsx).',
    });
  });

  it('every call builds a fresh instance (no shared mutable state)', () => {
    const a = errors.validation([]);
    const b = errors.validation([]);
    expect(a).not.toBe(b);
    expect(a.fields).not.toBe(b.fields);
    expect(errors.internal().detail).not.toBe(errors.internal().detail);
  });
});

describe('AppError', () => {
  it('defaults optional parts', () => {
    const e = new AppError({ status: 418, code: 'teapot', zh: '茶壶', en: 'teapot' });
    expect(e.fields).toEqual([]);
    expect(e.detail).toEqual({});
    expect(e.retryAfterSeconds).toBeUndefined();
  });

  it('isAppError is false for other errors and non-errors', () => {
    for (const v of [
      new Error('x'),
      new TypeError('x'),
      { code: 'forbidden', status: 403 },
      null,
      undefined,
      'x',
    ])
      expect(isAppError(v)).toBe(false);
  });
});
