import { SEVERITY_RANK, type Detection, type DriftRule, type Severity, type SubjectType } from './drift-types';

export interface OpenAlert {
  id: string;
  rule: DriftRule;
  subjectType: SubjectType;
  subjectId: string;
  severity: Severity;
  status: 'open' | 'acknowledged';
}

export interface AlertPlan {
  /** New conditions: raise an alert and notify. */
  raise: Detection[];
  /** Seen again at a higher severity: escalate, re-open if acknowledged, notify again. */
  escalate: Array<{ alert: OpenAlert; detection: Detection }>;
  /** Seen again, same or lower severity: refresh last-seen and the message; no notification. */
  refresh: Array<{ alert: OpenAlert; detection: Detection }>;
  /** No longer detected: resolve on their own. */
  resolve: OpenAlert[];
}

export const alertKey = (a: { rule: string; subjectType: string; subjectId: string }) =>
  `${a.rule}|${a.subjectType}|${a.subjectId}`;

/**
 * Decides what a scan does with each alert. Severity never goes down while an alert stays open: a
 * condition that eases and worsens again must not notify people twice for the same level.
 */
export function planAlerts(open: readonly OpenAlert[], detections: readonly Detection[]): AlertPlan {
  const seen = new Set<string>();
  const plan = planDetections(new Map(open.map((a) => [alertKey(a), a])), detections, seen);
  return { ...plan, resolve: alertsNotSeen(open, seen) };
}

/**
 * One batch of a scan's detections against the open alerts (by alertKey). `seen` collects the keys across
 * batches, so a subject detected twice is planned once, and what was never seen can be resolved at the end.
 */
export function planDetections(
  openByKey: ReadonlyMap<string, OpenAlert>,
  detections: readonly Detection[],
  seen: Set<string>,
): Omit<AlertPlan, 'resolve'> {
  const plan: Omit<AlertPlan, 'resolve'> = { raise: [], escalate: [], refresh: [] };
  for (const detection of detections) {
    const key = alertKey(detection);
    if (seen.has(key)) continue;
    seen.add(key);
    const alert = openByKey.get(key);
    if (!alert) plan.raise.push(detection);
    else if (SEVERITY_RANK[detection.severity] > SEVERITY_RANK[alert.severity])
      plan.escalate.push({ alert, detection });
    else plan.refresh.push({ alert, detection });
  }
  return plan;
}

/** Open alerts whose condition no scan batch detected: they resolve on their own. */
export function alertsNotSeen(open: Iterable<OpenAlert>, seen: ReadonlySet<string>): OpenAlert[] {
  return [...open].filter((a) => !seen.has(alertKey(a)));
}
