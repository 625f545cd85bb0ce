import { AppError, type FieldIssue } from './app-error';

/** The limits an uploaded workbook is held to before it is parsed (packages/reports xlsx-guard). */
export type WorkbookLimit =
  | 'entries'
  | 'bytes'
  | 'ratio'
  | 'rows'
  | 'columns'
  | 'cells'
  | 'sharedStrings'
  | 'elements'
  | 'merges'
  | 'rangeCells';

/** 40 MB, 812 MB, 1.5 MB, 300 KB. */
const size = (bytes: number): string => {
  const mb = bytes / (1024 * 1024);
  if (mb < 1) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${mb >= 100 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
};

/** Which limit a workbook passed, with the numbers; `found` is stated only when it was read whole. */
function workbookLimitText(limit: WorkbookLimit, max: number, found: number, part: string) {
  const at = { zh: part ? `（读到 ${part} 时超出）` : '', en: part ? ` (passed in ${part})` : '' };
  switch (limit) {
    case 'entries':
      return {
        zh: `工作簿包含超过 ${max} 个文件（共 ${found} 个）`,
        en: `The workbook holds more than ${max} files (${found})`,
      };
    case 'bytes':
      return {
        zh: `工作簿解压后超过 ${size(max)}（声明 ${size(found)}）`,
        en: `The workbook expands to more than ${size(max)} (${size(found)} declared)`,
      };
    case 'ratio':
      return {
        zh: `工作簿中的 ${part} 压缩比超过 ${max} 倍（${Math.round(found)} 倍）`,
        en: `${part} in the workbook is compressed more than ${max}:1 (${Math.round(found)}:1)`,
      };
    case 'rows':
      return { zh: `工作簿超过 ${max} 行${at.zh}`, en: `The workbook has more than ${max} rows${at.en}` };
    case 'columns':
      return { zh: `工作簿超过 ${max} 列${at.zh}`, en: `The workbook has more than ${max} columns${at.en}` };
    case 'cells':
      return {
        zh: `工作簿超过 ${max} 个单元格${at.zh}`,
        en: `The workbook has more than ${max} cells${at.en}`,
      };
    case 'sharedStrings':
      return {
        zh: `工作簿的共享字符串超过 ${max} 个${at.zh}`,
        en: `The workbook has more than ${max} shared strings${at.en}`,
      };
    case 'elements':
      return {
        zh: `工作簿的 XML 元素超过 ${max} 个${at.zh}`,
        en: `The workbook has more than ${max} XML elements${at.en}`,
      };
    case 'merges':
      return {
        zh: `工作簿的合并单元格超过 ${max} 处${at.zh}`,
        en: `The workbook has more than ${max} merged ranges${at.en}`,
      };
    case 'rangeCells':
      return {
        zh: `工作簿的数据验证和名称覆盖超过 ${max} 个单元格${at.zh}`,
        en: `The workbook's data validations and defined names cover more than ${max} cells${at.en}`,
      };
  }
}

/**
 * The catalogue of errors, one constructor each, so that a code always carries the same status
 * and wording wherever it is raised.
 */
export const errors = {
  unauthenticated: () =>
    new AppError({
      status: 401,
      code: 'unauthenticated',
      zh: '未登录或登录已过期，请重新登录。',
      en: 'Not signed in, or the session has expired. Please sign in again.',
    }),
  /** A token signed by a trusted key whose `exp` has passed or whose `iat` is older than the maximum age. */
  tokenExpired: () =>
    new AppError({
      status: 401,
      code: 'token_expired',
      zh: '登录已过期，请重新登录。',
      en: 'The session has expired. Please sign in again.',
    }),
  /** A token signed by a trusted key without `exp` or `iat`, or issued in the future beyond the clock skew. */
  tokenInvalid: () =>
    new AppError({
      status: 401,
      code: 'token_invalid',
      zh: '登录凭证的有效期信息无效，请重新登录。',
      en: 'The sign-in token has no valid lifetime. Please sign in again.',
    }),
  /**
   * A valid token of a session that has ended: the user signed out, was disabled, had their roles
   * or unit changed (the token carries the old ones), or no longer exists.
   */
  tokenRevoked: () =>
    new AppError({
      status: 401,
      code: 'token_revoked',
      zh: '登录已失效（已退出登录，或账号已停用、权限已变更），请重新登录。',
      en: 'This session has ended (signed out, or the account was disabled or its roles changed). Please sign in again.',
    }),
  /** An admin removing their own admin role or disabling their own account would lock the tenant out. */
  selfLockout: (what: 'role' | 'disable') =>
    new AppError({
      status: 409,
      code: 'self_lockout',
      zh: what === 'role' ? '不能移除自己的管理员角色。' : '不能停用自己的账号。',
      en: what === 'role' ? 'You cannot remove your own admin role.' : 'You cannot disable your own account.',
    }),
  forbidden: (zhWhat = '执行此操作', enWhat = 'do this') =>
    new AppError({
      status: 403,
      code: 'forbidden',
      zh: `您的角色无权${zhWhat}。`,
      en: `Your role is not allowed to ${enWhat}.`,
    }),
  tenantSuspended: () =>
    new AppError({
      status: 403,
      code: 'tenant_suspended',
      zh: '本单位的订阅已暂停或终止，请联系平台运营方。',
      en: "This tenant's subscription is suspended or has ended; contact the platform operator.",
    }),
  notFound: (zhWhat: string, enWhat: string) =>
    new AppError({
      status: 404,
      code: 'not_found',
      zh: `未找到${zhWhat}。`,
      en: `${enWhat} not found.`,
    }),
  routeNotFound: () =>
    new AppError({ status: 404, code: 'route_not_found', zh: '请求的地址不存在。', en: 'No such route.' }),
  methodNotAllowed: () =>
    new AppError({
      status: 405,
      code: 'method_not_allowed',
      zh: '不支持该请求方法。',
      en: 'Method not allowed.',
    }),
  alreadyExists: (zhWhat: string, enWhat: string) =>
    new AppError({
      status: 409,
      code: 'already_exists',
      zh: `${zhWhat}已存在。`,
      en: `${enWhat} already exists.`,
    }),
  versionConflict: (current?: number) =>
    new AppError({
      status: 409,
      code: 'version_conflict',
      zh: '数据已被他人修改，请刷新后重试。',
      en: 'Someone else changed this record; reload and try again.',
      detail: current === undefined ? {} : { currentVersion: current },
    }),
  /** A field names something that does not exist (or is out of reach) in this tenant. */
  invalidReference: (path: string, zh: string, en: string) =>
    new AppError({ status: 422, code: 'invalid_reference', zh, en, fields: [{ path, zh, en }] }),
  inUse: (zhWhy: string, enWhy: string) =>
    new AppError({ status: 409, code: 'in_use', zh: zhWhy, en: enWhy }),
  idempotencyInProgress: () =>
    new AppError({
      status: 409,
      code: 'idempotency_in_progress',
      zh: '相同幂等键的请求正在处理中，请稍后重试。',
      en: 'A request with the same Idempotency-Key is still being processed; retry shortly.',
    }),
  idempotencyMismatch: () =>
    new AppError({
      status: 422,
      code: 'idempotency_key_reused',
      zh: '该幂等键已用于内容不同的请求。',
      en: 'This Idempotency-Key was already used with a different request body.',
    }),
  validation: (fields: FieldIssue[]) =>
    new AppError({
      status: 422,
      code: 'validation_failed',
      zh: '提交的数据不符合要求，请检查标出的字段。',
      en: 'The submitted data is invalid; check the fields listed.',
      fields,
    }),
  malformedJson: () =>
    new AppError({
      status: 400,
      code: 'malformed_json',
      zh: '请求体不是有效的 JSON。',
      en: 'The request body is not valid JSON.',
    }),
  unsupportedMediaType: (expected = 'application/json') =>
    new AppError({
      status: 415,
      code: 'unsupported_media_type',
      zh: `请求体类型必须为 ${expected}。`,
      en: `The request body must be ${expected}.`,
    }),
  payloadTooLarge: (limitBytes: number) =>
    new AppError({
      status: 413,
      code: 'payload_too_large',
      zh: `请求体过大，上限为 ${Math.round(limitBytes / 1024)} KB。`,
      en: `The request body is too large; the limit is ${Math.round(limitBytes / 1024)} KB.`,
      detail: { limitBytes },
    }),
  invalidCursor: () =>
    new AppError({
      status: 400,
      code: 'invalid_cursor',
      zh: '分页游标无效或已失效。',
      en: 'The paging cursor is invalid or was not issued to you.',
      fields: [{ path: 'query.cursor', zh: '分页游标无效', en: 'invalid cursor' }],
    }),
  unknownDivision: (code: string, path = 'body.code') =>
    new AppError({
      status: 422,
      code: 'unknown_division_code',
      zh: `行政区划代码 ${code} 不在 GB/T 2260 代码表中。`,
      en: `Administrative division code ${code} is not in the GB/T 2260 code list.`,
      fields: [{ path, zh: '未知的行政区划代码', en: 'unknown division code' }],
    }),
  /** Another run of the year-end batch holds the cycle (one run at a time). */
  runInProgress: (number: number, startedAt: string) =>
    new AppError({
      status: 409,
      code: 'run_in_progress',
      zh: `本考核周期的第 ${number} 次计算正在进行（开始于 ${startedAt}），请等待其完成或中断后再发起。`,
      en: `Run ${number} of this cycle is under way (started ${startedAt}); wait until it finishes or stops.`,
      detail: { number, startedAt },
    }),
  /** The deployment cannot start the year-end state machine. */
  evaluationUnavailable: () =>
    new AppError({
      status: 503,
      code: 'evaluation_unavailable',
      zh: '年终评估计算服务暂不可用，请稍后重试。',
      en: 'The year-end evaluation service is unavailable; retry shortly.',
      retryAfterSeconds: 30,
    }),
  serviceUnavailable: (retryAfterSeconds = 2) =>
    new AppError({
      status: 503,
      code: 'service_unavailable',
      zh: '服务繁忙，请稍后重试。',
      en: 'The service is busy; please retry shortly.',
      retryAfterSeconds,
    }),
  internal: () =>
    new AppError({
      status: 500,
      code: 'internal_error',
      zh: '服务器内部错误，已记录，请稍后重试。',
      en: 'Internal error; it has been logged. Please retry later.',
    }),
  /** The office may not publish the cycle's results now; every reason is named (both languages). */
  publicationNotReady: (blockers: readonly { zh: string; en: string }[]) =>
    new AppError({
      status: 409,
      code: 'publication_not_ready',
      zh: `暂不能公开绩效结果：${blockers.map((b) => b.zh).join('；')}`,
      en: `The results cannot be published now: ${blockers.map((b) => b.en).join('; ')}`,
      detail: { blockers },
    }),
  /** A report's `unit` is missing for a unit report, or given for the office's or the Congress report. */
  reportUnitMismatch: (kind: string, given: boolean) =>
    new AppError({
      status: 400,
      code: 'report_unit_mismatch',
      zh: given ? '只有单位绩效评估报告需要指定单位（unit）。' : '单位绩效评估报告须指定单位（unit）。',
      en: given
        ? `Only a unit report names a unit; a ${kind} report takes no \`unit\`.`
        : 'A unit report needs `unit`, the unit it is about.',
      fields: [
        given
          ? { path: 'query.unit', zh: '该报告类型不指定单位', en: 'not taken by this kind of report' }
          : { path: 'query.unit', zh: '须指定单位', en: 'required for a unit report' },
      ],
    }),
  /**
   * The caller's tenant is not at the level the action is for (#12): only a province keeps the
   * standard library, only a province or a city receives shares and compares, only a city sends
   * guidance down. The words say who may.
   */
  tenantLevelNotAllowed: (zh: string, en: string) =>
    new AppError({ status: 403, code: 'tenant_level_not_allowed', zh, en }),
  /** A share's recipient (the province, or the city above a county) does not subscribe to the platform. */
  recipientNotSubscribed: (kind: { zh: string; en: string }, name: string, code: string) =>
    new AppError({
      status: 409,
      code: 'recipient_not_subscribed',
      zh: `${kind.zh}（${name}，${code}）尚未开通本平台，暂不能向其共享考核结果。`,
      en: `The ${kind.en.toLowerCase()} (${name}, ${code}) does not subscribe to the platform; results cannot be shared with it yet.`,
      detail: { recipient: code },
    }),
  /** A tenant's mapping of its leaves to the standard library has problems; every one is listed. */
  mappingInvalid: (fields: FieldIssue[]) =>
    new AppError({
      status: 422,
      code: 'mapping_invalid',
      zh: `指标对标有 ${fields.length} 处问题，请逐项修改后再保存。`,
      en: `The indicator mapping has ${fields.length} problem${fields.length === 1 ? '' : 's'}; fix each and save again.`,
      fields,
    }),
  /** A rank-sensitivity request would take too long: draws × ranked rows is bounded. */
  sensitivityTooLarge: (draws: number, rows: number, max: number) =>
    new AppError({
      status: 422,
      code: 'sensitivity_too_large',
      zh: `扰动次数 × 地区数不能超过 ${max.toLocaleString('en-US')}（本次 ${draws} × ${rows}），请减少扰动次数。`,
      en: `Draws × regions may not exceed ${max.toLocaleString('en-US')} (asked ${draws} × ${rows}); ask for fewer draws.`,
      fields: [
        {
          path: 'body.draws',
          zh: `至多 ${Math.max(1, Math.floor(max / Math.max(1, rows)))} 次`,
          en: `at most ${Math.max(1, Math.floor(max / Math.max(1, rows)))}`,
        },
      ],
      detail: { draws, rows, max },
    }),
  /** An uploaded workbook passes a limit checked before it is parsed (a zip bomb, or simply too big). */
  workbookTooLarge: (limit: WorkbookLimit, max: number, found: number, part = '') => {
    const t = workbookLimitText(limit, max, found, part);
    return new AppError({
      status: 413,
      code: 'workbook_too_large',
      zh: `${t.zh}，已拒绝。`,
      en: `${t.en}; it was refused.`,
      detail: { limit, max, found, ...(part ? { part } : {}) },
    });
  },
  /** An uploaded workbook is not a zip, or its zip is damaged, forged or unsafe to unpack. */
  workbookUnreadable: (zhWhy: string, enWhy: string) =>
    new AppError({
      status: 422,
      code: 'workbook_unreadable',
      zh: `无法读取工作簿：${zhWhy}。请上传 Excel 工作簿（.xlsx）。`,
      en: `Cannot read the workbook: ${enWhy}. Upload an Excel workbook (.xlsx).`,
    }),
} as const;
