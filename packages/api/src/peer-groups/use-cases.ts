import {
  ALL_GROUP,
  errors,
  type FieldIssue,
  isWithinDivision,
  type PeerGroup,
  type PeerGroupPut,
  peerGroupSchema,
} from '@jixiao/core';
import { ensureDivisions } from '@jixiao/data';
import { changedFields, recordAudit } from '../cycles/context';
import type { Caller } from '../http/caller';
import { comparingTenant, recipientOf, type TenantFacts } from '../province/context';

/**
 * Peer groups (P#<owner>#PEER): read by whoever compares for the recipient, kept by the
 * recipient's own office. Members are divisions under the office; weights name standard
 * indicators of the province's library; `ALL` is the implicit group and cannot be defined.
 */

const byCode = (a: PeerGroup, b: PeerGroup) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

export async function listPeerGroups(caller: Caller): Promise<{ items: PeerGroup[] }> {
  const recipient = await recipientOf(caller);
  const all = await caller.deps.data.province.peerGroups.all(recipient.code);
  return { items: all.map((g) => peerGroupSchema.parse(g)).sort(byCode) };
}

/** Every problem of a group, with its field (members outside the office, unknown codes, no weight). */
async function groupIssues(
  caller: Caller,
  owner: TenantFacts,
  code: string,
  input: PeerGroupPut,
): Promise<FieldIssue[]> {
  await ensureDivisions();
  const out: FieldIssue[] = [];
  if (code === ALL_GROUP)
    out.push({
      path: 'params.code',
      zh: `${ALL_GROUP} 是“全部共享地区”的保留编码`,
      en: `${ALL_GROUP} is reserved for the implicit group of everyone who shared`,
    });
  input.members.forEach((m, i) => {
    if (m === owner.code || !isWithinDivision(m, owner.code))
      out.push({
        path: `body.members.${i}`,
        zh: `${m} 不是${owner.name}所辖的行政区划`,
        en: `${m} is not a division under ${owner.name}`,
      });
  });
  const library = new Set((await caller.deps.data.province.standards.all(owner.province)).map((s) => s.code));
  for (const k of Object.keys(input.weights))
    if (!library.has(k))
      out.push({
        path: `body.weights.${k}`,
        zh: `标准指标库中没有 ${k}`,
        en: `no standard indicator ${k} in the library`,
      });
  if (!Object.values(input.weights).some((w) => w > 0))
    out.push({
      path: 'body.weights',
      zh: '至少一个标准指标的权重须大于 0',
      en: 'at least one standard indicator needs a weight above 0',
    });
  return out;
}

export async function savePeerGroup(
  caller: Caller,
  code: string,
  input: PeerGroupPut,
): Promise<{ group: PeerGroup; created: boolean }> {
  const owner = await comparingTenant(caller);
  const issues = await groupIssues(caller, owner, code, input);
  if (issues.length) throw errors.validation(issues);
  const repo = caller.deps.data.province.peerGroups;
  const current = await repo.get(owner.code, code);
  if (current ? input.version !== current.version : input.version !== undefined)
    throw errors.versionConflict(current?.version);
  const { version: _v, ...rest } = input;
  const fields = { ...rest, members: [...new Set(rest.members)].sort() };
  if (current) {
    const { before, after } = changedFields(current, fields);
    const saved = await repo.update(owner.code, code, current.version, fields);
    await recordAudit(caller, {
      action: 'peerGroup.save',
      target: { type: 'peerGroup', id: code },
      before,
      after,
    });
    return { group: peerGroupSchema.parse(saved), created: false };
  }
  const saved = await repo.create({ ...fields, owner: owner.code, code });
  await recordAudit(caller, {
    action: 'peerGroup.save',
    target: { type: 'peerGroup', id: code },
    before: null,
    after: { name: fields.name, members: fields.members.length, method: fields.method },
  });
  return { group: peerGroupSchema.parse(saved), created: true };
}

export async function deletePeerGroup(caller: Caller, code: string, version: number): Promise<void> {
  const owner = await comparingTenant(caller);
  const repo = caller.deps.data.province.peerGroups;
  const current = await repo.get(owner.code, code);
  if (!current) throw errors.notFound(`分类考核组 ${code}`, `Peer group ${code}`);
  await repo.remove(owner.code, code, version);
  await recordAudit(caller, {
    action: 'peerGroup.delete',
    target: { type: 'peerGroup', id: code },
    before: { name: current.name, version: current.version },
    after: null,
  });
}
