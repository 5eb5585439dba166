import { renewalAtRiskRule } from './renewal-at-risk.rule';
import { scanFacts, termFacts } from './scan-facts.fixture';

// today 2026-03-20; defaults: renewal within 60 days, drift score above 40, no check-in for more than 14 days,
// median acknowledgement above 7 days.
function atRisk(overrides: Parameters<typeof termFacts>[0]) {
  return renewalAtRiskRule(scanFacts({ terms: [termFacts({ renewalDate: '2026-05-19', ...overrides })] }));
}

describe('renewalAtRiskRule', () => {
  it('warns for a renewal in exactly 60 days with a drift score of 41', () => {
    expect(atRisk({ driftScore: 41 })).toEqual([
      {
        rule: 'renewal_at_risk',
        subjectType: 'engagement',
        subjectId: 'e-1',
        engagementId: 'e-1',
        severity: 'warning',
        message: 'The renewal on 2026-05-19 (in 60 days) is at risk: drift score 41 (above 40)',
        details: {
          renewalDate: '2026-05-19',
          daysToRenewal: 60,
          driftScore: 41,
          daysWithoutCheckIn: 4,
          ackMedianDays: 1,
          reasons: 1,
          renewalWindowDays: 60,
          renewalRiskDriftScore: 40,
          renewalMissedCheckInDays: 14,
          renewalAckMedianDays: 7,
        },
      },
    ]);
  });

  it('is silent at the thresholds themselves: score 40, 14 days without a check-in, median 7 days', () => {
    expect(atRisk({ driftScore: 40, lastCheckInOn: '2026-03-06', ackMedianDays: 7 })).toEqual([]);
  });

  it('is silent for a healthy engagement, and beyond 60 days however bad it looks', () => {
    expect(atRisk({})).toEqual([]);
    expect(atRisk({ renewalDate: '2026-05-20', driftScore: 90, ackMedianDays: 20 })).toEqual([]);
  });

  it('counts missed check-ins (15 days since the last), and from the start when there was none', () => {
    const [d] = atRisk({ lastCheckInOn: '2026-03-05' });
    expect(d.message).toContain('no check-in for 15 days');
    const [fresh] = atRisk({ lastCheckInOn: null, startDate: '2026-03-01' });
    expect(fresh.message).toContain('no check-in since the start 19 days ago');
    expect(atRisk({ lastCheckInOn: null, startDate: '2026-03-10' })).toEqual([]);
  });

  it('flags a client slow to acknowledge (median 7.5 days)', () => {
    const [d] = atRisk({ ackMedianDays: 7.5 });
    expect(d.message).toContain('the client takes 7.5 days (median) to acknowledge check-ins');
  });

  it('is critical with two reasons or more, and lists them all', () => {
    const [d] = atRisk({ driftScore: 55, lastCheckInOn: '2026-02-20', ackMedianDays: 9 });
    expect(d.severity).toBe('critical');
    expect(d.details.reasons).toBe(3);
    expect(d.message).toBe(
      'The renewal on 2026-05-19 (in 60 days) is at risk: drift score 55 (above 40); no check-in for 28 days; the client takes 9 days (median) to acknowledge check-ins',
    );
  });

  it('ignores a renewal date already past, an engagement without one, and no score yet', () => {
    expect(atRisk({ renewalDate: '2026-03-19', driftScore: 90 })).toEqual([]);
    expect(atRisk({ renewalDate: null, driftScore: 90 })).toEqual([]);
    expect(atRisk({ driftScore: null })).toEqual([]);
    expect(atRisk({ renewalDate: '2026-03-20', driftScore: 41 })[0].message).toContain('(today)');
  });
});

describe('renewalAtRiskRule and the client pulse', () => {
  it('a latest pulse of 2 of 5 is a reason; 3 is not', () => {
    const [d] = atRisk({ latestPulseScore: 2 });
    expect(d.message).toBe("The renewal on 2026-05-19 (in 60 days) is at risk: the client's latest pulse is 2 of 5");
    expect(d.details).toMatchObject({ latestPulseScore: 2, reasons: 1 });
    expect(atRisk({ latestPulseScore: 3 })).toEqual([]);
    expect(atRisk({ latestPulseScore: null })).toEqual([]);
  });
  it('with a high drift score too it is critical', () => {
    expect(atRisk({ latestPulseScore: 1, driftScore: 60 })[0].severity).toBe('critical');
  });
});
