import { z } from 'zod';

/**
 * The audit trail (审计日志): every change to cycles, plans, values, scores and states, appended with
 * who, when and before/after. Entries are hash-chained per tenant: each entry's hash covers its
 * content and the previous entry's hash, so changing, removing or reordering one entry breaks every
 * hash after it. The algorithm is named in each entry (SM3, GB/T 32905, for 密评) so it can change.
 * Pure: the hash function is given (core does no I/O and no crypto).
 */

export const AUDIT_ALGORITHMS = ['SM3'] as const;
export type AuditAlgorithm = (typeof AUDIT_ALGORITHMS)[number];

export const auditActorSchema = z.object({
  sub: z.string(),
  name: z.string().optional(),
  roles: z.array(z.string()),
});

/** Every kind of change the trail records (labels: AUDIT_ACTION_LABELS in the vocabulary). */
export const AUDIT_ACTIONS = [
  'cycle.create',
  'cycle.update',
  'cycle.transition',
  'cycle.reopen',
  'longTermPlan.save',
  'plan.save',
  'plan.transition',
  'plan.review',
  'comment.create',
  'comment.moderate',
  'opinion.create',
  'opinion.step',
  'progress.save',
  'check.create',
  'check.update',
  'self.save',
  'self.submit',
  'self.reopen',
  'value.verify',
  'value.supply',
  'evidence.confirm',
  'evidence.discard',
  'evidence.lock',
  'settings.evidence',
  'storage.quota',
  'expert.create',
  'expert.update',
  'expert.assign',
  'expert.unassign',
  'expert.recuse',
  'expert.score',
  'expert.round',
  'survey.create',
  'survey.update',
  'survey.transition',
  'survey.invite',
  'survey.integrity',
  'meeting.save',
  'meeting.conclude',
  'evaluation.start',
  'evaluation.resume',
  'evaluation.fail',
  'evaluation.ready',
  'evaluation.release',
  'determination.save',
  'appeal.submit',
  'appeal.withdraw',
  'appeal.decide',
  'rectification.create',
  'rectification.update',
  'rectification.progress',
  'rectification.carry_over',
  'resultUse.create',
  'resultUse.update',
  'publication.publish',
  'publication.withdraw',
  // #12: sharing with the province or city, leaf mappings, the province's library and peer groups,
  // guidance sent down.
  'share.create',
  'share.withdraw',
  'mapping.save',
  'standard.save',
  'standard.delete',
  'peerGroup.save',
  'peerGroup.delete',
  'guidance.send',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What a use case says happened; the trail adds sequence, time and hashes. */
export interface AuditEvent {
  action: AuditAction;
  /** What it changed: a type and an id within the tenant, e.g. `{type:'plan', id:'cy…/FGW'}`. */
  target: { type: string; id: string };
  before?: unknown;
  after?: unknown;
  /** Free words (a reason, what a reopening reopens). */
  note?: string;
}

export const auditEntrySchema = z
  .object({
    seq: z.number().int().positive(),
    at: z.string(),
    actor: auditActorSchema,
    action: z.string(),
    target: z.object({ type: z.string(), id: z.string() }),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
    note: z.string().optional(),
    alg: z.enum(AUDIT_ALGORITHMS),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The hash before the first entry of a tenant. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What an entry's hash covers: everything but the hash itself. */
export const hashedContent = (e: Omit<AuditEntry, 'hash'>): string => {
  const { seq, at, actor, action, target, before, after, note, alg, prevHash } = e;
  return canonicalJson({ seq, at, actor, action, target, before, after, note, alg, prevHash });
};

export type HashFn = (alg: AuditAlgorithm, content: string) => string;

export const auditVerifyResultSchema = z
  .object({
    ok: z.boolean(),
    checked: z.number().int(),
    /** The first entry whose hash or link does not match, and how. */
    brokenAt: z.number().int().optional(),
    problem: z.enum(['hash_mismatch', 'link_mismatch', 'sequence_gap']).optional(),
    head: z.object({ seq: z.number().int(), hash: z.string() }).optional(),
    alg: z.enum(AUDIT_ALGORITHMS),
  })
  .meta({ id: 'AuditVerification' });
export type AuditVerification = z.infer<typeof auditVerifyResultSchema>;

/**
 * Checks a run of entries in sequence order, continuing from `prev` (the last checked entry's seq
 * and hash, or the genesis). Stops at the first break.
 */
export function verifyChain(
  entries: readonly AuditEntry[],
  hash: HashFn,
  prev: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
):
  | { ok: true; last: { seq: number; hash: string } }
  | { ok: false; at: number; problem: 'hash_mismatch' | 'link_mismatch' | 'sequence_gap' } {
  let last = prev;
  for (const e of entries) {
    if (e.seq !== last.seq + 1) return { ok: false, at: last.seq + 1, problem: 'sequence_gap' };
    if (e.prevHash !== last.hash) return { ok: false, at: e.seq, problem: 'link_mismatch' };
    const { hash: stored, ...rest } = e;
    if (hash(e.alg, hashedContent(rest)) !== stored)
      return { ok: false, at: e.seq, problem: 'hash_mismatch' };
    last = { seq: e.seq, hash: stored };
  }
  return { ok: true, last };
}
