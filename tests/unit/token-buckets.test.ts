import { describe, expect, it } from 'vitest';
import { TokenBuckets, addressKey } from '../../server/src/http/rate-limit.js';

describe('TokenBuckets', () => {
  it('allows a burst of perMinute, then refills at perMinute per minute and says how long to wait', () => {
    let now = 0;
    const buckets = new TokenBuckets(6, { now: () => now });
    for (let i = 0; i < 6; i++) expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(10); // one token every 10 s
    expect(buckets.take('b')).toBe(0);
    now += 10_000;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(10);
  });

  it('holds at most maxEntries addresses, and forgetting one only ever gives it a full bucket', () => {
    let now = 0;
    const buckets = new TokenBuckets(2, { maxEntries: 100, now: () => now });
    for (let i = 0; i < 10_000; i++) {
      buckets.take(`10.0.${i >> 8}.${i & 255}`);
      now += 1;
    }
    expect(buckets.size).toBeLessThanOrEqual(100);
    // Refilled buckets are dropped when the map is swept.
    now += 60_000;
    buckets.take('fresh');
    expect(buckets.size).toBe(1);
  });

  it('keys IPv6 by /64 and IPv4-mapped addresses as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1');
  });
});
