import type { Identity, Tenant, Unit, UnitGroup, User } from '@jixiao/core';

export type { Tenant, Unit, UnitGroup, User };

/** `GET /v1/me`. */
export interface Me {
  identity: Identity;
  tenant?: Tenant;
}

/** `GET /v1/divisions/{code}`. */
export interface Division {
  code: string;
  name: string;
  level: string;
  provinceCode: string;
  parentCode?: string;
  fullName: string;
}
