import { errors } from '../errors/catalogue';
import { hasRole, type Identity, ROLES, type Role } from './roles';

/**
 * What each role may do. Route handlers ask `authorize(identity, action)` once; the answer is
 * 403 for a role that may never do the action. Whether a particular record is visible (another
 * tenant, another unit) is a 404, decided by the scope helpers below.
 */
export const ACTIONS = {
  'platform:tenants': ['platform_operator'],
  'province:tenants': ['provincial_analyst'],
  'tenant:read': [
    'tenant_admin',
    'unit_user',
    'data_provider',
    'expert',
    'evaluator',
    'observer',
    'provincial_analyst',
  ],
  'org:read': ['tenant_admin', 'unit_user', 'data_provider', 'expert', 'evaluator', 'observer'],
  'org:write': ['tenant_admin'],
  'users:read': ['tenant_admin', 'unit_user'],
  'users:write': ['tenant_admin'],
  'indicators:read': ['tenant_admin', 'unit_user', 'data_provider', 'expert', 'evaluator', 'observer'],
  'indicators:drafts': ['tenant_admin'],
  'indicators:draft': ['tenant_admin', 'unit_user'],
  'indicators:write': ['tenant_admin'],
  'reference:read': ROLES,
  'cycles:read': ['tenant_admin', 'unit_user', 'data_provider', 'expert', 'evaluator', 'observer'],
  'cycles:write': ['tenant_admin'],
  'cycles:oversee': ['tenant_admin', 'observer'],
  'plans:write': ['unit_user'],
  'plans:review': ['tenant_admin'],
  'cycles:act': ['tenant_admin', 'unit_user'],
  'progress:write': ['unit_user'],
  'checks:write': ['tenant_admin'],
  'self:write': ['unit_user'],
  'values:verify': ['tenant_admin', 'data_provider'],
  'audit:read': ['tenant_admin'],
  'evidence:write': ['tenant_admin', 'unit_user'],
  'settings:write': ['tenant_admin'],
  'experts:manage': ['tenant_admin'],
  'experts:score': ['expert'],
  'surveys:manage': ['tenant_admin'],
  'meeting:write': ['tenant_admin'],
  'evaluation:run': ['tenant_admin'],
  'appeals:write': ['unit_user'],
  'appeals:decide': ['tenant_admin'],
  'rectification:manage': ['tenant_admin'],
  'rectification:report': ['unit_user'],
  'results:use': ['tenant_admin'],
  'results:publish': ['tenant_admin'],
  'reports:read': ['tenant_admin', 'observer', 'unit_user'],
  // #12: a tenant shares its released results up and maps its leaves to the province's library;
  // the province (or a city, for its counties) keeps the library and peer groups and compares.
  'sharing:manage': ['tenant_admin'],
  'standards:read': ['tenant_admin', 'provincial_analyst', 'observer'],
  'comparison:manage': ['tenant_admin'],
  'comparison:read': ['tenant_admin', 'provincial_analyst', 'observer'],
  'guidance:send': ['tenant_admin'],
  'guidance:read': ['tenant_admin', 'observer'],
} as const satisfies Record<string, readonly Role[]>;
export type Action = keyof typeof ACTIONS;

const WORDS: Record<Action, [string, string]> = {
  'platform:tenants': ['管理租户', 'manage tenants'],
  'province:tenants': ['查看本省租户', "view the province's tenants"],
  'tenant:read': ['查看本租户信息', 'view this tenant'],
  'org:read': ['查看单位信息', 'view units'],
  'org:write': ['修改单位信息', 'change units'],
  'users:read': ['查看用户', 'view users'],
  'users:write': ['管理用户', 'manage users'],
  'indicators:read': ['查看指标体系', 'view indicator systems'],
  'indicators:drafts': ['查看未备案的指标体系', 'view indicator systems not yet approved'],
  'indicators:draft': ['编制本单位指标体系', "draft the unit's own indicator system"],
  'indicators:write': ['编制指标体系', 'edit indicator systems'],
  'reference:read': ['查看参考数据', 'view reference data'],
  'cycles:read': ['查看考核周期', 'view evaluation cycles'],
  'cycles:write': ['管理考核周期', 'manage evaluation cycles'],
  'cycles:oversee': ['查看各单位进展总览', 'oversee every unit of a cycle'],
  'plans:write': ['编制本单位绩效计划', "write the unit's performance plans"],
  'plans:review': ['审核绩效计划', 'review performance plans'],
  'cycles:act': ['办理本单位或考核办的周期事项', 'act on cycle records (unit or office)'],
  'progress:write': ['报送本单位进度', "report the unit's progress"],
  'checks:write': ['记录察访核验和诊断咨询', 'record spot checks and consultations'],
  'self:write': ['填报本单位自评', "write the unit's self-assessment"],
  'values:verify': ['核验指标数据', 'verify values'],
  'audit:read': ['查看审计日志', 'view the audit trail'],
  'evidence:write': ['上传佐证材料', 'upload evidence'],
  'settings:write': ['修改本租户设置', "change the tenant's settings"],
  'experts:manage': ['管理专家评审', 'manage the expert review'],
  'experts:score': ['为分配的单位评分', 'score assigned units as an expert'],
  'surveys:manage': ['管理满意度测评', 'manage satisfaction surveys'],
  'meeting:write': ['记录评议会', 'record the review meeting'],
  'evaluation:run': ['运行年终评估计算并发布结果', 'run the year-end evaluation and release results'],
  'appeals:write': ['提出本单位申诉', "appeal the unit's results"],
  'appeals:decide': ['复核申诉', 'decide appeals'],
  'rectification:manage': ['管理整改任务', 'manage rectification tasks'],
  'rectification:report': ['报送本单位整改进展', "report the unit's rectification progress"],
  'results:use': ['记录结果运用', 'record the use of results'],
  'results:publish': ['公开绩效结果', 'publish results'],
  'reports:read': ['查看和下载绩效评估报告', 'read and download evaluation reports'],
  'sharing:manage': ['向上级共享考核结果和维护指标对标', 'share results upward and map indicators'],
  'standards:read': ['查看省级标准指标库', "view the province's standard indicators"],
  'comparison:manage': ['维护标准指标库和分类考核组', 'keep the standard library and peer groups'],
  'comparison:read': ['查看跨地区比较分析', 'view cross-region comparisons'],
  'guidance:send': ['向所辖县（市、区）下发指导文件', 'send guidance to the counties below'],
  'guidance:read': ['查看上级指导文件', 'read guidance from the office above'],
};

/** Actions on a tenant's evaluation year: they need a tenant in the token. */
const TENANT_WORK = [
  'cycles:',
  'plans:',
  'progress:',
  'checks:',
  'self:',
  'values:',
  'audit:',
  'evidence:',
  'settings:',
  'experts:',
  'surveys:',
  'meeting:',
  'evaluation:',
  'appeals:',
  'rectification:',
  'results:',
  'reports:',
  'sharing:',
  'standards:',
  'comparison:',
  'guidance:',
];

export function can(id: Identity, action: Action): boolean {
  if (!hasRole(id, ...ACTIONS[action])) return false;
  // Tenant-scoped actions need a tenant in the token; the operator never has one.
  if (
    action.startsWith('org:') ||
    action.startsWith('users:') ||
    action === 'tenant:read' ||
    TENANT_WORK.some((p) => action.startsWith(p))
  )
    return !!id.tenant;
  if (action === 'province:tenants') return !!id.province;
  return true;
}

/** Throws 403 unless the identity may perform the action. */
export function authorize(id: Identity, action: Action): void {
  if (!can(id, action)) {
    const [zh, en] = WORDS[action];
    throw errors.forbidden(zh, en);
  }
}

/**
 * The unit a caller is confined to, or undefined when the caller sees the whole tenant.
 * Unit users see only their own unit; office-wide roles (admin, observer, experts, evaluators,
 * data providers who report on every unit) see all.
 */
export function unitScope(id: Identity): string | undefined {
  if (hasRole(id, 'tenant_admin', 'observer', 'expert', 'evaluator', 'data_provider')) return undefined;
  // A unit user without a unit sees nothing: the sentinel matches no unit code.
  return id.unit ?? '#none';
}

/** The province a provincial analyst works for (the action was already permitted, so it is set). */
export function provinceOf(id: Identity): string {
  if (!id.province) throw errors.forbidden('查看本省租户', "view the province's tenants");
  return id.province;
}

export function tenantOf(id: Identity): string {
  if (!id.tenant) throw errors.forbidden('访问租户数据', 'access tenant data');
  return id.tenant;
}
