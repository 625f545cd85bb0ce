import {
  contentOf,
  errors,
  type LeafMapping,
  type LeafMappingPut,
  leafMappingSchema,
  leavesOf,
  type MappableLeaf,
  mappingIssues,
  standardIndicatorSchema,
} from '@jixiao/core';
import { recordAudit, tenant } from '../cycles/context';
import { stampOf } from '../evaluation/context';
import type { Caller } from '../http/caller';
import { callerTenant } from '../province/context';

/**
 * A tenant's mapping of one indicator system's leaves to the province's standard library (指标对标),
 * checked by core's `mappingIssues` against the system's latest version, the library and the
 * tenant's unit codes: 422 naming every problem, or saved whole (created, or changed at the version
 * read). Audited.
 */

export const listMappings = async (caller: Caller): Promise<{ items: LeafMapping[] }> => ({
  items: (await caller.deps.data.province.mappings.all(tenant(caller))).map((m) =>
    leafMappingSchema.parse(m),
  ),
});

export const getMapping = async (caller: Caller, system: string): Promise<LeafMapping> =>
  leafMappingSchema.parse(await caller.deps.data.province.mappings.getOr404(tenant(caller), system));

/** Every unit code of the tenant (hundreds at most), for mappings that name the unit that stands for it. */
async function unitCodes(caller: Caller): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await caller.deps.data.org.listUnits(tenant(caller), { limit: 200, cursor });
    out.push(...page.items.map((u) => u.code));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

export async function saveMapping(
  caller: Caller,
  system: string,
  input: LeafMappingPut,
): Promise<{ mapping: LeafMapping; created: boolean }> {
  const t = tenant(caller);
  const data = caller.deps.data;
  const latest = await data.indicatorSystems.latest(t, system);
  const own = await callerTenant(caller);
  const [library, units, current] = await Promise.all([
    data.province.standards.all(own.province),
    unitCodes(caller),
    data.province.mappings.get(t, system),
  ]);
  const leaves: MappableLeaf[] = leavesOf(contentOf(latest).dimensions).map((l) => ({
    code: l.code,
    name: l.name,
    unit: l.unitOfMeasure ?? '',
    type: l.type,
  }));
  const issues = mappingIssues(
    input.items,
    leaves,
    library.map((s) => standardIndicatorSchema.parse(s)),
    units,
  );
  if (issues.length)
    throw errors.mappingInvalid(
      issues.map((i) => {
        const at = input.items.findIndex((x) => x.leaf === i.leaf);
        return { path: at < 0 ? 'body.items' : `body.items.${at}`, zh: i.zh, en: i.en };
      }),
    );
  if (current ? input.version !== current.version : input.version !== undefined)
    throw errors.versionConflict(current?.version);
  const updated = stampOf(caller);
  const saved = current
    ? await data.province.mappings.update(t, system, current.version, {
        items: input.items,
        updated,
        province: own.province,
      })
    : await data.province.mappings.create(t, { system, province: own.province, items: input.items, updated });
  await recordAudit(caller, {
    action: 'mapping.save',
    target: { type: 'mapping', id: system },
    before: current ? { items: current.items.length } : null,
    after: {
      items: input.items.length,
      standards: [...new Set(input.items.map((i) => i.standard))].sort(),
    },
  });
  return { mapping: leafMappingSchema.parse(saved), created: !current };
}
