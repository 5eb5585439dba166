import { Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyAttempts } from '@app/domain';

/** Views of shared reports per client IP and minute: plenty for people, a brake on anyone trying tokens. */
const VIEWS_PER_MINUTE = 60;

/**
 * A per-process brake on the public share-link routes (rate-limiter-flexible's memory store). A token is 256 random
 * bits, so guessing is hopeless anyway; this keeps one client from turning PDF rendering into a denial of service.
 */
@Injectable()
export class ShareLinkThrottle {
  private readonly perIp = new RateLimiterMemory({ keyPrefix: 'share-view', points: VIEWS_PER_MINUTE, duration: 60 });

  async count(ip: string): Promise<void> {
    try {
      await this.perIp.consume(ip);
    } catch (refused) {
      if (!(refused instanceof RateLimiterRes)) throw refused;
      throw new TooManyAttempts(
        'REPORT.TOO_MANY_VIEWS',
        'Too many shared report views from this address; try again in a minute',
        Math.ceil(refused.msBeforeNext / 1000),
      );
    }
  }
}
