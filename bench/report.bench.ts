import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReportContent, renderReportPdf, type ReportFacts } from '@app/domain';
import { resultsDir } from './paths';

/**
 * `npm run bench:report`: a period report of a 12-priority engagement over a quarter — 12 priorities × 8 milestones,
 * 3 re-plans each, a weekly check-in per priority for a year — built (the snapshot) and rendered as a PDF, 40 times
 * each after a warm-up. Targets (issue 18): p95 ≤ 1 s for each, PDF ≤ 1 MB. The database read behind the snapshot is
 * one statement over one engagement (ReportsRepository.periodFacts) and is not part of this figure.
 */
const RUNS = 40;
const TARGETS = { p95Ms: 1000, pdfBytes: 1024 * 1024 };

function facts(): ReportFacts {
  const day = (offset: number) => new Date(Date.UTC(2026, 0, 5 + offset)).toISOString().slice(0, 10);
  const priorities = Array.from({ length: 12 }, (_, i) => ({
    id: `p${i}`,
    title: `Priority ${i + 1}: rebuild the ${['pipeline', 'pricing', 'hiring', 'onboarding'][i % 4]} engine`,
    rank: i + 1,
    status: i < 5 ? 'active' : 'draft',
    ownerName: `Owner ${i + 1}`,
    targetDate: day(180 + i * 7),
    health: (['on_track', 'at_risk', 'off_track'] as const)[i % 3],
  }));
  const milestones = priorities.flatMap((p, i) =>
    Array.from({ length: 8 }, (_, j) => ({
      id: `m${i}-${j}`,
      priorityId: p.id,
      title: `Milestone ${j + 1} of ${p.title}`,
      baselineDueDate: day(14 * j + i),
      dueDate: day(14 * j + i + (j % 3) * 5),
      status: (j < 4 ? 'done' : 'planned') as 'done' | 'planned',
      completedOn: j < 4 ? day(14 * j + i + (j % 2) * 3) : null,
    })),
  );
  const replans = milestones
    .filter((_, k) => k % 3 === 0)
    .flatMap((m, k) =>
      Array.from({ length: 3 }, (_, n) => ({
        milestoneId: m.id,
        changedOn: day(10 + k + n * 5),
        oldDueDate: day(20 + k + n * 5),
        newDueDate: day(27 + k + n * 5),
        reason: `The client's team needed another week for review (${n + 1})`,
      })),
    );
  const checkIns = priorities.flatMap((p, i) =>
    Array.from({ length: 52 }, (_, w) => ({
      priorityId: p.id,
      createdOn: day(w * 7 + (i % 5)),
      rag: (['on_track', 'at_risk'] as const)[(w + i) % 2],
      confidence: 4 + ((w + i) % 6),
      note: `Week ${w + 1}: progress on ${p.title}; next steps agreed with the client's leadership team.`,
      blockers: w % 6 === 0 ? 'Waiting on data access from the client' : null,
      authorName: 'Dana Reyes',
    })),
  );
  const driftTrend = Array.from({ length: 90 }, (_, d) => ({ date: day(d), score: 20 + ((d * 7) % 50) }));
  return {
    generatedOn: '2026-04-10',
    period: { start: '2026-01-05', end: '2026-04-04' },
    engagement: {
      clientName: 'Corvid Analytics',
      executiveName: 'Dana Reyes',
      function: 'CRO',
      startDate: '2026-01-05',
    },
    priorities,
    milestones,
    replans,
    checkIns,
    driftTrend,
  };
}

const p95 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.ceil(samples.length * 0.95) - 1]!;

async function main(): Promise<void> {
  const input = facts();
  let content = buildReportContent(input);
  let pdf = await renderReportPdf(content);
  const snapshotMs: number[] = [];
  const pdfMs: number[] = [];
  for (let n = 0; n < RUNS; n++) {
    let t = performance.now();
    content = buildReportContent(input);
    snapshotMs.push(performance.now() - t);
    t = performance.now();
    pdf = await renderReportPdf(content);
    pdfMs.push(performance.now() - t);
  }
  const result = {
    benchmark: 'report',
    at: new Date().toISOString(),
    engagement: { priorities: 12, milestones: input.milestones.length, checkIns: input.checkIns.length },
    snapshotP95Ms: Math.round(p95(snapshotMs) * 10) / 10,
    pdfP95Ms: Math.round(p95(pdfMs) * 10) / 10,
    pdfBytes: pdf.length,
    targets: TARGETS,
    verdict: {
      snapshot: p95(snapshotMs) <= TARGETS.p95Ms ? 'PASS' : 'MISS',
      pdf: p95(pdfMs) <= TARGETS.p95Ms ? 'PASS' : 'MISS',
      size: pdf.length <= TARGETS.pdfBytes ? 'PASS' : 'MISS',
    },
  };
  process.stdout.write(
    `report of a 12-priority engagement: snapshot p95 ${result.snapshotP95Ms} ms (${result.verdict.snapshot}), ` +
      `PDF p95 ${result.pdfP95Ms} ms (${result.verdict.pdf}), PDF ${(pdf.length / 1024).toFixed(0)} KB (${result.verdict.size})\n`,
  );
  const dir = resultsDir();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'report-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
