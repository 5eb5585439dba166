import { Inject, Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Webhooks are set up by organization admins (anyone can sign up and become one), so the worker must not
 * become a way to reach our own network: loopback, private, link-local (cloud metadata) and similar ranges
 * are refused unless WEBHOOK_ALLOW_PRIVATE_TARGETS is on (local development, tests).
 */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv6');

export function isBlockedAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The addresses a webhook URL would reach that are not allowed; empty when it is fine. */
export async function blockedAddressesOf(url: string): Promise<string[]> {
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  return addresses.filter(isBlockedAddress);
}

export interface WebhookPolicyOptions {
  /** WEBHOOK_ALLOW_PRIVATE_TARGETS: loopback and private targets allowed (local development, tests). */
  allowPrivateTargets: boolean;
}

export const WEBHOOK_POLICY_OPTIONS = Symbol('WEBHOOK_POLICY_OPTIONS');

@Injectable()
export class WebhookPolicy {
  constructor(@Inject(WEBHOOK_POLICY_OPTIONS) private readonly options: WebhookPolicyOptions) {}

  /** Throws what `refuse` builds when the URL resolves to a refused address (or does not resolve). */
  async check(url: string, refuse: (reason: string) => Error): Promise<void> {
    if (this.options.allowPrivateTargets) return;
    let blocked: string[];
    try {
      blocked = await blockedAddressesOf(url);
    } catch {
      throw refuse(`the host of ${new URL(url).origin} does not resolve`);
    }
    if (blocked.length)
      throw refuse(`${new URL(url).hostname} resolves to a private or reserved address (${blocked.join(', ')})`);
  }
}
