import type { CheckInBlocker } from './check-in.entity';

export interface BlockersInput {
  /** Free text, as the emailed check-in form and older clients send it. */
  blockers?: string | null;
  /** Whether that free text needs the client's action. */
  blockersNeedClientAction?: boolean;
  /** Blockers one by one, each with its own flag (the dashboard's form). */
  blockerItems?: ReadonlyArray<{ text: string; needsClientAction: boolean }>;
}

export interface StoredBlockers {
  blockers: string | null;
  blockersNeedClientAction: boolean;
  blockerItems: CheckInBlocker[];
}

/**
 * One meaning for both ways of reporting blockers: the client summary's asks read the items, so free text flagged
 * for the client becomes one item; items flagged for the client set the overall flag.
 */
export function storedBlockers(input: BlockersInput): StoredBlockers {
  const blockers = input.blockers?.trim() || null;
  const given = (input.blockerItems ?? []).map((b) => ({
    text: b.text.trim(),
    needsClientAction: b.needsClientAction,
  }));
  const blockerItems =
    given.length > 0
      ? given
      : blockers
        ? [{ text: blockers, needsClientAction: input.blockersNeedClientAction ?? false }]
        : [];
  return {
    blockers,
    blockersNeedClientAction: input.blockersNeedClientAction ?? blockerItems.some((b) => b.needsClientAction),
    blockerItems,
  };
}
