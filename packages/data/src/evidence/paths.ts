/**
 * Where evidence lives. S3 (under the tenant's prefix, see `keys.blob`):
 *   evidence/<cycle>/units/<unit>/<leaf>/<evidenceId>/<uploadId>
 *   evidence/<cycle>/office/<evidenceId>/<uploadId>
 * DynamoDB (the cycle's partition): EVID and UPLOAD records under ['U', unit, id] or ['OFFICE', id].
 * Every segment is a validated code or a generated id; the client never sends a key.
 */
export type EvidenceOwner = { unit: string; leaf?: string } | { office: true };

export const isOfficeOwner = (o: EvidenceOwner): o is { office: true } => 'office' in o;

/** The record path prefix of an owner's documents and uploads. */
export const evidenceOwnerPath = (o: EvidenceOwner): string[] =>
  isOfficeOwner(o) ? ['OFFICE'] : ['U', o.unit];

export const evidenceRecordPath = (o: EvidenceOwner, id: string): string[] => [...evidenceOwnerPath(o), id];

/** The object path of one upload (the unit's leaf is part of the key: cycle, unit and indicator). */
export function evidenceObjectPath(
  cycle: string,
  o: EvidenceOwner,
  evidence: string,
  upload: string,
): string[] {
  if (isOfficeOwner(o)) return ['evidence', cycle, 'office', evidence, upload];
  if (!o.leaf) throw new TypeError('unit evidence needs its indicator');
  return ['evidence', cycle, 'units', o.unit, o.leaf, evidence, upload];
}
