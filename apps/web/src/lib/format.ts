import { DateTime } from 'luxon';

/** Calendar dates (YYYY-MM-DD) are shown as they are; instants in the viewer's timezone. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  return DateTime.fromISO(isoDate).toFormat('d LLL yyyy');
}

export function formatShortDate(isoDate: string): string {
  return DateTime.fromISO(isoDate).toFormat('d LLL');
}

/** An instant in the given IANA timezone (the viewer's), e.g. "4 Feb 2026, 15:00". */
export function formatInstant(iso: string | null | undefined, timezone?: string | null): string {
  if (!iso) return '—';
  const at = DateTime.fromISO(iso, { zone: timezone ?? undefined });
  return (at.isValid ? at : DateTime.fromISO(iso)).toFormat('d LLL yyyy, HH:mm');
}

/** "3 days ago", "today" for the age of a check-in. */
export function ageOf(iso: string | null | undefined, now: DateTime = DateTime.now()): string {
  if (!iso) return 'never';
  const days = Math.floor(now.diff(DateTime.fromISO(iso), 'days').days);
  if (days <= 0) return 'today';
  if (days === 1) return '1 day ago';
  return `${days} days ago`;
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round(DateTime.fromISO(toIso).diff(DateTime.fromISO(fromIso), 'days').days);
}

export const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

/** "1 active priority", "2 active priorities": a count with the noun that agrees with it. */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * A forecast's range in words: "12–19 May", "28 May – 3 Jun", "28 Dec 2026 – 4 Jan 2027"; one date when P50 and P80
 * are the same day ("12 May"). The year is shown when the range crosses one or is not the current year.
 */
export function dateRange(p50: string, p80: string, today: string = DateTime.now().toISODate()!): string {
  const a = DateTime.fromISO(p50);
  const b = DateTime.fromISO(p80);
  const year = (d: DateTime) => (d.year !== DateTime.fromISO(today).year ? ` ${d.year}` : '');
  if (p50 === p80) return `${a.toFormat('d LLL')}${year(a)}`;
  if (a.year !== b.year) return `${a.toFormat('d LLL yyyy')} – ${b.toFormat('d LLL yyyy')}`;
  if (a.month === b.month) return `${a.day}–${b.day} ${b.toFormat('LLL')}${year(b)}`;
  return `${a.toFormat('d LLL')} – ${b.toFormat('d LLL')}${year(b)}`;
}

/**
 * How long an alert's condition has held: "since 7 May 2026 (25 days)" from the API's conditionSince (a milestone
 * overdue since the day after its due date), else "first seen 1 Jun 2026" when the rule cannot tell.
 */
export function alertAge(
  alert: { conditionSince: string | null; firstSeenAt: string },
  now: DateTime = DateTime.now(),
): string {
  if (!alert.conditionSince) return `first seen ${formatDate(alert.firstSeenAt.slice(0, 10))}`;
  const days = Math.max(0, Math.floor(now.startOf('day').diff(DateTime.fromISO(alert.conditionSince), 'days').days));
  return `since ${formatDate(alert.conditionSince)} (${plural(days, 'day', 'days')})`;
}
