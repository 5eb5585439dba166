/**
 * The focus cap said before it is hit (issue 14): "4 of 5 active" beside the status of a new priority, and what to
 * do when the engagement is already at its cap, instead of a refusal after the click.
 */
export function focusCapHint(active: number, cap: number, status: 'active' | 'draft'): string {
  const count = `${active} of ${cap} active`;
  if (status === 'draft') return `${count}; a draft does not count against the focus cap.`;
  if (active >= cap)
    return `${count}: the focus cap is reached. Save this one as a draft, or achieve, drop or move one to draft first.`;
  const room = cap - active;
  return `${count}: room for ${room} more ${room === 1 ? 'active priority' : 'active priorities'}.`;
}
