import type { Clock } from '@app/domain';

/** Makes an app's Clock pinnable: the returned setter fixes "now" (null gives real time back). */
export function pinnableClock(clock: Clock): (instant: Date | null) => void {
  const realNow = clock.now.bind(clock);
  let pinned: Date | null = null;
  clock.now = () => (pinned ? new Date(pinned) : realNow());
  return (instant) => {
    pinned = instant;
  };
}
