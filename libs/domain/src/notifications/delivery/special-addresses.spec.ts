import { whyNotGlobalUnicast } from './special-addresses';

/**
 * Every block of the IANA IPv4 and IPv6 special-purpose address registries (as of 2026), with addresses inside it
 * (refused) and just outside it (allowed, where the neighbour is ordinary global unicast; a block whose neighbours are
 * themselves special lists none).
 */
const IPV4_SPECIAL: Array<[block: string, inside: string[], justOutside: string[]]> = [
  ['0.0.0.0/8 this network', ['0.0.0.0', '0.1.2.3', '0.255.255.255'], ['1.0.0.0']],
  ['0.0.0.0/32 this host', ['0.0.0.0'], []],
  ['10.0.0.0/8 private', ['10.0.0.0', '10.1.2.3', '10.255.255.255'], ['9.255.255.255', '11.0.0.0']],
  ['100.64.0.0/10 shared (CGNAT)', ['100.64.0.0', '100.127.255.255'], ['100.63.255.255', '100.128.0.0']],
  ['127.0.0.0/8 loopback', ['127.0.0.1', '127.255.255.255'], ['126.255.255.255', '128.0.0.0']],
  ['169.254.0.0/16 link-local', ['169.254.0.0', '169.254.169.254'], ['169.253.255.255', '169.255.0.0']],
  ['172.16.0.0/12 private', ['172.16.0.0', '172.20.0.1', '172.31.255.255'], ['172.15.255.255', '172.32.0.0']],
  ['192.0.0.0/24 IETF protocol assignments', ['192.0.0.0', '192.0.0.255'], ['191.255.255.255', '192.0.1.0']],
  ['192.0.0.0/29 DS-Lite', ['192.0.0.1', '192.0.0.7'], []],
  ['192.0.0.8/32 IPv4 dummy address', ['192.0.0.8'], []],
  ['192.0.0.9/32 PCP anycast', ['192.0.0.9'], []],
  ['192.0.0.10/32 TURN anycast', ['192.0.0.10'], []],
  ['192.0.0.170/31 NAT64/DNS64 discovery', ['192.0.0.170', '192.0.0.171'], []],
  ['192.0.2.0/24 TEST-NET-1', ['192.0.2.0', '192.0.2.1', '192.0.2.255'], ['192.0.1.255', '192.0.3.0']],
  ['192.31.196.0/24 AS112-v4', ['192.31.196.1'], ['192.31.195.255', '192.31.197.0']],
  ['192.52.193.0/24 AMT', ['192.52.193.1'], ['192.52.192.255', '192.52.194.0']],
  ['192.88.99.0/24 deprecated 6to4 relay anycast', ['192.88.99.1'], ['192.88.98.255', '192.88.100.0']],
  ['192.88.99.2/32 6a44 relay anycast', ['192.88.99.2'], []],
  ['192.168.0.0/16 private', ['192.168.0.0', '192.168.1.1', '192.168.255.255'], ['192.167.255.255', '192.169.0.0']],
  ['192.175.48.0/24 AS112 direct delegation', ['192.175.48.1'], ['192.175.47.255', '192.175.49.0']],
  ['198.18.0.0/15 benchmarking', ['198.18.0.0', '198.19.255.255'], ['198.17.255.255', '198.20.0.0']],
  ['198.51.100.0/24 TEST-NET-2', ['198.51.100.0', '198.51.100.1', '198.51.100.255'], ['198.51.99.255', '198.51.101.0']],
  ['203.0.113.0/24 TEST-NET-3', ['203.0.113.0', '203.0.113.1', '203.0.113.255'], ['203.0.112.255', '203.0.114.0']],
  ['240.0.0.0/4 reserved', ['240.0.0.0', '250.1.2.3', '255.255.255.254'], []],
  ['255.255.255.255/32 limited broadcast', ['255.255.255.255'], []],
  // Not in the special-purpose registry but in the multicast one: never a unicast receiver either.
  ['224.0.0.0/4 multicast', ['224.0.0.1', '239.255.255.255'], ['223.255.255.255']],
];

const IPV6_SPECIAL: Array<[block: string, inside: string[], justOutside: string[]]> = [
  ['::1/128 loopback', ['::1'], []],
  ['::/128 unspecified', ['::'], []],
  ['::ffff:0:0/96 IPv4-mapped', ['::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:8.8.8.8', '::ffff:0.0.0.0'], []],
  ['64:ff9b::/96 IPv4/IPv6 translation', ['64:ff9b::7f00:1', '64:ff9b::808:808', '64:ff9b::'], []],
  ['64:ff9b:1::/48 local-use IPv4/IPv6 translation', ['64:ff9b:1::1', '64:ff9b:1:ffff::1'], []],
  ['100::/64 discard-only', ['100::', '100::ffff:ffff:ffff:ffff'], []],
  ['100:0:0:1::/64 dummy prefix', ['100:0:0:1::1'], []],
  [
    '2001::/23 IETF protocol assignments',
    ['2001::1', '2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff'],
    ['2000:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '2001:200::1'],
  ],
  ['2001::/32 Teredo', ['2001:0:4136:e378:8000:63bf:3fff:fdd2', '2001::ffff:ffff'], []],
  ['2001:1::1/128 PCP anycast', ['2001:1::1'], []],
  ['2001:1::2/128 TURN anycast', ['2001:1::2'], []],
  ['2001:1::3/128 DNS-SD service registration anycast', ['2001:1::3'], []],
  ['2001:2::/48 benchmarking', ['2001:2::1'], []],
  ['2001:3::/32 AMT', ['2001:3::1'], []],
  ['2001:4:112::/48 AS112-v6', ['2001:4:112::1'], []],
  ['2001:10::/28 deprecated ORCHID', ['2001:10::1'], []],
  ['2001:20::/28 ORCHIDv2', ['2001:20::1'], []],
  ['2001:30::/28 drone remote ID', ['2001:30::1'], []],
  [
    '2001:db8::/32 documentation',
    ['2001:db8::1', '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff'],
    ['2001:db7:ffff:ffff:ffff:ffff:ffff:ffff', '2001:db9::'],
  ],
  ['2002::/16 6to4', ['2002:7f00:1::', '2002:808:808::1'], ['2001:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '2003::1']],
  [
    '2620:4f:8000::/48 AS112 direct delegation',
    ['2620:4f:8000::1'],
    ['2620:4f:7fff:ffff:ffff:ffff:ffff:ffff', '2620:4f:8001::'],
  ],
  [
    '3fff::/20 documentation',
    ['3fff::1', '3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff'],
    ['3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '3fff:1000::'],
  ],
  ['5f00::/16 segment routing (SRv6) SIDs', ['5f00::1'], []],
  ['fc00::/7 unique-local', ['fc00::1', 'fd00::1', 'fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'], []],
  ['fe80::/10 link-local', ['fe80::1', 'febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff'], []],
  // Outside the registry, outside 2000::/3 and still no place for a webhook:
  ['ff00::/8 multicast', ['ff02::1', 'ff0e::101'], []],
  ['fec0::/10 deprecated site-local', ['fec0::1'], []],
  ['::/96 deprecated IPv4-compatible', ['::7f00:1', '::808:808', '::2'], []],
  ['::ffff:0:0:0/96 IPv4-translated', ['::ffff:0:7f00:1', '::ffff:0:808:808'], []],
  ['the rest of the space outside 2000::/3', ['4000::1', 'e000::1', '1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'], []],
];

describe('whyNotGlobalUnicast', () => {
  describe.each([
    ['IPv4', IPV4_SPECIAL],
    ['IPv6', IPV6_SPECIAL],
  ])('%s special-purpose blocks', (_family, blocks) => {
    it.each(blocks)('%s: refuses what is inside, allows what is just outside', (_block, inside, justOutside) => {
      for (const address of inside)
        expect([address, whyNotGlobalUnicast(address)]).toEqual([address, expect.any(String)]);
      for (const address of justOutside) expect([address, whyNotGlobalUnicast(address)]).toEqual([address, undefined]);
    });
  });

  it('refuses the forms the security review found accepted, naming the IPv4 address they embed', () => {
    for (const address of ['192.0.2.1', '198.51.100.1', '203.0.113.1'])
      expect(whyNotGlobalUnicast(address)).toMatch(/is reserved/);
    expect(whyNotGlobalUnicast('::ffff:0:7f00:1')).toMatch(/IPv4-translated form of 127\.0\.0\.1, which is loopback/);
    expect(whyNotGlobalUnicast('64:ff9b::7f00:1')).toMatch(/NAT64 form of 127\.0\.0\.1, which is loopback/);
    expect(whyNotGlobalUnicast('::7f00:1')).toMatch(/IPv4-compatible form of 127\.0\.0\.1, which is loopback/);
    expect(whyNotGlobalUnicast('2002:7f00:1::')).toMatch(/6to4 form of 127\.0\.0\.1, which is loopback/);
    expect(whyNotGlobalUnicast('fec0::1')).toMatch(/site-local/);
    expect(whyNotGlobalUnicast('::ffff:169.254.169.254')).toMatch(
      /IPv4-mapped form of 169\.254\.169\.254, which is link-local/,
    );
    // RFC 4380's example: server 65.54.227.120, client 192.0.2.45 (stored inverted).
    expect(whyNotGlobalUnicast('2001:0:4136:e378:8000:63bf:3fff:fdd2')).toMatch(
      /Teredo server form of 65\.54\.227\.120, and the Teredo client form of 192\.0\.2\.45, which is reserved/,
    );
  });

  it('allows globally routable unicast addresses', () => {
    for (const address of ['93.184.216.34', '8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4001:80e::200e'])
      expect([address, whyNotGlobalUnicast(address)]).toEqual([address, undefined]);
  });

  it('refuses what is not an IP address in canonical form', () => {
    for (const address of ['', 'localhost', '0x7f.1', '2130706433', '127.1', '[::1]'])
      expect([address, whyNotGlobalUnicast(address)]).toEqual([address, `${address} is not an IP address`]);
  });
});
