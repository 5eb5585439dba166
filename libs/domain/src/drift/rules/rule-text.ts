/** Small wording helpers shared by the rules, so every alert message reads the same way. */

/** A title as it appears in a message: ‘Hire two AEs’. */
export function quoted(title: string): string {
  return `‘${title}’`;
}

/** "1 day", "5 days". */
export function dayCount(days: number): string {
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

/** Ratios shown to people and stored in details: two decimals are plenty and keep snapshots stable. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
