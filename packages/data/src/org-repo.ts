import type { Unit, UnitGroup, User } from '@jixiao/core';
import { keys } from './keys';
import type { Page, PageRequest, Store } from './store';

const GROUP = { zh: '单位分组', en: 'Unit group' };
const UNIT = { zh: '单位', en: 'Unit' };
const USER = { zh: '用户', en: 'User' };

type Changes<T> = { [K in keyof T]?: T[K] | null };
type Stamp = 'version' | 'createdAt' | 'updatedAt';

/**
 * A tenant's organisation: unit groups, units and users. All in one partition per tenant
 * (`T#<code>#ORG`, a few thousand items at most), with gsi1 for units by group and users by unit.
 */
export class OrgRepo {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  private stamp() {
    const at = this.now().toISOString();
    return { version: 1, createdAt: at, updatedAt: at };
  }

  // Unit groups
  async createGroup(t: string, g: Omit<UnitGroup, Stamp>): Promise<UnitGroup> {
    const item: UnitGroup = { ...g, ...this.stamp() };
    await this.store.create(
      keys.unitGroup(t, g.code),
      undefined,
      { ...item, entity: 'unitGroup', tenant: t },
      GROUP,
    );
    return item;
  }
  getGroup = (t: string, code: string) => this.store.get<UnitGroup>(keys.unitGroup(t, code));
  getGroupOr404 = (t: string, code: string) => this.store.getOr404<UnitGroup>(keys.unitGroup(t, code), GROUP);
  updateGroup = (t: string, code: string, version: number, c: Changes<Omit<UnitGroup, Stamp | 'code'>>) =>
    this.store.update<UnitGroup>(
      keys.unitGroup(t, code),
      version,
      { ...c, updatedAt: this.now().toISOString() },
      GROUP,
    );
  deleteGroup = (t: string, code: string, version: number) =>
    this.store.remove(keys.unitGroup(t, code), version, GROUP);
  /** Every unit group code of the tenant (for "does this group exist" checks). */
  async groupCodes(t: string): Promise<string[]> {
    const groups = await this.store.all<{ code: string }>(
      { ...keys.unitGroups(t), attributes: ['code'] },
      `T:${t}:groups:all`,
    );
    return groups.map((g) => g.code);
  }
  listGroups(t: string, req: PageRequest): Promise<Page<UnitGroup>> {
    const q = keys.unitGroups(t);
    return this.store.page<UnitGroup>(q, `T:${t}:groups`, req);
  }

  // Units
  async createUnit(t: string, u: Omit<Unit, Stamp>): Promise<Unit> {
    const item: Unit = { ...u, ...this.stamp() };
    await this.store.create(
      keys.unit(t, u.code),
      keys.unitInGroup(t, u.group, u.code),
      { ...item, entity: 'unit', tenant: t },
      UNIT,
    );
    return item;
  }
  getUnit = (t: string, code: string) => this.store.get<Unit>(keys.unit(t, code));
  getUnitOr404 = (t: string, code: string) => this.store.getOr404<Unit>(keys.unit(t, code), UNIT);
  updateUnit(
    t: string,
    code: string,
    version: number,
    c: Changes<Omit<Unit, Stamp | 'code'>>,
    group: string,
  ) {
    return this.store.update<Unit>(
      keys.unit(t, code),
      version,
      { ...c, updatedAt: this.now().toISOString() },
      UNIT,
      keys.unitInGroup(t, group, code),
    );
  }
  listUnits(t: string, req: PageRequest & { group?: string }): Promise<Page<Unit>> {
    if (req.group) {
      const q = keys.unitsInGroup(t, req.group);
      return this.store.page<Unit>(
        { pk: q.gsi1pk, skPrefix: q.skPrefix, index: 'gsi1' },
        `T:${t}:units:${req.group}`,
        req,
      );
    }
    return this.store.page<Unit>(keys.units(t), `T:${t}:units`, req);
  }
  async groupHasUnits(t: string, group: string): Promise<boolean> {
    const q = keys.unitsInGroup(t, group);
    const p = await this.store.page<Unit>(
      { pk: q.gsi1pk, skPrefix: q.skPrefix, index: 'gsi1' },
      `T:${t}:units:${group}`,
      { limit: 1 },
    );
    return p.items.length > 0;
  }

  // Users
  async createUser(t: string, u: Omit<User, Stamp>): Promise<User> {
    const item: User = { ...u, ...this.stamp() };
    await this.store.create(
      keys.user(t, u.id),
      u.unit ? keys.userInUnit(t, u.unit, u.id) : undefined,
      { ...item, entity: 'user', tenant: t },
      USER,
    );
    return item;
  }
  getUser = (t: string, id: string) => this.store.get<User>(keys.user(t, id));
  getUserOr404 = (t: string, id: string) => this.store.getOr404<User>(keys.user(t, id), USER);
  /** Removes a user at the given version (only to undo a create whose sign-in account failed). */
  deleteUser = (t: string, id: string, version: number) => this.store.remove(keys.user(t, id), version, USER);
  updateUser(
    t: string,
    id: string,
    version: number,
    c: Changes<Omit<User, Stamp | 'id'>>,
    unit: string | undefined,
  ) {
    const index = unit ? keys.userInUnit(t, unit, id) : { gsi1pk: null, gsi1sk: null };
    return this.store.update<User>(
      keys.user(t, id),
      version,
      { ...c, ...index, updatedAt: this.now().toISOString() },
      USER,
    );
  }
  listUsers(t: string, req: PageRequest & { unit?: string }): Promise<Page<User>> {
    if (req.unit) {
      const q = keys.usersInUnit(t, req.unit);
      return this.store.page<User>(
        { pk: q.gsi1pk, skPrefix: q.skPrefix, index: 'gsi1' },
        `T:${t}:users:${req.unit}`,
        req,
      );
    }
    return this.store.page<User>(keys.users(t), `T:${t}:users`, req);
  }
}
