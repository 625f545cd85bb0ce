import { UNKNOWN_NETWORK } from './integrity';

/**
 * The network an answer came from, for rate limits and the burst signal, without keeping an
 * address: the client address is the LAST entry of `x-forwarded-for` (the one the gateway
 * appended; earlier entries are whatever the client claimed), reduced to its network (IPv4 /24,
 * IPv6 /48). The API hashes the result with the survey's salt; the raw address is never stored.
 */

/** The last entry of an `x-forwarded-for` header, trimmed (undefined when absent or empty). */
export function clientAddress(forwardedFor: string | undefined | null): string | undefined {
  const last = forwardedFor?.split(',').at(-1)?.trim();
  return last ? last : undefined;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function v4Prefix(a: string): string | undefined {
  const m = IPV4.exec(a);
  if (!m) return undefined;
  const parts = m.slice(1, 5).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return `${parts.slice(0, 3).join('.')}.0/24`;
}

/** The first three hextets of an IPv6 address (its /48), or undefined if it is not one. */
function v6Prefix(a: string): string | undefined {
  const addr = a.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!addr.includes(':') || !/^[0-9A-Fa-f:.]+$/.test(addr)) return undefined;
  const halves = addr.split('::');
  if (halves.length > 2) return undefined;
  const split = (s: string) => (s ? s.split(':') : []);
  let head = split(halves[0]!);
  let tail = halves.length === 2 ? split(halves[1]!) : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two hextets; mapped IPv4 is an IPv4 address.
  const last = (tail.length ? tail : head).at(-1) ?? '';
  if (last.includes('.')) {
    const v4 = v4Prefix(last);
    if (!v4) return undefined;
    const rest = [...head, ...tail.slice(0, -1)];
    if (halves.length === 2 && head.length === 0 && rest.length === 1 && rest[0]!.toLowerCase() === 'ffff')
      return v4;
    if (tail.length) tail = [...tail.slice(0, -1), '0', '0'];
    else head = [...head.slice(0, -1), '0', '0'];
  }
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (groups.some((g) => !/^[0-9A-Fa-f]{1,4}$/.test(g))) return undefined;
  return `${groups
    .slice(0, 3)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/48`;
}

/** The address's network (`1.2.3.0/24`, `2001:db8:1::/48`), or 'unknown'. */
export function networkOf(address: string | undefined): string {
  if (!address) return UNKNOWN_NETWORK;
  return v4Prefix(address) ?? v6Prefix(address) ?? UNKNOWN_NETWORK;
}
