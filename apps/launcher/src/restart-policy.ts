/** When a crashed API or worker is started again, and when the launcher gives up. */
export interface RestartPolicyOptions {
  /** The first restart's delay; each crash in a row doubles it. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** A process that ran this long before it crashed starts the doubling over. */
  resetAfterMs: number;
  /** This many crashes within `crashWindowMs` stop everything. */
  maxCrashes: number;
  crashWindowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  resetAfterMs: 60_000,
  maxCrashes: 5,
  crashWindowMs: 120_000,
};

export type CrashDecision = { restart: true; delayMs: number } | { restart: false; crashes: number; withinMs: number };

/** One per supervised process: 1 s, 2 s, 4 s … capped at 30 s, reset after a minute of uptime; 5 crashes in 2 minutes end it. */
export class RestartPolicy {
  private crashTimes: number[] = [];
  private inARow = 0;

  constructor(private readonly options: RestartPolicyOptions = DEFAULT_RESTART_POLICY) {}

  /** `now` and `startedAt` in milliseconds: the crash's time and the crashed process's start. */
  onCrash(now: number, startedAt: number): CrashDecision {
    const o = this.options;
    this.crashTimes = [...this.crashTimes.filter((t) => now - t < o.crashWindowMs), now];
    if (this.crashTimes.length >= o.maxCrashes)
      return { restart: false, crashes: this.crashTimes.length, withinMs: o.crashWindowMs };
    this.inARow = now - startedAt >= o.resetAfterMs ? 1 : this.inARow + 1;
    return { restart: true, delayMs: Math.min(o.initialDelayMs * 2 ** (this.inARow - 1), o.maxDelayMs) };
  }
}
