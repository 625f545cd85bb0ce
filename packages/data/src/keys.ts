/**
 * The one key builder. Every DynamoDB key and every S3 object key of the product is made here,
 * and every tenant key starts with the tenant (`T#<code>#…`, `tenants/<code>/…`), so that the
 * cloud IAM condition `dynamodb:LeadingKeys = T#<code>#*` and the S3 prefix policy can hold.
 */
/** The owner name of platform-level records (operator actions) where a tenant slot is needed. */
export const PLATFORM_SCOPE = 'PLATFORM';

const TENANT = /^\d{6}$/;
// Not all dots: "." and ".." are path segments to file-system-backed S3 (s3rver) and S3 tools.
const PART = /^(?!\.+$)[A-Za-z0-9_.\-\u4e00-\u9fff]{1,64}$/;

export function assertTenant(tenant: string): string {
  if (!TENANT.test(tenant)) throw new TypeError(`invalid tenant code: ${JSON.stringify(tenant)}`);
  return tenant;
}

function yearPart(year: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new TypeError(`invalid year: ${year}`);
  return String(year);
}

function part(value: string, what: string): string {
  if (!PART.test(value)) throw new TypeError(`invalid ${what}: ${JSON.stringify(value)}`);
  return value;
}

export interface Key {
  pk: string;
  sk: string;
}

export interface IndexKey {
  gsi1pk: string;
  gsi1sk: string;
}

const orgPk = (t: string) => `T#${assertTenant(t)}#ORG`;
const cyclePk = (t: string, cycle: string) => `T#${assertTenant(t)}#CYCLE#${part(cycle, 'cycle id')}`;

/** The kinds of record in a cycle's partition (the first word of their sort key). */
export const CYCLE_RECORD_KINDS = [
  'PLAN',
  'PROG',
  'SELF',
  'VAL',
  'CHECK',
  'COMMENT',
  'OPINION',
  // #9: evidence files and pending uploads; expert review; surveys; the review meeting.
  'EVID',
  'UPLOAD',
  'EXPASSIGN',
  'EXPSCORE',
  'EXPROUND',
  'SURVEY',
  'INVITE',
  'ANSWER',
  'INTEGRITY',
  'MEETING',
  // #10: the office's year-end determinations per unit; runs and their result rows; the released
  // pointer; appeals; rectification tasks; uses of results.
  'DETERM',
  'RUN',
  'RESULT',
  'RELEASE',
  'APPEAL',
  'RECT',
  'USE',
  /** The cycle's run lock (one run at a time): path ['lock']. */
  'RUNLOCK',
  // #11: the cycle's publication record (path ['current']).
  'PUBLISH',
] as const;
export type CycleRecordKind = (typeof CYCLE_RECORD_KINDS)[number];

export const keys = {
  /** Platform registry of tenants (one small partition; tenants are thousands at most). */
  tenant: (code: string): Key => ({ pk: 'PLATFORM#TENANTS', sk: `TENANT#${assertTenant(code)}` }),
  tenantsPartition: () => ({ pk: 'PLATFORM#TENANTS', skPrefix: 'TENANT#' }),
  /** A province's view of its tenants' registry records (never their data). */
  tenantByProvince: (province: string, code: string): IndexKey => ({
    gsi1pk: `P#${assertTenant(province)}#TENANTS`,
    gsi1sk: `TENANT#${assertTenant(code)}`,
  }),
  provinceTenants: (province: string) => ({
    gsi1pk: `P#${assertTenant(province)}#TENANTS`,
    skPrefix: 'TENANT#',
  }),

  /** Marks that a data set (the embedded stack's demo data) has been seeded, by its version. */
  seedMarker: (version: string): Key => ({
    pk: 'PLATFORM#META',
    sk: `SEED#${part(version, 'seed version')}`,
  }),

  /**
   * The instant from which a user's tokens count (sign-out, disabling, a role change move it on):
   * one small item per user whose sessions were ever revoked, owned by the tenant or the platform.
   */
  revocation: (owner: string, userId: string): Key => ({
    pk: `${owner === PLATFORM_SCOPE ? PLATFORM_SCOPE : `T#${assertTenant(owner)}`}#SESSIONS`,
    sk: `USER#${part(userId, 'user id')}`,
  }),

  platformUser: (id: string): Key => ({ pk: 'PLATFORM#USERS', sk: `USER#${part(id, 'user id')}` }),
  platformUsers: () => ({ pk: 'PLATFORM#USERS', skPrefix: 'USER#' }),

  unitGroup: (t: string, code: string): Key => ({ pk: orgPk(t), sk: `GROUP#${part(code, 'group code')}` }),
  unitGroups: (t: string) => ({ pk: orgPk(t), skPrefix: 'GROUP#' }),

  unit: (t: string, code: string): Key => ({ pk: orgPk(t), sk: `UNIT#${part(code, 'unit code')}` }),
  units: (t: string) => ({ pk: orgPk(t), skPrefix: 'UNIT#' }),
  unitInGroup: (t: string, group: string, code: string): IndexKey => ({
    gsi1pk: `T#${assertTenant(t)}#GROUP#${part(group, 'group code')}`,
    gsi1sk: `UNIT#${part(code, 'unit code')}`,
  }),
  unitsInGroup: (t: string, group: string) => ({
    gsi1pk: `T#${assertTenant(t)}#GROUP#${part(group, 'group code')}`,
    skPrefix: 'UNIT#',
  }),

  user: (t: string, id: string): Key => ({ pk: orgPk(t), sk: `USER#${part(id, 'user id')}` }),
  users: (t: string) => ({ pk: orgPk(t), skPrefix: 'USER#' }),
  userInUnit: (t: string, unit: string, id: string): IndexKey => ({
    gsi1pk: `T#${assertTenant(t)}#UNIT#${part(unit, 'unit code')}`,
    gsi1sk: `USER#${part(id, 'user id')}`,
  }),
  usersInUnit: (t: string, unit: string) => ({
    gsi1pk: `T#${assertTenant(t)}#UNIT#${part(unit, 'unit code')}`,
    skPrefix: 'USER#',
  }),

  /**
   * Indicator systems: every version of every system of a tenant in one partition, sorted by
   * system id then zero-padded version, so "latest version" is one descending query.
   */
  indicatorSystemVersion: (t: string, id: string, systemVersion: number): Key => ({
    pk: `T#${assertTenant(t)}#INDSYS`,
    sk: `SYS#${part(id, 'system id')}#V#${String(systemVersion).padStart(4, '0')}`,
  }),
  indicatorSystemVersions: (t: string, id: string) => ({
    pk: `T#${assertTenant(t)}#INDSYS`,
    skPrefix: `SYS#${part(id, 'system id')}#V#`,
  }),
  indicatorSystems: (t: string) => ({ pk: `T#${assertTenant(t)}#INDSYS`, skPrefix: 'SYS#' }),

  /** Evaluation cycles of a tenant: one small partition, listed newest year first by id. */
  cycle: (t: string, id: string): Key => ({
    pk: `T#${assertTenant(t)}#CYCLES`,
    sk: `CYCLE#${part(id, 'cycle id')}`,
  }),
  cycles: (t: string) => ({ pk: `T#${assertTenant(t)}#CYCLES`, skPrefix: 'CYCLE#' }),
  /**
   * Everything of one cycle (plans, progress, self-assessments, values, checks, comments, opinions;
   * in #9 evidence, expert scores, surveys) in the cycle's partition, by kind then unit, so one unit's
   * records of a kind are one query. `kind` is a fixed word of the data layer, never user input.
   */
  cycleRecord: (t: string, cycle: string, kind: CycleRecordKind, ...path: string[]): Key => ({
    pk: cyclePk(t, cycle),
    sk: [kind, ...path.map((p) => part(p, `${kind} key`))].join('#'),
  }),
  cycleRecords: (t: string, cycle: string, kind: CycleRecordKind, ...path: string[]) => ({
    pk: cyclePk(t, cycle),
    skPrefix: `${[kind, ...path.map((p) => part(p, `${kind} key`))].join('#')}#`,
  }),
  /** A value record by leaf across units (the data provider's table, 一数一源). */
  valueByLeaf: (t: string, cycle: string, leaf: string, unit: string): IndexKey => ({
    gsi1pk: `${cyclePk(t, cycle)}#LEAF#${part(leaf, 'leaf code')}`,
    gsi1sk: `UNIT#${part(unit, 'unit code')}`,
  }),
  valuesByLeaf: (t: string, cycle: string, leaf: string) => ({
    gsi1pk: `${cyclePk(t, cycle)}#LEAF#${part(leaf, 'leaf code')}`,
    skPrefix: 'UNIT#',
  }),
  /** A unit's 3–5-year plans (they outlive cycles), by first year. */
  longTermPlan: (t: string, unit: string, startYear: number): Key => ({
    pk: `T#${assertTenant(t)}#LTP`,
    sk: `UNIT#${part(unit, 'unit code')}#FROM#${String(startYear)}`,
  }),
  longTermPlans: (t: string, unit: string) => ({
    pk: `T#${assertTenant(t)}#LTP`,
    skPrefix: `UNIT#${part(unit, 'unit code')}#FROM#`,
  }),
  /** A public consultation's link id → the plan it shows (tenant-scoped: the public URL names the tenant). */
  consultation: (t: string, id: string): Key => ({
    pk: `T#${assertTenant(t)}#CONSULT`,
    sk: `C#${part(id, 'consultation id')}`,
  }),
  /** The tenant's expert pool (专家库): it outlives cycles. */
  expert: (t: string, id: string): Key => ({
    pk: `T#${assertTenant(t)}#EXPERTS`,
    sk: `EXPERT#${part(id, 'expert id')}`,
  }),
  experts: (t: string) => ({ pk: `T#${assertTenant(t)}#EXPERTS`, skPrefix: 'EXPERT#' }),
  /** The tenant's storage use and evidence settings (one small item, updated atomically). */
  storage: (t: string): Key => ({ pk: `T#${assertTenant(t)}#STORAGE`, sk: 'USAGE' }),
  /** A fixed-window counter for a rate limit (expires via TTL); `scope` names what is limited. */
  rateWindow: (t: string, scope: string, window: string): Key => ({
    pk: `T#${assertTenant(t)}#RATE#${part(scope, 'rate scope')}`,
    sk: `W#${part(window, 'rate window')}`,
  }),
  /** The audit trail: one append-only partition per tenant, by zero-padded sequence, and its head. */
  auditEntry: (t: string, seq: number): Key => ({
    pk: `T#${assertTenant(t)}#AUDIT`,
    sk: `SEQ#${String(seq).padStart(12, '0')}`,
  }),
  auditEntries: (t: string) => ({ pk: `T#${assertTenant(t)}#AUDIT`, skPrefix: 'SEQ#' }),
  auditHead: (t: string): Key => ({ pk: `T#${assertTenant(t)}#AUDIT`, sk: 'HEAD' }),

  /** One partition per key spreads writes; the record expires via TTL. */
  idempotency: (owner: string, scope: string, key: string): Key => ({
    pk: `${owner === PLATFORM_SCOPE ? PLATFORM_SCOPE : `T#${assertTenant(owner)}`}#IDEM#${part(scope, 'scope')}#${part(key, 'idempotency key')}`,
    sk: 'IDEM',
  }),

  // ─── Cross-region comparison (#12) ───────────────────────────────────────────────────────────
  // What a recipient (a province, or a city for its counties) holds lives under `P#<recipient>#…`:
  // the shared snapshots are copies written there, so a recipient never reads a tenant's partition.

  /** The province's standard indicator library (省级标准指标库). */
  standardIndicator: (province: string, code: string): Key => ({
    pk: `P#${assertTenant(province)}#STD`,
    sk: `STD#${part(code, 'standard code')}`,
  }),
  standardIndicators: (province: string) => ({ pk: `P#${assertTenant(province)}#STD`, skPrefix: 'STD#' }),
  /** A recipient's peer groups (分类考核组). */
  peerGroup: (owner: string, code: string): Key => ({
    pk: `P#${assertTenant(owner)}#PEER`,
    sk: `GROUP#${part(code, 'peer group code')}`,
  }),
  peerGroups: (owner: string) => ({ pk: `P#${assertTenant(owner)}#PEER`, skPrefix: 'GROUP#' }),
  /** A shared snapshot: one per sharer and year at a recipient, listed by year. */
  sharedResult: (recipient: string, year: number, tenant: string): Key => ({
    pk: `P#${assertTenant(recipient)}#SHARED`,
    sk: `Y#${yearPart(year)}#T#${assertTenant(tenant)}`,
  }),
  sharedResults: (recipient: string, year?: number) => ({
    pk: `P#${assertTenant(recipient)}#SHARED`,
    skPrefix: year === undefined ? 'Y#' : `Y#${yearPart(year)}#T#`,
  }),
  /** The sharer's own record of a share (history included), by recipient and cycle. */
  shareRecord: (t: string, recipient: string, cycle: string): Key => ({
    pk: `T#${assertTenant(t)}#SHARES`,
    sk: `TO#${assertTenant(recipient)}#C#${part(cycle, 'cycle id')}`,
  }),
  shareRecords: (t: string) => ({ pk: `T#${assertTenant(t)}#SHARES`, skPrefix: 'TO#' }),
  /** A tenant's mapping of one indicator system's leaves to the province's library. */
  leafMapping: (t: string, system: string): Key => ({
    pk: `T#${assertTenant(t)}#STDMAP`,
    sk: `SYS#${part(system, 'system id')}`,
  }),
  leafMappings: (t: string) => ({ pk: `T#${assertTenant(t)}#STDMAP`, skPrefix: 'SYS#' }),
  /** Guidance a city sent down (its own record) … */
  guidanceSent: (city: string, id: string): Key => ({
    pk: `T#${assertTenant(city)}#GUIDE`,
    sk: `G#${part(id, 'guidance id')}`,
  }),
  guidanceSentList: (city: string) => ({ pk: `T#${assertTenant(city)}#GUIDE`, skPrefix: 'G#' }),
  /** … and the copy each county receives in its own partition (a county never reads the city's). */
  guidanceReceived: (county: string, id: string): Key => ({
    pk: `T#${assertTenant(county)}#INBOX`,
    sk: `G#${part(id, 'guidance id')}`,
  }),
  guidanceInbox: (county: string) => ({ pk: `T#${assertTenant(county)}#INBOX`, skPrefix: 'G#' }),

  /** S3: every object of a tenant lives under `tenants/<code>/`. */
  blob: (t: string, ...path: string[]): string => {
    if (path.length === 0) throw new TypeError('blob path is empty');
    return `tenants/${assertTenant(t)}/${path.map((p) => part(p, 'path segment')).join('/')}`;
  },
  blobPrefix: (t: string): string => `tenants/${assertTenant(t)}/`,
};
