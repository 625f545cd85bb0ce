import { z } from 'zod';
import { TENANT_ROLES, UNIT_SCOPED_ROLES } from '../auth/roles';
import { DIVISION_CODE_PATTERN } from '../tenancy/divisions';
import { checkUscc } from './uscc';

/**
 * Schemas of the organisation: tenants, unit groups, units and users. They are the single source
 * for validation at every boundary and for the OpenAPI document.
 */

const zh = (zhText: string, enText: string) => `${zhText} / ${enText}`;

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

export const codeSchema = z
  .string()
  .regex(CODE_PATTERN, {
    message: zh('编码须为 1-32 位字母、数字、下划线或连字符', 'code must be 1-32 letters, digits, _ or -'),
  })
  .meta({ description: 'Stable code, 1-32 of A-Z a-z 0-9 _ -', example: 'FGW' });

export const divisionCodeSchema = z
  .string()
  .regex(DIVISION_CODE_PATTERN, {
    message: zh('行政区划代码须为 6 位数字', 'division code must be 6 digits'),
  })
  .meta({ description: 'GB/T 2260 administrative division code', example: '230100' });

const nameSchema = z
  .string()
  .trim()
  .min(1, { message: zh('名称不能为空', 'name is required') })
  .max(100, { message: zh('名称不超过 100 个字符', 'name is at most 100 characters') });

export const usccSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    const p = checkUscc(v);
    if (!p) return;
    const msg = {
      length: zh('统一社会信用代码须为 18 位', 'USCC must be 18 characters'),
      characters: zh('统一社会信用代码含有无效字符', 'USCC contains invalid characters'),
      check_digit: zh('统一社会信用代码校验位错误', 'USCC check character is wrong'),
    }[p];
    ctx.addIssue({ code: 'custom', message: msg });
  })
  .meta({
    description: '统一社会信用代码 (GB 32100), check character verified',
    example: '11230100MB1234567P',
  });

/** An optional field on a PATCH: `null` clears the stored value, absence leaves it alone. */
const clearable = <T extends z.ZodType>(s: T) => s.nullable().meta({ description: 'null clears the value' });

export const TENANT_LEVELS = ['province', 'city', 'county', 'district'] as const;
export type TenantLevel = (typeof TENANT_LEVELS)[number];
export const PLAN_STATUSES = ['trial', 'active', 'suspended', 'ended'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

const versioned = {
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const tenantCreateSchema = z
  .object({
    code: divisionCodeSchema,
    name: nameSchema.optional().meta({ description: 'Defaults to the GB/T 2260 name' }),
    planStatus: z.enum(PLAN_STATUSES).default('trial'),
    contactName: z.string().trim().max(50).optional(),
    contactPhone: z
      .string()
      .trim()
      .regex(/^[0-9+\-() ]{5,20}$/, { message: zh('电话格式不正确', 'invalid phone number') })
      .optional(),
  })
  .strict();
export const tenantPatchSchema = z
  .object({
    version: z.number().int().positive(),
    name: nameSchema.optional(),
    planStatus: z.enum(PLAN_STATUSES).optional(),
    contactName: clearable(z.string().trim().max(50)).optional(),
    contactPhone: clearable(tenantCreateSchema.shape.contactPhone.unwrap()).optional(),
  })
  .strict();
export const tenantSchema = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  level: z.enum(TENANT_LEVELS),
  provinceCode: z.string(),
  planStatus: z.enum(PLAN_STATUSES),
  contactName: z.string().optional(),
  contactPhone: z.string().optional(),
  ...versioned,
});
export type Tenant = z.infer<typeof tenantSchema>;

export const unitGroupCreateSchema = z
  .object({
    code: codeSchema,
    name: nameSchema,
    description: z.string().trim().max(500).optional(),
    sortOrder: z.number().int().min(0).max(9999).default(100),
  })
  .strict();
export const unitGroupPatchSchema = z
  .object({
    version: z.number().int().positive(),
    name: nameSchema.optional(),
    description: clearable(z.string().trim().max(500)).optional(),
    sortOrder: z.number().int().min(0).max(9999).optional(),
  })
  .strict();
export const unitGroupSchema = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string().optional(),
  sortOrder: z.number(),
  ...versioned,
});
export type UnitGroup = z.infer<typeof unitGroupSchema>;

export const UNIT_TYPES = [
  'department',
  'district_government',
  'service_window',
  'service_provider',
  'project',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/**
 * A unit's or a user's state, as shown (启用 / 停用); stored as the boolean `active`. Labels (of this
 * and every enum here) are in ../vocabulary.
 */
export const ACTIVE_STATES = ['active', 'inactive'] as const;
export type ActiveState = (typeof ACTIVE_STATES)[number];
export const activeState = (active: boolean): ActiveState => (active ? 'active' : 'inactive');

const unitFields = {
  name: nameSchema,
  shortName: z.string().trim().max(20).optional(),
  type: z.enum(UNIT_TYPES),
  group: codeSchema.meta({ description: 'Unit group code' }),
  uscc: usccSchema.optional(),
  divisionCode: divisionCodeSchema.optional().meta({ description: 'For district governments: its division' }),
  active: z.boolean().default(true),
};
export const unitCreateSchema = z.object({ code: codeSchema, ...unitFields }).strict();
export const unitPatchSchema = z
  .object({
    version: z.number().int().positive(),
    name: unitFields.name.optional(),
    shortName: clearable(unitFields.shortName.unwrap()).optional(),
    type: unitFields.type.optional(),
    group: unitFields.group.optional(),
    uscc: clearable(usccSchema).optional(),
    divisionCode: clearable(divisionCodeSchema).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export const unitSchema = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string().optional(),
  type: z.enum(UNIT_TYPES),
  group: z.string(),
  uscc: z.string().optional(),
  divisionCode: z.string().optional(),
  active: z.boolean(),
  ...versioned,
});
export type Unit = z.infer<typeof unitSchema>;

const roleList = z
  .array(z.enum(TENANT_ROLES))
  .min(1, { message: zh('至少分配一个角色', 'at least one role is required') })
  .max(TENANT_ROLES.length)
  .refine((r) => new Set(r).size === r.length, { message: zh('角色不能重复', 'roles must be unique') });

const userFields = {
  name: nameSchema,
  email: z
    .email({ message: zh('邮箱格式不正确', 'invalid e-mail address') })
    .max(200)
    .optional(),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, { message: zh('手机号须为 11 位', 'mobile number must be 11 digits') })
    .optional(),
  roles: roleList,
  unit: codeSchema
    .optional()
    .meta({ description: 'Unit the user belongs to; required for unit_user and data_provider' }),
  active: z.boolean().default(true),
};

const needsUnit = (u: { roles?: readonly string[]; unit?: string | undefined }) =>
  !u.roles ||
  u.unit !== undefined ||
  !u.roles.some((r) => (UNIT_SCOPED_ROLES as readonly string[]).includes(r));
const unitRequired = {
  message: zh(
    '被考核单位和数据提供部门用户必须指定所属单位',
    'unit_user and data_provider users need a unit',
  ),
  path: ['unit'],
};

export const userCreateSchema = z.object(userFields).strict().refine(needsUnit, unitRequired);
export const userPatchSchema = z
  .object({
    version: z.number().int().positive(),
    name: userFields.name.optional(),
    email: clearable(userFields.email.unwrap()).optional(),
    phone: clearable(userFields.phone.unwrap()).optional(),
    roles: roleList.optional(),
    unit: clearable(codeSchema).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
  roles: z.array(z.enum(TENANT_ROLES)),
  unit: z.string().optional(),
  active: z.boolean(),
  ...versioned,
});
export type User = z.infer<typeof userSchema>;
export { needsUnit as userHasRequiredUnit };
