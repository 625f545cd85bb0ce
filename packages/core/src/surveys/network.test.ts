import { describe, expect, it } from 'vitest';
import { clientAddress, networkOf } from './network';

describe('the network of an answer', () => {
  it('takes the last x-forwarded-for entry (the one the gateway appended)', () => {
    expect(clientAddress('1.1.1.1, 10.0.0.1, 203.0.113.9')).toBe('203.0.113.9');
    expect(clientAddress(' 203.0.113.9 ')).toBe('203.0.113.9');
    expect(clientAddress('')).toBeUndefined();
    expect(clientAddress(undefined)).toBeUndefined();
  });

  it('reduces IPv4 to /24 and IPv6 to /48', () => {
    expect(networkOf('203.0.113.9')).toBe('203.0.113.0/24');
    expect(networkOf('2001:db8:1:2::1')).toBe('2001:db8:1::/48');
    expect(networkOf('2001:0db8:0001:ffff:0:0:0:1')).toBe('2001:db8:1::/48');
    expect(networkOf('::1')).toBe('0:0:0::/48');
    expect(networkOf('::ffff:198.51.100.7')).toBe('198.51.100.0/24');
    expect(networkOf('[2001:db8::1]')).toBe('2001:db8:0::/48');
  });

  it('calls anything else unknown', () => {
    for (const bad of [
      undefined,
      '',
      'localhost',
      '999.1.1.1',
      '1.2.3',
      '1::2::3',
      'gggg::1',
      '1:2:3:4:5:6:7:8:9',
    ])
      expect(networkOf(bad)).toBe('unknown');
  });
});
