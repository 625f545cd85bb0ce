import type { PlanStatus, Tenant, TenantFacts } from '@jixiao/core';
import { keys, PLATFORM_SCOPE } from './keys';
import type { Page, PageRequest, Store } from './store';

const WHAT = { zh: '租户', en: 'Tenant' };

export interface NewTenant extends TenantFacts {
  planStatus: PlanStatus;
  contactName?: string;
  contactPhone?: string;
}

/** The platform's registry of subscribing governments. */
export class TenantsRepo {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  async create(t: NewTenant): Promise<Tenant> {
    const at = this.now().toISOString();
    const item: Tenant = { ...t, version: 1, createdAt: at, updatedAt: at };
    await this.store.create(
      keys.tenant(t.code),
      keys.tenantByProvince(t.provinceCode, t.code),
      { ...item, entity: 'tenant' },
      WHAT,
    );
    return item;
  }

  get = (code: string) => this.store.get<Tenant>(keys.tenant(code));
  getOr404 = (code: string) => this.store.getOr404<Tenant>(keys.tenant(code), WHAT);

  /** `null` clears a contact field. */
  update(
    code: string,
    version: number,
    changes: { [K in 'name' | 'planStatus' | 'contactName' | 'contactPhone']?: Tenant[K] | null },
  ) {
    return this.store.update<Tenant>(
      keys.tenant(code),
      version,
      { ...changes, updatedAt: this.now().toISOString() },
      WHAT,
    );
  }

  list(req: PageRequest): Promise<Page<Tenant>> {
    const p = keys.tenantsPartition();
    return this.store.page<Tenant>({ pk: p.pk, skPrefix: p.skPrefix }, `${PLATFORM_SCOPE}:tenants`, req);
  }

  /** Registry records of one province's tenants (for provincial analysts). */
  listInProvince(province: string, req: PageRequest): Promise<Page<Tenant>> {
    const q = keys.provinceTenants(province);
    return this.store.page<Tenant>(
      { pk: q.gsi1pk, skPrefix: q.skPrefix, index: 'gsi1' },
      `P:${province}:tenants`,
      req,
    );
  }
}
