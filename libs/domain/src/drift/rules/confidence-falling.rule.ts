import type { Detection, ScanFacts } from '../drift-types';
import { quoted } from './rule-text';

/** A fall of this many confidence points (0–10 scale) across the window is critical. */
const CRITICAL_DROP_POINTS = 4;

/**
 * Confidence dropped at every one of the last `confidenceFallingDrops` check-ins while the newest RAG is
 * still on_track: the people are reporting green but sound less and less sure.
 */
export function confidenceFallingRule(facts: ScanFacts): Detection[] {
  // At least one drop: with 0 every single green check-in would count as "falling".
  const drops = Math.max(1, facts.thresholds.confidenceFallingDrops);
  const detections: Detection[] = [];
  for (const p of facts.priorities) {
    const window = p.recentCheckIns.slice(0, drops + 1); // newest first (contract)
    if (window.length < drops + 1 || window[0].rag !== 'on_track') continue;
    const strictlyFalling = window.every((c, i) => i === window.length - 1 || c.confidence < window[i + 1].confidence);
    if (!strictlyFalling) continue;
    const from = window[window.length - 1].confidence;
    const to = window[0].confidence;
    const drop = from - to;
    detections.push({
      rule: 'confidence_falling',
      subjectType: 'priority',
      subjectId: p.id,
      engagementId: p.engagementId,
      severity: drop >= CRITICAL_DROP_POINTS ? 'critical' : 'warning',
      message: `Confidence in ${quoted(p.title)} fell from ${from} to ${to} over the last ${window.length} check-ins while it is still reported on track`,
      details: {
        fromConfidence: from,
        toConfidence: to,
        drop,
        checkIns: window.length,
        latestCheckInOn: window[0].createdOn,
      },
    });
  }
  return detections;
}
