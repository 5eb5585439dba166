import PDFDocument from 'pdfkit';
import type { ReportContent } from './report-content';

const MARGIN = 50;
const INK = '#1f2937';
const MUTED = '#6b7280';
const ACCENT = '#2563eb';

/**
 * The report as a PDF, with pdfkit (pure JavaScript, its standard fonts: nothing to fetch or launch, so it works on
 * the embedded default). Sections in the order a QBR is read: cover, summary, what landed, slips, trends, check-ins,
 * blockers, the next period.
 */
export function renderReportPdf(content: ReportContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    // A fixed creation date (the report's own) makes the file identical on every download: pdfkit derives the
    // document ID from the info dictionary, so the same report always gives the same bytes.
    info: {
      Title: content.title,
      Author: 'Throughline',
      Subject: 'Period report',
      CreationDate: new Date(`${content.generatedOn}T00:00:00Z`),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  cover(doc, content);
  doc.addPage();
  heading(doc, 'Executive summary');
  doc.font('Helvetica').fontSize(12).fillColor(INK).text(content.headline);
  doc.moveDown(0.5);
  const f = content.figures;
  bullets(doc, [
    `Milestones landed: ${f.milestonesLanded} (${f.landedOnTime} on time, ${f.landedLate} late)`,
    `Re-plans that moved a date later: ${f.replans} (${f.daysSlipped} days in total)`,
    `Open milestones overdue at the end of the period: ${f.openOverdue}`,
    `Drift score: ${f.driftStart ?? '–'} → ${f.driftEnd ?? '–'} (lower is better)`,
    `Average confidence in check-ins: ${f.averageConfidence ?? '–'} / 10`,
  ]);

  heading(doc, 'What landed against baseline');
  if (!content.landed.length) muted(doc, 'No milestone was completed in this period.');
  for (const l of content.landed)
    line(
      doc,
      `${l.title} (${l.priorityTitle})`,
      `done ${l.completedOn} · baseline ${l.baselineDueDate} · ${late(l.daysLate)}`,
    );

  heading(doc, 'Slips and their reasons');
  if (!content.slips.length) muted(doc, 'No date moved later in this period.');
  for (const s of content.slips)
    line(
      doc,
      `${s.title} (${s.priorityTitle})`,
      `${s.fromDate} → ${s.toDate} (+${s.days} days) on ${s.changedOn}: ${s.reason}`,
    );

  heading(doc, 'Drift score');
  chart(
    doc,
    content.driftTrend.map((p) => ({ label: p.date, value: p.score })),
    100,
  );
  heading(doc, 'Confidence by priority');
  if (!content.confidenceTrends.length) muted(doc, 'No check-ins in this period.');
  for (const t of content.confidenceTrends) {
    doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(t.priorityTitle);
    chart(
      doc,
      t.points.map((p) => ({ label: p.date, value: p.confidence })),
      10,
    );
  }

  heading(doc, 'Check-in highlights');
  if (!content.highlights.length) muted(doc, 'No check-ins in this period.');
  for (const h of content.highlights)
    line(doc, `${h.priorityTitle} · ${h.date} · ${h.rag.replace('_', ' ')} · confidence ${h.confidence}`, h.note);
  heading(doc, 'Blockers raised');
  if (!content.blockers.length) muted(doc, 'None.');
  for (const b of content.blockers) line(doc, `${b.priorityTitle} · ${b.date}`, b.text);

  if (content.pulse) {
    heading(doc, 'Client pulse');
    const pulse = content.pulse;
    if (!pulse.answers) muted(doc, 'No pulse answers in this period.');
    else
      line(
        doc,
        `Satisfaction with progress: ${pulse.mean} of 5 (${pulse.answers} ${pulse.answers === 1 ? 'answer' : 'answers'})`,
        pulse.previousMean === null
          ? 'No answers in the period before.'
          : `The period before: ${pulse.previousMean} of 5.`,
      );
    for (const c of pulse.comments) line(doc, `${c.date} · ${c.score} of 5`, c.comment);
  }

  heading(doc, `Next period (${content.nextPeriod.start} to ${content.nextPeriod.end})`);
  if (!content.nextPeriodPriorities.length) muted(doc, 'No active priorities.');
  for (const p of content.nextPeriodPriorities) {
    const due = p.milestonesDue.map((m) => `${m.title} (${m.dueDate})`).join('; ') || 'no milestone due';
    line(doc, `${p.rank}. ${p.title} · owner ${p.ownerName} · ${p.health.replace('_', ' ')}`, due);
  }
  doc.end();
  return done;
}

function cover(doc: PDFKit.PDFDocument, content: ReportContent): void {
  doc.moveDown(6);
  doc.font('Helvetica').fontSize(12).fillColor(ACCENT).text('PERIOD REPORT');
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').fontSize(28).fillColor(INK).text(content.clientName);
  doc.font('Helvetica').fontSize(16).text(`${content.function} engagement with ${content.executiveName}`);
  doc.moveDown(1);
  doc.fontSize(14).text(`${content.period.start} to ${content.period.end}`);
  doc.moveDown(2);
  doc.fontSize(12).fillColor(INK).text(content.headline, { width: 400 });
  doc.moveDown(6);
  doc.fontSize(9).fillColor(MUTED).text(`Prepared with Throughline on ${content.generatedOn}`);
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  if (doc.y > doc.page.height - 160) doc.addPage();
  doc.moveDown(1);
  doc.font('Helvetica-Bold').fontSize(15).fillColor(INK).text(text, MARGIN);
  doc.moveDown(0.3);
}

function bullets(doc: PDFKit.PDFDocument, items: string[]): void {
  doc.font('Helvetica').fontSize(11).fillColor(INK).list(items, { bulletRadius: 2 });
}

function line(doc: PDFKit.PDFDocument, title: string, detail: string): void {
  doc.font('Helvetica-Bold').fontSize(10.5).fillColor(INK).text(title, MARGIN);
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor(MUTED)
    .text(detail, MARGIN + 10);
  doc.moveDown(0.3);
}

function muted(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('Helvetica-Oblique').fontSize(10).fillColor(MUTED).text(text, MARGIN);
}

function late(days: number): string {
  if (days === 0) return 'on the baseline date';
  return days < 0 ? `${-days} days early` : `${days} days late`;
}

/** A line chart with pdfkit's own vector drawing: the points over [0, max], first and last labels below. */
function chart(doc: PDFKit.PDFDocument, points: Array<{ label: string; value: number }>, max: number): void {
  if (points.length === 0) return muted(doc, 'No data in this period.');
  const width = 420;
  const height = 70;
  if (doc.y + height + 30 > doc.page.height - MARGIN) doc.addPage();
  const top = doc.y + 4;
  const left = MARGIN + 10;
  doc.save().lineWidth(0.5).strokeColor('#d1d5db').rect(left, top, width, height).stroke().restore();
  const x = (i: number) => left + (points.length === 1 ? width / 2 : (i * width) / (points.length - 1));
  const y = (v: number) => top + height - (Math.min(Math.max(v, 0), max) / max) * height;
  doc.save().lineWidth(1.5).strokeColor(ACCENT);
  points.forEach((p, i) => (i === 0 ? doc.moveTo(x(i), y(p.value)) : doc.lineTo(x(i), y(p.value))));
  doc.stroke();
  for (const [i, p] of points.entries()) doc.circle(x(i), y(p.value), 2).fill(ACCENT);
  doc.restore();
  const first = points[0]!;
  const last = points[points.length - 1]!;
  doc.font('Helvetica').fontSize(8).fillColor(MUTED);
  doc.text(`${first.label}: ${first.value}`, left, top + height + 3, { lineBreak: false });
  doc.text(`${last.label}: ${last.value}`, left + width - 90, top + height + 3, { width: 90, align: 'right' });
  doc.x = MARGIN;
  doc.y = top + height + 16;
}
