/**
 * Where reports and publications live in S3 (under the tenant's prefix, see `keys.blob`):
 *   reports/<cycle>/<format>/<sha256>        a rendered report, named by the hash of its data, its
 *                                            format and the layout version: written once, never
 *                                            changed, so the same inputs are never rendered twice
 *                                            (the digest alone fills a 64-character key segment)
 *   publications/<cycle>/<number>.json       a publication's frozen snapshot (written once)
 * DynamoDB (the cycle's partition): PUBLISH#current, the publication record.
 * Every segment is a generated id, a validated code or a hex digest; the client never sends a key.
 */
export const reportObjectPath = (cycle: string, sha256: string, format: string): string[] => {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new TypeError('a report is named by a SHA-256 hex digest');
  return ['reports', cycle, format, sha256];
};

export const publicationPath = (cycle: string, number: number): string[] => [
  'publications',
  cycle,
  `${number}.json`,
];
