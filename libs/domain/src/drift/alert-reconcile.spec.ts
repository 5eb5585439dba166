import { alertKey, alertsNotSeen, planAlerts, planDetections, type OpenAlert } from './alert-reconcile';
import type { Detection } from './drift-types';

const detection = (
  subjectId: string,
  severity: Detection['severity'],
  rule: Detection['rule'] = 'milestone_overdue',
): Detection => ({
  rule,
  subjectType: 'milestone',
  subjectId,
  engagementId: 'e1',
  severity,
  message: `${subjectId} is late`,
  details: {},
});
const alert = (
  subjectId: string,
  severity: OpenAlert['severity'],
  status: OpenAlert['status'] = 'open',
): OpenAlert => ({
  id: `a-${subjectId}`,
  rule: 'milestone_overdue',
  subjectType: 'milestone',
  subjectId,
  severity,
  status,
});

describe('planAlerts', () => {
  it('raises new conditions, refreshes the same level, escalates a higher one and resolves what cleared', () => {
    const plan = planAlerts(
      [alert('m1', 'info'), alert('m2', 'warning'), alert('m3', 'warning', 'acknowledged')],
      [detection('m1', 'warning'), detection('m2', 'warning'), detection('m4', 'info')],
    );
    expect(plan.raise.map((d) => d.subjectId)).toEqual(['m4']);
    expect(plan.escalate.map((e) => [e.alert.subjectId, e.detection.severity])).toEqual([['m1', 'warning']]);
    expect(plan.refresh.map((r) => r.alert.subjectId)).toEqual(['m2']);
    expect(plan.resolve.map((a) => a.subjectId)).toEqual(['m3']);
  });

  it('never lowers severity (a lower re-detection is a refresh)', () => {
    const plan = planAlerts([alert('m1', 'critical')], [detection('m1', 'info')]);
    expect(plan.refresh).toHaveLength(1);
    expect(plan.escalate).toHaveLength(0);
  });

  it('keys alerts by rule and subject: the same subject under two rules is two alerts', () => {
    const plan = planAlerts(
      [alert('m1', 'info')],
      [detection('m1', 'info'), detection('m1', 'warning', 'milestone_replanned')],
    );
    expect(plan.raise.map((d) => d.rule)).toEqual(['milestone_replanned']);
    expect(plan.refresh).toHaveLength(1);
  });

  it('counts a detection reported twice once', () => {
    expect(planAlerts([], [detection('m1', 'info'), detection('m1', 'info')]).raise).toHaveLength(1);
  });
});

describe('planDetections + alertsNotSeen (a scan in batches)', () => {
  it('plans batch by batch exactly what planAlerts plans in one go', () => {
    const open = [
      alert('m1', 'info'),
      alert('m2', 'warning'),
      alert('m3', 'warning', 'acknowledged'),
      alert('m5', 'info'),
    ];
    const detections = [
      detection('m1', 'warning'),
      detection('m2', 'warning'),
      detection('m4', 'info'),
      detection('m5', 'info'),
      detection('m4', 'info'),
    ];
    const whole = planAlerts(open, detections);

    const openByKey = new Map(open.map((a) => [alertKey(a), a]));
    const seen = new Set<string>();
    const first = planDetections(openByKey, detections.slice(0, 2), seen);
    const second = planDetections(openByKey, detections.slice(2), seen);
    expect([...first.raise, ...second.raise]).toEqual(whole.raise);
    expect([...first.escalate, ...second.escalate]).toEqual(whole.escalate);
    expect([...first.refresh, ...second.refresh]).toEqual(whole.refresh);
    expect(alertsNotSeen(open, seen)).toEqual(whole.resolve);
    expect(whole.resolve.map((a) => a.subjectId)).toEqual(['m3']);
  });

  it('does not raise a subject twice when two batches detect it', () => {
    const seen = new Set<string>();
    expect(planDetections(new Map(), [detection('m1', 'info')], seen).raise).toHaveLength(1);
    expect(planDetections(new Map(), [detection('m1', 'warning')], seen).raise).toHaveLength(0);
  });
});
