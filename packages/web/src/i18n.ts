/**
 * The console's one dictionary: every label in Chinese (default) and English, plus the date and
 * number formats users expect. Role, unit-type, level and plan-status labels come from @jixiao/core.
 */
export type Lang = 'zh' | 'en';

export const LANG_COOKIE = 'jx_lang';

export const parseLang = (v: string | undefined | null): Lang | undefined =>
  v === 'zh' || v === 'en' ? v : undefined;

const zh = {
  productName: '绩效管理平台',
  colon: '：',
  productTagline: '政府绩效管理与评估',
  signIn: '登录',
  signInIntro: '请使用本单位分配的账号登录。',
  signInFailed: '登录未完成，请重新登录。',
  signOut: '退出登录',
  switchLang: 'English',
  switchLangLabel: '切换语言',
  nav: '主导航',
  navHome: '首页',
  navTenants: '租户',
  navUnitGroups: '单位分组',
  navUnits: '被考核单位',
  navUsers: '用户',
  skipToMain: '跳到正文',
  // generic
  save: '保存',
  create: '新建',
  cancel: '返回',
  delete: '删除',
  filter: '筛选',
  all: '全部',
  none: '（无）',
  yes: '是',
  no: '否',
  nextPage: '下一页',
  firstPage: '第一页',
  noItems: '暂无数据。',
  actions: '操作',
  edit: '编辑',
  view: '查看',
  required: '必填',
  optional: '选填',
  code: '编码',
  name: '名称',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  version: '版本',
  status: '状态',
  active: '启用',
  inactive: '停用',
  fixErrors: '请修正以下问题：',
  reload: '重新加载最新数据',
  requestId: '请求编号',
  flashCreated: '已创建。',
  flashUpdated: '已保存。',
  flashDeleted: '已删除。',
  // pages
  notFoundTitle: '页面不存在',
  notFoundBody: '您访问的页面不存在或已被移除。',
  backHome: '返回首页',
  forbiddenTitle: '请求被拒绝',
  csrfBody: '出于安全原因，只接受来自本站页面的表单提交。请返回页面后重试。',
  errorTitle: '出错了',
  errorBody: '系统暂时无法处理您的请求，请稍后重试。',
  // home
  homeTitle: '首页',
  welcome: '欢迎，{name}',
  tenantsByStatus: '租户订阅状态',
  totalTenants: '租户总数',
  manageTenants: '管理租户',
  orgOverview: '组织机构概况',
  unitGroupCount: '单位分组',
  unitCount: '被考核单位',
  userCount: '用户',
  nextSteps: '下一步',
  stepGroups: '建立单位分组（如：市直部门、区县政府、办事窗口）',
  stepUnits: '录入被考核单位并归入分组',
  stepUsers: '为考核办、被考核单位和数据提供部门开设用户账号',
  stepIndicators: '构建评估指标体系并开启年度考核周期（即将推出）',
  done: '已完成',
  todo: '待完成',
  yourUnit: '所在单位',
  noUnit: '您的账号尚未关联单位，请联系考核办。',
  provinceTenants: '本省租户',
  welcomeExpert: '您将在此查看分配给您的被考核单位，对定性指标进行评分，并提交评审意见。',
  welcomeEvaluator: '您将在此按照委托合同的范围开展第三方评估，查看授权的单位和指标。',
  welcomeObserver: '您将在此查阅已公开的绩效结果和向人大报告的年度绩效报告。',
  welcomeDataProvider: '您将在此为本部门负责的指标填报或确认数据。',
  welcomeGeneric: '您的工作内容将在后续版本中提供。',
  comingSoon: '相关功能即将推出。',
  // tenants
  tenantsTitle: '租户',
  newTenant: '新建租户',
  tenantCode: '行政区划代码',
  tenantCodeHint: '6 位数字，例如 230100（哈尔滨市）',
  tenantName: '名称',
  tenantNameHint: '留空则使用行政区划名称',
  fullName: '全称',
  level: '层级',
  provinceCode: '所属省份代码',
  planStatus: '订阅状态',
  contactName: '联系人',
  contactPhone: '联系电话',
  tenantDetail: '租户详情',
  editTenant: '修改租户',
  // unit groups
  unitGroupsTitle: '单位分组',
  newUnitGroup: '新建单位分组',
  description: '说明',
  sortOrder: '排序',
  sortOrderHint: '0-9999，数字小的排在前面',
  editUnitGroup: '修改单位分组',
  deleteUnitGroup: '删除单位分组',
  deleteUnitGroupHint: '仅当分组内没有单位时才能删除。',
  // units
  unitsTitle: '被考核单位',
  newUnit: '新建被考核单位',
  editUnit: '修改被考核单位',
  unitCode: '单位编码',
  shortName: '简称',
  unitType: '单位类型',
  group: '所属分组',
  uscc: '统一社会信用代码',
  usccHint: '18 位',
  divisionCode: '行政区划代码',
  divisionCodeHint: '区县政府填写其 6 位行政区划代码',
  division: '行政区划',
  activeLabel: '启用',
  chooseOne: '请选择',
  // users
  usersTitle: '用户',
  newUser: '新建用户',
  editUser: '修改用户',
  userId: '用户编号',
  email: '电子邮箱',
  phone: '手机号',
  roles: '角色',
  unit: '所属单位',
  unitHint: '被考核单位和数据提供部门用户必须指定所属单位',
};

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  productName: 'Jixiao',
  colon: ': ',
  productTagline: 'Government performance management',
  signIn: 'Sign in',
  signInIntro: 'Sign in with the account your organisation gave you.',
  signInFailed: 'Sign-in did not complete; please sign in again.',
  signOut: 'Sign out',
  switchLang: '中文',
  switchLangLabel: 'Switch language',
  nav: 'Main navigation',
  navHome: 'Home',
  navTenants: 'Tenants',
  navUnitGroups: 'Unit groups',
  navUnits: 'Units',
  navUsers: 'Users',
  skipToMain: 'Skip to content',
  save: 'Save',
  create: 'Create',
  cancel: 'Back',
  delete: 'Delete',
  filter: 'Filter',
  all: 'All',
  none: '(none)',
  yes: 'Yes',
  no: 'No',
  nextPage: 'Next page',
  firstPage: 'First page',
  noItems: 'Nothing here yet.',
  actions: 'Actions',
  edit: 'Edit',
  view: 'View',
  required: 'required',
  optional: 'optional',
  code: 'Code',
  name: 'Name',
  createdAt: 'Created',
  updatedAt: 'Updated',
  version: 'Version',
  status: 'Status',
  active: 'Active',
  inactive: 'Inactive',
  fixErrors: 'Please fix the following:',
  reload: 'Reload the latest data',
  requestId: 'Request ID',
  flashCreated: 'Created.',
  flashUpdated: 'Saved.',
  flashDeleted: 'Deleted.',
  notFoundTitle: 'Page not found',
  notFoundBody: 'The page you asked for does not exist or was removed.',
  backHome: 'Back to home',
  forbiddenTitle: 'Request refused',
  csrfBody: 'For your security, forms are only accepted from this site’s own pages. Go back and try again.',
  errorTitle: 'Something went wrong',
  errorBody: 'The system could not handle your request. Please try again later.',
  homeTitle: 'Home',
  welcome: 'Welcome, {name}',
  tenantsByStatus: 'Tenants by plan status',
  totalTenants: 'Total tenants',
  manageTenants: 'Manage tenants',
  orgOverview: 'Organisation',
  unitGroupCount: 'Unit groups',
  unitCount: 'Units',
  userCount: 'Users',
  nextSteps: 'What to do next',
  stepGroups: 'Create unit groups (e.g. departments, district governments, service windows)',
  stepUnits: 'Add the evaluated units and put them in groups',
  stepUsers: 'Create accounts for the office, the units and the data providers',
  stepIndicators: 'Build the indicator system and open the annual cycle (coming soon)',
  done: 'Done',
  todo: 'To do',
  yourUnit: 'Your unit',
  noUnit: 'Your account is not linked to a unit yet; please contact the performance office.',
  provinceTenants: 'Tenants in your province',
  welcomeExpert:
    'Here you will see the units assigned to you, score qualitative indicators and submit your review.',
  welcomeEvaluator:
    'Here you will carry out third-party evaluation within the scope of your contract: the units and indicators you are granted.',
  welcomeObserver: 'Here you will read published results and the annual report to the People’s Congress.',
  welcomeDataProvider: 'Here you will supply or confirm values for the indicators your department owns.',
  welcomeGeneric: 'Your work will be available in a later release.',
  comingSoon: 'Coming soon.',
  tenantsTitle: 'Tenants',
  newTenant: 'New tenant',
  tenantCode: 'Division code',
  tenantCodeHint: '6 digits, e.g. 230100 (Harbin)',
  tenantName: 'Name',
  tenantNameHint: 'Leave empty to use the official division name',
  fullName: 'Full name',
  level: 'Level',
  provinceCode: 'Province code',
  planStatus: 'Plan status',
  contactName: 'Contact',
  contactPhone: 'Contact phone',
  tenantDetail: 'Tenant',
  editTenant: 'Edit tenant',
  unitGroupsTitle: 'Unit groups',
  newUnitGroup: 'New unit group',
  description: 'Description',
  sortOrder: 'Sort order',
  sortOrderHint: '0-9999, lower comes first',
  editUnitGroup: 'Edit unit group',
  deleteUnitGroup: 'Delete unit group',
  deleteUnitGroupHint: 'A group can only be deleted when it has no units.',
  unitsTitle: 'Units',
  newUnit: 'New unit',
  editUnit: 'Edit unit',
  unitCode: 'Unit code',
  shortName: 'Short name',
  unitType: 'Type',
  group: 'Group',
  uscc: 'Unified social credit code (USCC)',
  usccHint: '18 characters',
  divisionCode: 'Division code',
  divisionCodeHint: 'For district/county governments: their 6-digit division code',
  division: 'Division',
  activeLabel: 'Active',
  chooseOne: 'Choose…',
  usersTitle: 'Users',
  newUser: 'New user',
  editUser: 'Edit user',
  userId: 'User ID',
  email: 'E-mail',
  phone: 'Mobile',
  roles: 'Roles',
  unit: 'Unit',
  unitHint: 'Evaluated-unit and data-provider users need a unit',
};

const dictionaries: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** Looks up a label; `{name}` placeholders are filled from `params`. */
export function t(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const s = dictionaries[lang][key];
  return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
}

/** Picks the language's text from a `{ zh, en }` label (as used in core and API messages). */
export const pick = (lang: Lang, label: { zh: string; en: string } | undefined): string =>
  label ? label[lang] : '';

const dateParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An ISO UTC instant shown in Beijing time: `2026年11月27日 18:30` (zh) or `2026-11-27 18:30` (en).
 * Anything unparseable is shown as given.
 */
export function formatDateTime(iso: string | undefined, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p: Record<string, string> = {};
  for (const part of dateParts.formatToParts(d)) p[part.type] = part.value;
  const { year, month = '', day = '', hour, minute } = p;
  return lang === 'zh'
    ? `${year}年${Number(month)}月${Number(day)}日 ${hour}:${minute}`
    : `${year}-${month}-${day} ${hour}:${minute}`;
}

const numberFormat = new Intl.NumberFormat('zh-CN');

/** Numbers with zh-CN grouping (12,345). */
export const formatNumber = (n: number): string => numberFormat.format(n);
