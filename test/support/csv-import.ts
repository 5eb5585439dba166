import { stringify } from 'csv-stringify/sync';
import type { HttpClient, HttpResponse } from './http-client';

export type CsvFiles = Partial<
  Record<'clients' | 'executives' | 'engagements' | 'owners' | 'priorities' | 'milestones', string | Uint8Array>
>;

/** POST /imports as multipart/form-data, one file per type, as a browser's form sends it. */
export async function uploadCsv(
  client: HttpClient,
  files: CsvFiles,
  mode: 'dry-run' | 'commit' = 'dry-run',
): Promise<HttpResponse> {
  const form = new FormData();
  for (const [type, content] of Object.entries(files))
    form.append(
      type,
      new Blob([typeof content === 'string' ? content : Buffer.from(content)], { type: 'text/csv' }),
      `${type}.csv`,
    );
  const response = await fetch(`${client.baseUrl}/imports?mode=${mode}`, {
    method: 'POST',
    headers: client.token ? { authorization: `Bearer ${client.token}` } : {},
    body: form,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: response.status, body, headers: response.headers };
}

/** A GET answered as text (CSV, ICS): the raw bytes decoded, the BOM kept. */
export async function getText(
  client: HttpClient,
  path: string,
): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(`${client.baseUrl}${path}`, {
    headers: client.token ? { authorization: `Bearer ${client.token}` } : {},
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    status: response.status,
    text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
    headers: response.headers,
  };
}

/**
 * A generated firm of about `rows` CSV rows across the six types (clients : executives : engagements : owners :
 * priorities : milestones ≈ 1 : 1 : 2 : 2 : 8 : 36 → 50 rows per client), with keys prefixed by `tag` so several
 * firms live side by side. Every row is valid; four active priorities per engagement stay under the default cap.
 */
export function generateFirm(rows: number, tag: string): Record<string, string> {
  const clients = Math.max(1, Math.round(rows / 50));
  const out = { clients: [], executives: [], engagements: [], owners: [], priorities: [], milestones: [] } as Record<
    string,
    string[][]
  >;
  const date = (day: number) => new Date(Date.UTC(2026, 0, 5 + day)).toISOString().slice(0, 10);
  for (let c = 0; c < clients; c++) {
    const cl = `${tag}-CL-${c}`;
    out.clients.push([
      cl,
      `Client ${tag} ${c}`,
      c % 3 === 0 ? '' : 'Software',
      ['emerging', 'growth', 'enterprise'][c % 3],
    ]);
    const ex = `${tag}-EX-${c}`;
    out.executives.push([ex, `Executive ${c}`, `exec-${tag}-${c}@example.com`, 'CRO|CMO']);
    for (let e = 0; e < 2; e++) {
      const en = `${cl}-EN-${e}`;
      out.engagements.push([
        en,
        cl,
        ex,
        e === 0 ? 'CRO' : 'CMO',
        '2026-01-05',
        '2026-12-18',
        String(1 + e + (c % 4) / 2),
      ]);
      const ow = `${cl}-OW-${e}`;
      out.owners.push([
        ow,
        cl,
        `Owner ${c}.${e}`,
        `owner-${tag}-${c}-${e}@example.com`,
        e ? 'VP Marketing' : 'VP Sales',
      ]);
      for (let p = 0; p < 4; p++) {
        const pr = `${en}-PR-${p}`;
        out.priorities.push([
          pr,
          en,
          ow,
          `Priority ${p + 1} of ${en}`,
          'active',
          String(p + 1),
          '2026-01-05',
          date(150 + p * 30),
        ]);
        for (let m = 0; m < 4 + (p === 0 ? 2 : 0); m++) {
          const done = m === 0 && p < 2;
          out.milestones.push([
            `${pr}-MS-${m}`,
            pr,
            m === 1 ? `-${m + 1} weeks of pipeline` : `Milestone ${m + 1}`,
            date(20 + m * 25 + p * 7),
            done ? 'done' : m === 1 ? 'in_progress' : 'planned',
            String(1 + (m % 3)),
            done ? `${date(18 + p * 7)}T10:00:00.000Z` : '',
          ]);
        }
      }
    }
  }
  const headers: Record<string, string[]> = {
    clients: ['external_key', 'name', 'industry', 'stage'],
    executives: ['external_key', 'name', 'email', 'functions'],
    engagements: [
      'external_key',
      'client_key',
      'executive_key',
      'function',
      'start_date',
      'planned_end_date',
      'days_per_week',
    ],
    owners: ['external_key', 'client_key', 'name', 'email', 'title'],
    priorities: ['external_key', 'engagement_key', 'owner_key', 'title', 'status', 'rank', 'start_date', 'target_date'],
    milestones: ['external_key', 'priority_key', 'title', 'due_date', 'status', 'weight', 'completed_at'],
  };
  return Object.fromEntries(
    Object.entries(out).map(([type, records]) => [type, stringify([headers[type], ...records])]),
  );
}
