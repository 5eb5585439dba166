import { RestartPolicy } from './restart-policy';

const s = 1_000;

describe('RestartPolicy', () => {
  it('doubles the delay for crashes in a row: 1 s, 2 s, 4 s, 8 s, 16 s, then 30 s at most', () => {
    const policy = new RestartPolicy({ ...defaults(), maxCrashes: 100 });
    const delays: number[] = [];
    let now = 0;
    for (let i = 0; i < 8; i += 1) {
      // Each crash 40 s after the last (never a minute up), so the crash window never fills either.
      const decision = policy.onCrash(now + 40 * s, now);
      now += 40 * s;
      delays.push(decision.restart ? decision.delayMs : -1);
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 30, 30, 30].map((d) => d * s));
  });

  it('starts over at 1 s when the process had run a minute before it crashed', () => {
    const policy = new RestartPolicy();
    expect(policy.onCrash(10 * s, 0)).toEqual({ restart: true, delayMs: 1 * s });
    expect(policy.onCrash(12 * s, 11 * s)).toEqual({ restart: true, delayMs: 2 * s });
    expect(policy.onCrash(90 * s, 14 * s)).toEqual({ restart: true, delayMs: 1 * s });
  });

  it('gives up at the 5th crash within 2 minutes, not when the crashes are spread out', () => {
    const spread = new RestartPolicy();
    for (let i = 1; i <= 10; i += 1) expect(spread.onCrash(i * 31 * s, i * 31 * s - 1).restart).toBe(true);
    const burst = new RestartPolicy();
    const decisions = [1, 3, 7, 15, 31].map((t) => burst.onCrash(t * s, t * s - 500));
    expect(decisions.map((d) => d.restart)).toEqual([true, true, true, true, false]);
    expect(decisions[4]).toEqual({ restart: false, crashes: 5, withinMs: 120 * s });
  });
});

function defaults() {
  return { initialDelayMs: 1_000, maxDelayMs: 30_000, resetAfterMs: 60_000, maxCrashes: 5, crashWindowMs: 120_000 };
}
