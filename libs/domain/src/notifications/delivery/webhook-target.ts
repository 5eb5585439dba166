import { Inject, Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { whyNotGlobalUnicast } from './special-addresses';

/**
 * Webhooks are set up by organization admins (anyone can sign up and become one), so the worker must not become a
 * way to reach our own network: only globally routable unicast addresses are allowed (special-addresses.ts), unless
 * WEBHOOK_ALLOW_PRIVATE_TARGETS is on (local development, tests).
 */

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address a host name resolves to. */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

/**
 * A webhook URL with the addresses it was resolved to and checked against; the sender connects only to these, so a
 * name that resolves elsewhere a moment later (DNS rebinding) cannot slip past the check.
 */
export interface CheckedWebhookTarget {
  url: string;
  /** The URL's host without brackets: the name the connection asks for, and keeps for TLS (SNI) and Host. */
  hostname: string;
  addresses: readonly ResolvedAddress[];
}

export interface WebhookPolicyOptions {
  /** WEBHOOK_ALLOW_PRIVATE_TARGETS: loopback and private targets allowed (local development, tests). */
  allowPrivateTargets: boolean;
  /** How host names are resolved; the system resolver unless a test simulates DNS answers. */
  resolveHost?: HostResolver;
}

export const WEBHOOK_POLICY_OPTIONS = Symbol('WEBHOOK_POLICY_OPTIONS');

const systemResolver: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

@Injectable()
export class WebhookPolicy {
  private readonly resolveHost: HostResolver;

  constructor(@Inject(WEBHOOK_POLICY_OPTIONS) private readonly options: WebhookPolicyOptions) {
    this.resolveHost = options.resolveHost ?? systemResolver;
  }

  /**
   * When a webhook is saved: throws what `refuse` builds when the URL resolves to a refused address (or does not
   * resolve). With private targets allowed nothing is looked up, so a URL for a receiver not yet running is accepted.
   */
  async check(url: string, refuse: (reason: string) => Error): Promise<void> {
    if (this.options.allowPrivateTargets) return;
    await this.resolve(url, refuse);
  }

  /** Before a send: resolves the host once, checks every address, and returns them for the sender to connect to. */
  async resolve(url: string, refuse: (reason: string) => Error): Promise<CheckedWebhookTarget> {
    const { hostname: host, origin } = new URL(url);
    const hostname = host.replace(/^\[(.*)\]$/, '$1');
    const family = isIP(hostname);
    let addresses: ResolvedAddress[];
    if (family !== 0) addresses = [{ address: hostname, family: family === 6 ? 6 : 4 }];
    else {
      try {
        addresses = await this.resolveHost(hostname);
      } catch {
        addresses = [];
      }
    }
    if (addresses.length === 0) throw refuse(`the host of ${origin} does not resolve`);
    if (!this.options.allowPrivateTargets) {
      const refused = addresses.map(({ address }) => whyNotGlobalUnicast(address)).filter((why) => why !== undefined);
      if (refused.length) throw refuse(`${hostname} resolves to a private or reserved address (${refused.join('; ')})`);
    }
    return { url, hostname, addresses };
  }
}
