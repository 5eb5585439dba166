import PDFDocument from 'pdfkit';
import type { HandoverPack } from './handover-content';

const MARGIN = 50;
const INK = '#1f2937';
const MUTED = '#6b7280';
const ACCENT = '#2563eb';

/**
 * The handover pack as a PDF, with pdfkit as the period report does (libs/domain/src/reports/report-pdf.ts): pure
 * JavaScript and standard fonts. Sections in the order the incoming executive reads them.
 */
export function renderHandoverPdf(pack: HandoverPack): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    // The pack's own date as creation date: the same pack always gives the same bytes.
    info: {
      Title: pack.title,
      Author: 'Throughline',
      Subject: 'Handover pack',
      CreationDate: new Date(`${pack.generatedOn}T00:00:00Z`),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica').fontSize(12).fillColor(ACCENT).text('HANDOVER PACK');
  doc.moveDown(0.3);
  doc.font('Helvetica-Bold').fontSize(24).fillColor(INK).text(pack.clientName);
  doc
    .font('Helvetica')
    .fontSize(14)
    .text(`${pack.function}: ${pack.fromExecutiveName} → ${pack.toExecutiveName}, effective ${pack.effectiveDate}`);
  doc.moveDown(0.5);
  doc.fontSize(11).fillColor(INK).text(`Reason: ${pack.reason}`);
  doc.fontSize(9).fillColor(MUTED).text(`Frozen on ${pack.generatedOn}`);
  const s = pack.summary;
  heading(doc, 'At a glance');
  doc
    .font('Helvetica')
    .fontSize(11)
    .fillColor(INK)
    .list(
      [
        `Open priorities: ${s.openPriorities}`,
        `Open milestones: ${s.openMilestones} (${s.overdueMilestones} overdue)`,
        `Re-plans so far: ${s.replans}`,
        `Check-ins in the last 8 weeks: ${s.checkInsLast8Weeks} (${s.blockers} with blockers)`,
        `Check-ins not acknowledged by the client: ${s.unacknowledgedCheckIns}`,
        `Open alerts: ${s.openAlerts}`,
      ],
      { bulletRadius: 2 },
    );

  heading(doc, 'Open priorities');
  if (!pack.priorities.length) muted(doc, 'No open priority.');
  for (const p of pack.priorities) {
    const trend = p.confidenceTrend.map((c) => c.confidence).join(' → ') || 'no check-ins';
    line(
      doc,
      `${p.rank}. ${p.title}`,
      `owner ${p.ownerName}${p.ownerTitle ? ` (${p.ownerTitle})` : ''} · ${p.status} · ${p.health.replace('_', ' ')} · target ${p.targetDate} · confidence ${trend}`,
    );
    for (const m of p.milestones) {
      const slip = m.slipDays === 0 ? 'on baseline' : `${m.slipDays > 0 ? '+' : ''}${m.slipDays} days vs baseline`;
      detail(
        doc,
        `• ${m.title}: due ${m.dueDate} (${m.status.replace('_', ' ')}${m.overdue ? ', overdue' : ''}, ${slip})`,
      );
      for (const r of m.replans)
        detail(doc, `    re-planned ${r.changedOn}: ${r.fromDate} → ${r.toDate} [${r.category}] ${r.reason}`, 20);
    }
  }

  heading(doc, 'Check-ins of the last 8 weeks');
  if (!pack.checkIns.length) muted(doc, 'No check-ins in the last 8 weeks.');
  for (const c of pack.checkIns)
    line(
      doc,
      `${c.date} · ${c.priorityTitle} · ${c.rag.replace('_', ' ')} · confidence ${c.confidence}${c.acknowledged ? '' : ' · not acknowledged'}`,
      `${c.note}${c.blockers ? `\nBlockers: ${c.blockers}` : ''}`,
    );

  heading(doc, 'Not acknowledged by the client');
  if (!pack.unacknowledgedCheckIns.length) muted(doc, 'None.');
  for (const u of pack.unacknowledgedCheckIns)
    line(doc, `${u.date} · ${u.priorityTitle} (${u.ageDays} days ago)`, u.note);

  heading(doc, 'Open alerts');
  if (!pack.openAlerts.length) muted(doc, 'None.');
  for (const a of pack.openAlerts) line(doc, `[${a.severity}] ${a.rule} since ${a.since}`, a.message);

  if (pack.allocationHistory) {
    heading(doc, 'Allocation history');
    for (const a of pack.allocationHistory) line(doc, `${a.effectiveDate}: ${a.daysPerWeek} days/week`, a.reason);
  }

  heading(doc, "The client's people");
  if (!pack.people.length) muted(doc, 'Nobody recorded.');
  for (const p of pack.people)
    line(
      doc,
      `${p.name}${p.title ? `, ${p.title}` : ''} · ${p.role}`,
      [p.email, p.owns.length ? `owns ${p.owns.join('; ')}` : ''].filter(Boolean).join(' · ') || '—',
    );
  doc.end();
  return done;
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  if (doc.y > doc.page.height - 160) doc.addPage();
  doc.moveDown(1);
  doc.font('Helvetica-Bold').fontSize(15).fillColor(INK).text(text, MARGIN);
  doc.moveDown(0.3);
}

function line(doc: PDFKit.PDFDocument, title: string, body: string): void {
  doc.font('Helvetica-Bold').fontSize(10.5).fillColor(INK).text(title, MARGIN);
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor(MUTED)
    .text(body, MARGIN + 10);
  doc.moveDown(0.3);
}

function detail(doc: PDFKit.PDFDocument, text: string, indent = 10): void {
  doc
    .font('Helvetica')
    .fontSize(9.5)
    .fillColor(INK)
    .text(text, MARGIN + indent);
}

function muted(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('Helvetica-Oblique').fontSize(10).fillColor(MUTED).text(text, MARGIN);
}
