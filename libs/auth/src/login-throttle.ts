import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { TooManyAttempts } from '@app/domain';
import { AUTH_OPTIONS, type AuthOptions } from './auth-options';

export interface LoginThrottleOptions {
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  windowSeconds: number;
}

/** What one attempt was counted against, so a success can take its point back. */
export interface CountedAttempt {
  accountKey: string;
  ipKey: string;
}

const digest = (value: string) => createHash('sha256').update(value).digest('base64url');

/**
 * Brute-force and credential-stuffing brakes on login (and, later, password reset), with rate-limiter-flexible's
 * PostgreSQL store: every API process shares the counters through the database it already has (Redis is optional
 * in this installation, PostgreSQL is not), and the upsert is atomic, so parallel guesses cannot slip past.
 *
 * Each attempt is counted before the password is checked, per account (the normalized email, whether or not it
 * exists, so a 429 says nothing about which accounts exist) and per client IP. A success clears the account's
 * count and gives the IP its point back: only failures add up.
 */
@Injectable()
export class LoginThrottle {
  private readonly perAccount: RateLimiterPostgres;
  private readonly perIp: RateLimiterPostgres;
  private readonly resetsPerAccount: RateLimiterPostgres;
  private readonly resetsPerIp: RateLimiterPostgres;
  private readonly signupsPerAccount: RateLimiterPostgres;
  private readonly signupsPerIp: RateLimiterPostgres;
  private readonly apiTokenFailuresPerIp: RateLimiterPostgres;

  constructor(dataSource: DataSource, @Inject(AUTH_OPTIONS) options: AuthOptions) {
    const pool = (dataSource.driver as unknown as { master: unknown }).master;
    const { maxFailuresPerAccount, maxFailuresPerIp, windowSeconds } = options.loginThrottle;
    const store = {
      storeClient: pool,
      storeType: 'pool',
      tableName: 'login_attempts',
      tableCreated: true,
      duration: windowSeconds,
    };
    this.perAccount = new RateLimiterPostgres({ ...store, keyPrefix: 'login-account', points: maxFailuresPerAccount });
    this.perIp = new RateLimiterPostgres({ ...store, keyPrefix: 'login-ip', points: maxFailuresPerIp });
    this.resetsPerAccount = new RateLimiterPostgres({
      ...store,
      keyPrefix: 'reset-account',
      points: maxFailuresPerAccount,
    });
    this.resetsPerIp = new RateLimiterPostgres({ ...store, keyPrefix: 'reset-ip', points: maxFailuresPerIp });
    this.signupsPerAccount = new RateLimiterPostgres({
      ...store,
      keyPrefix: 'signup-account',
      points: maxFailuresPerAccount,
    });
    this.signupsPerIp = new RateLimiterPostgres({ ...store, keyPrefix: 'signup-ip', points: maxFailuresPerIp });
    this.apiTokenFailuresPerIp = new RateLimiterPostgres({
      ...store,
      keyPrefix: 'api-token-ip',
      points: maxFailuresPerIp,
    });
  }

  /** Counts an attempt; throws TooManyAttempts (429, Retry-After) when the account or the IP is over its limit. */
  async count(email: string, ip: string): Promise<CountedAttempt> {
    const attempt = { accountKey: digest(email.trim().toLowerCase()), ipKey: digest(ip) };
    await this.consumeBoth(this.perAccount, this.perIp, attempt, 'Too many login attempts; try again later');
    return attempt;
  }

  /** Password reset requests: every one counts (there is no success to refund), with the login limits. */
  async countResetRequest(email: string, ip: string): Promise<void> {
    const attempt = { accountKey: digest(email.trim().toLowerCase()), ipKey: digest(ip) };
    await this.consumeBoth(
      this.resetsPerAccount,
      this.resetsPerIp,
      attempt,
      'Too many password reset requests; try again later',
    );
  }

  /** Sign-up requests, like reset requests: every one counts, per email and per IP, with the login limits. */
  async countSignupRequest(email: string, ip: string): Promise<void> {
    const attempt = { accountKey: digest(email.trim().toLowerCase()), ipKey: digest(ip) };
    await this.consumeBoth(
      this.signupsPerAccount,
      this.signupsPerIp,
      attempt,
      'Too many sign-up requests; try again later',
    );
  }

  private async consumeBoth(
    perAccount: RateLimiterPostgres,
    perIp: RateLimiterPostgres,
    attempt: CountedAttempt,
    message: string,
  ): Promise<void> {
    const outcomes = await Promise.allSettled([perAccount.consume(attempt.accountKey), perIp.consume(attempt.ipKey)]);
    const refused = outcomes.flatMap((o) =>
      o.status === 'rejected' && o.reason instanceof RateLimiterRes ? [o.reason] : [],
    );
    const failed = outcomes.find((o) => o.status === 'rejected' && !(o.reason instanceof RateLimiterRes)) as
      PromiseRejectedResult | undefined;
    if (failed) throw failed.reason;
    if (refused.length > 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(Math.max(...refused.map((r) => r.msBeforeNext)) / 1000));
      throw new TooManyAttempts('AUTH.TOO_MANY_ATTEMPTS', message, retryAfterSeconds);
    }
  }

  /**
   * Personal API tokens, before the lookup: an address that has presented LOGIN_MAX_FAILURES_PER_IP bad tokens within
   * the window gets 429 (a token is 256 random bits, so this only stops the noise, and keeps the lookups cheap).
   * Only failures count (countApiTokenFailure): an integration that works is never slowed.
   */
  async assertApiTokenAttemptsLeft(ip: string): Promise<void> {
    const used = await this.apiTokenFailuresPerIp.get(digest(ip));
    if (used && used.remainingPoints <= 0) throw tooManyTokenAttempts(used.msBeforeNext);
  }

  async countApiTokenFailure(ip: string): Promise<void> {
    try {
      await this.apiTokenFailuresPerIp.consume(digest(ip));
    } catch (error) {
      if (error instanceof RateLimiterRes) throw tooManyTokenAttempts(error.msBeforeNext);
      throw error;
    }
  }

  async succeeded(attempt: CountedAttempt): Promise<void> {
    await Promise.all([this.perAccount.delete(attempt.accountKey), this.perIp.reward(attempt.ipKey, 1)]);
  }
}

function tooManyTokenAttempts(msBeforeNext: number): TooManyAttempts {
  return new TooManyAttempts(
    'AUTH.TOO_MANY_ATTEMPTS',
    'Too many invalid API tokens from this address; try again later',
    Math.max(1, Math.ceil(msBeforeNext / 1000)),
  );
}
