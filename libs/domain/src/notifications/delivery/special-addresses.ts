import ipaddr from 'ipaddr.js';
import { isIP } from 'node:net';

/**
 * Which addresses a webhook may reach: globally routable unicast only. ipaddr.js classifies the blocks of the IANA
 * IPv4 and IPv6 special-purpose registries (anything it does not call `unicast` is one of them, or multicast,
 * broadcast, or reserved); IPv6 must also lie in 2000::/3, the only block IANA hands out for global unicast, which
 * catches what the registries leave unlisted (IPv4-compatible ::/96, the deprecated site-local fec0::/10, the dummy
 * prefix 100:0:0:1::/64, unassigned space). Forms that embed an IPv4 address are refused as ranges in their own right,
 * and the address they embed is named too, so the refusal says where the request would really have gone.
 */

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');
const IPV4_COMPATIBLE = ipaddr.IPv6.parseCIDR('::/96');
/** RFC 6052's well-known NAT64 prefix; the local-use 64:ff9b:1::/48 has no fixed place for the IPv4 part. */
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR('64:ff9b::/96');

const RANGE_NAMES: Record<string, string> = {
  unspecified: 'unspecified ("this network")',
  broadcast: 'limited broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'shared address space (carrier-grade NAT)',
  private: 'private',
  reserved: 'reserved (IETF protocol assignment, documentation, benchmarking or future use)',
  as112: 'AS112 DNS sink',
  amt: 'AMT relay anycast',
  uniqueLocal: 'unique-local',
  ipv4Mapped: 'IPv4-mapped',
  deprecatedSiteLocal: 'site-local (deprecated)',
  discard: 'discard-only',
  rfc6145: 'IPv4-translated',
  rfc6052: 'IPv4/IPv6 translation (NAT64)',
  '6to4': '6to4',
  teredo: 'Teredo',
  benchmarking: 'benchmarking',
  as112v6: 'AS112 DNS sink',
  deprecatedOrchid: 'ORCHID (deprecated)',
  orchid2: 'ORCHIDv2',
  droneRemoteIdProtocolEntityTags: 'drone remote ID tags',
  segmentRouting: 'segment routing (SRv6 SIDs)',
};

const rangeName = (range: string) => RANGE_NAMES[range] ?? range;

/** The IPv4 addresses an IPv6 address carries by a standard embedding, with the embedding's name. */
export function embeddedIPv4(address: ipaddr.IPv6): Array<{ form: string; ipv4: ipaddr.IPv4 }> {
  const bytes = address.toByteArray();
  const last32 = new ipaddr.IPv4(bytes.slice(12, 16));
  const range: string = address.range();
  if (range === 'ipv4Mapped' || range === 'rfc6145') return [{ form: rangeName(range), ipv4: last32 }];
  if (address.match(NAT64_WELL_KNOWN)) return [{ form: 'NAT64', ipv4: last32 }];
  // 2002:AABB:CCDD::/48 is the 6to4 router AA.BB.CC.DD.
  if (range === '6to4') return [{ form: '6to4', ipv4: new ipaddr.IPv4(bytes.slice(2, 6)) }];
  // 2001:0:SERVER:flags:port:CLIENT, the client's address stored inverted (RFC 4380).
  if (range === 'teredo') {
    return [
      { form: 'Teredo server', ipv4: new ipaddr.IPv4(bytes.slice(4, 8)) },
      { form: 'Teredo client', ipv4: new ipaddr.IPv4(bytes.slice(12, 16).map((b) => b ^ 0xff)) },
    ];
  }
  // ::a.b.c.d, except :: and ::1, which are IPv6's own unspecified and loopback addresses.
  if (address.match(IPV4_COMPATIBLE) && range !== 'unspecified' && range !== 'loopback')
    return [{ form: 'IPv4-compatible', ipv4: last32 }];
  return [];
}

/**
 * Why a webhook must not connect to this address (an IP in canonical form, as DNS or a URL's host gives it), or
 * undefined when it is a globally routable unicast address.
 */
export function whyNotGlobalUnicast(address: string): string | undefined {
  // net.isIP first: ipaddr.js also accepts legacy spellings (octal, hex, fewer parts) that no socket would be given.
  const family = isIP(address);
  if (family === 0) return `${address} is not an IP address`;
  if (family === 4) {
    const range: string = ipaddr.IPv4.parse(address).range();
    return range === 'unicast' ? undefined : `${address} is ${rangeName(range)}`;
  }
  const ip = ipaddr.IPv6.parse(address);
  const range: string = ip.range();
  const problems: string[] = [];
  if (range !== 'unicast') problems.push(rangeName(range));
  else if (!ip.match(GLOBAL_UNICAST_V6)) problems.push('outside the global unicast block 2000::/3');
  for (const { form, ipv4 } of embeddedIPv4(ip)) {
    const inner = whyNotGlobalUnicast(ipv4.toString());
    problems.push(
      `the ${form} form of ${ipv4.toString()}${inner ? `, which ${inner.replace(/^\S+ is /, 'is ')}` : ''}`,
    );
  }
  return problems.length ? `${address} is ${problems.join(', and ')}` : undefined;
}
