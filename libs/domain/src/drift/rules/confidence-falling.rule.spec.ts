import { confidenceFallingRule } from './confidence-falling.rule';
import { priorityFacts, scanFacts } from './scan-facts.fixture';

type Rag = 'on_track' | 'at_risk' | 'off_track';

/** Confidences newest first, one week apart, all on_track unless `newestRag` says otherwise. */
function falling(confidences: number[], newestRag: Rag = 'on_track', confidenceFallingDrops = 2) {
  const days = ['2026-03-16', '2026-03-09', '2026-03-02', '2026-02-23', '2026-02-16'];
  const recentCheckIns = confidences.map((confidence, i) => ({
    createdOn: days[i],
    confidence,
    rag: i === 0 ? newestRag : ('on_track' as Rag),
  }));
  const facts = scanFacts({ priorities: [priorityFacts({ recentCheckIns })] });
  return confidenceFallingRule({ ...facts, thresholds: { ...facts.thresholds, confidenceFallingDrops } });
}

describe('confidenceFallingRule', () => {
  it('warns on two consecutive drops (7 → 6 → 5) with the newest check-in still on track', () => {
    expect(falling([5, 6, 7])).toEqual([
      {
        rule: 'confidence_falling',
        subjectType: 'priority',
        subjectId: 'p-1',
        engagementId: 'e-1',
        severity: 'warning',
        message:
          'Confidence in ‘Build the sales team’ fell from 7 to 5 over the last 3 check-ins while it is still reported on track',
        details: { fromConfidence: 7, toConfidence: 5, drop: 2, checkIns: 3, latestCheckInOn: '2026-03-16' },
      },
    ]);
  });

  it('is critical from a 4-point fall (7 → 4 warning, 7 → 3 critical)', () => {
    expect(falling([4, 5, 7])[0].severity).toBe('warning');
    expect(falling([3, 5, 7])[0].severity).toBe('critical');
  });

  it('needs strict drops at every step', () => {
    expect(falling([5, 5, 7])).toEqual([]);
    expect(falling([5, 7, 6])).toEqual([]);
  });

  it('is silent once the RAG is no longer green: then the RAG itself tells the story', () => {
    expect(falling([5, 6, 7], 'at_risk')).toEqual([]);
    expect(falling([5, 6, 7], 'off_track')).toEqual([]);
  });

  it('needs drops + 1 check-ins: one drop or no check-ins is not a trend', () => {
    expect(falling([5, 6])).toEqual([]);
    expect(falling([])).toEqual([]);
  });

  it('looks only at the newest drops + 1 check-ins', () => {
    expect(falling([5, 6, 7, 2])[0].details.drop).toBe(2);
  });

  it('follows the organization threshold (3 drops need 4 check-ins)', () => {
    expect(falling([5, 6, 7], 'on_track', 3)).toEqual([]);
    expect(falling([5, 6, 7, 8], 'on_track', 3)[0].details).toMatchObject({ drop: 3, checkIns: 4 });
  });
});
