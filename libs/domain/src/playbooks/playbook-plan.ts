// Calendar dates carry no time of day, so the organization's timezone cannot move them: UTC-midnight arithmetic is exact.
import { addDays, daysBetween } from '../health/calendar';

/** A milestone of a playbook: due `offsetDays` after the day the playbook is applied from. */
export interface PlanMilestone {
  title: string;
  offsetDays: number;
  weight: number;
}

/** A priority of a playbook, in the playbook's order; its dates are offsets from the same start. */
export interface PlanPriority {
  title: string;
  description: string | null;
  suggestedOwnerTitle: string | null;
  startOffsetDays: number;
  targetOffsetDays: number;
  milestones: PlanMilestone[];
}

export interface PlanViolation {
  code: 'PLAYBOOK.MILESTONE_BEFORE_PRIORITY_START' | 'PLAYBOOK.TARGET_BEFORE_START';
  message: string;
  priority: number;
  milestone?: number;
}

/** What would make the plan impossible to apply, in plan order (positions are 1-based); empty when it is sound. */
export function planViolations(plan: readonly PlanPriority[]): PlanViolation[] {
  const violations: PlanViolation[] = [];
  plan.forEach((priority, i) => {
    if (priority.targetOffsetDays < priority.startOffsetDays)
      violations.push({
        code: 'PLAYBOOK.TARGET_BEFORE_START',
        message: `priorities[${i}] "${priority.title}": targetOffsetDays ${priority.targetOffsetDays} is before startOffsetDays ${priority.startOffsetDays}`,
        priority: i + 1,
      });
    priority.milestones.forEach((milestone, j) => {
      if (milestone.offsetDays < priority.startOffsetDays)
        violations.push({
          code: 'PLAYBOOK.MILESTONE_BEFORE_PRIORITY_START',
          message: `priorities[${i}].milestones[${j}] "${milestone.title}": offsetDays ${milestone.offsetDays} puts it before its priority's start (day ${priority.startOffsetDays})`,
          priority: i + 1,
          milestone: j + 1,
        });
    });
  });
  return violations;
}

export interface PlannedMilestone {
  title: string;
  dueDate: string;
  weight: number;
}

export interface PlannedPriority {
  /** 1-based position in the playbook. */
  position: number;
  title: string;
  description: string | null;
  ownerId: string;
  status: 'active' | 'draft';
  rank: number;
  startDate: string;
  targetDate: string;
  milestones: PlannedMilestone[];
}

export interface ApplicationInput {
  plan: readonly PlanPriority[];
  startDate: string;
  /** One owner per priority, in plan order. */
  ownerIds: readonly string[];
  /** Active priorities the engagement has now. */
  activeCount: number;
  /** The highest rank of its active priorities (their count when ranks have no gaps, as the services keep them). */
  maxActiveRank?: number;
  /** The highest rank any of its priorities has now (0 when it has none). */
  maxRank: number;
  focusCap: number;
}

/**
 * What applying a plan creates: priorities after the existing ones, active while the focus cap has room and draft
 * after that (in plan order), milestones at start + offset. Active ranks continue 1..n without gaps; drafts follow
 * both the existing priorities and the new active ones.
 */
export function planApplication(input: ApplicationInput): PlannedPriority[] {
  let room = Math.max(0, input.focusCap - input.activeCount);
  // After the highest active rank, not the count: ranks written before the services compacted them may have gaps.
  let nextActiveRank = Math.max(input.activeCount, input.maxActiveRank ?? 0) + 1;
  const activating = Math.min(room, input.plan.length);
  let nextDraftRank = Math.max(input.maxRank, nextActiveRank - 1 + activating) + 1;
  return input.plan.map((priority, i) => {
    const active = room > 0;
    if (active) room -= 1;
    const rank = active ? nextActiveRank++ : nextDraftRank++;
    const startDate = addDays(input.startDate, priority.startOffsetDays);
    const milestones = priority.milestones.map((m) => ({
      title: m.title,
      dueDate: addDays(input.startDate, m.offsetDays),
      weight: m.weight,
    }));
    return {
      position: i + 1,
      title: priority.title,
      description: priority.description,
      ownerId: input.ownerIds[i]!,
      status: active ? 'active' : 'draft',
      rank,
      startDate,
      targetDate: addDays(input.startDate, priority.targetOffsetDays),
      milestones,
    };
  });
}

/** An engagement's priority as "save as playbook" reads it. */
export interface EngagementPriorityShape {
  title: string;
  description: string | null;
  ownerTitle: string | null;
  startDate: string;
  targetDate: string;
  milestones: Array<{ title: string; dueDate: string; weight: number }>;
}

/**
 * The plan an engagement followed, as offsets from its earliest priority start (or the engagement's start, if
 * earlier): the dates an organization typed are calendar dates in its own timezone, and so are the offsets.
 * Priorities keep the given order; milestones are sorted by due date; a milestone due before its priority's start
 * is moved to that start so the plan can be applied again.
 */
export function derivePlan(engagementStart: string, priorities: readonly EngagementPriorityShape[]): PlanPriority[] {
  const anchor = priorities.reduce((min, p) => (p.startDate < min ? p.startDate : min), engagementStart);
  return priorities.map((p) => {
    const startOffsetDays = daysBetween(anchor, p.startDate);
    const milestones = [...p.milestones]
      .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))
      .map((m) => ({
        title: m.title,
        offsetDays: Math.max(startOffsetDays, daysBetween(anchor, m.dueDate)),
        weight: m.weight,
      }));
    return {
      title: p.title,
      description: p.description,
      suggestedOwnerTitle: p.ownerTitle,
      startOffsetDays,
      targetOffsetDays: Math.max(startOffsetDays, daysBetween(anchor, p.targetDate)),
      milestones,
    };
  });
}
